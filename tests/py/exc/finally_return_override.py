# A return in finally overrides the try's return and swallows exceptions.
def f():
    try:
        return "try"
    finally:
        return "finally"
print(f())
def g():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"
print(g())
def h():
    x = "before"
    try:
        return x
    finally:
        x = "changed"
print(h())
