# ZeroDivisionError messages for each operator.
for op in ["/", "//", "%", "divmod", "float/", "float//", "float%", "pow"]:
    try:
        if op == "/": 1 / 0
        elif op == "//": 1 // 0
        elif op == "%": 1 % 0
        elif op == "divmod": divmod(1, 0)
        elif op == "float/": 1.0 / 0
        elif op == "float//": 1.0 // 0.0
        elif op == "float%": 1.0 % 0
        elif op == "pow": 0.0 ** -1
    except ZeroDivisionError as e:
        print(op, type(e).__name__, e)
