# Nested try statements and propagation to outer handlers.
def f(kind):
    try:
        try:
            if kind == 1:
                raise KeyError("k")
            if kind == 2:
                raise ValueError("v")
            return "no error"
        except KeyError:
            return "inner handled KeyError"
        finally:
            print("inner finally", kind)
    except ValueError:
        return "outer handled ValueError"
for k in [0, 1, 2]:
    print(f(k))
