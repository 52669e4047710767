# Evaluation order of assignments with several targets.
log = []
def val(v):
    log.append(v)
    return v
a = [0, 0, 0]
i = 0
i, a[i] = 1, 2
print(i, a)
x = y = val("rhs")
print(x, y, log)
d = {}
d[val("k1")] = d[val("k2")] = val("v")
print(d, log)
