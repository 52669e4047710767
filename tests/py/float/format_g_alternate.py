# 'g' with '#' keeps trailing zeros even when rounding carries into a new
# exponent (999999.9 -> 1.00000e+06), in format() and in %-formatting.
for v in [999999.9, 9999995.0, 999.9, 9.9999999, 0.000099999, 99.5, 0.5, 1e22, -999999.9, 0.0]:
    row = []
    for spec in ["#g", "#.3g", "#.1g", "#.0g", "#G", ".3g", "#.8g", "+#.2g"]:
        row.append(format(v, spec))
    print(v, row, "%#g" % v, "%#.2G" % v, "%.3g" % v)
