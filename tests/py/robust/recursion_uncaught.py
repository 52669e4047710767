def f():
    f()

f()
