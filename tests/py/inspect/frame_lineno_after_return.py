import sys
def f():
    x = 1
    try:
        1/0
    except ZeroDivisionError as e:
        y = 2
        err = e
    z = 3
    return err
def h():
    a = 1
    raise KeyError(a)
e = f()
print(e.__traceback__.tb_frame, e.__traceback__.tb_frame.f_lineno, e.__traceback__.tb_lineno)
try:
    h()
except KeyError as k:
    t = k.__traceback__
    print(t.tb_next.tb_frame.f_lineno, t.tb_next.tb_lineno, t.tb_frame.f_lineno)
def gen():
    yield 1
    1/0
try:
    for v in gen(): pass
except ZeroDivisionError as z:
    print(z.__traceback__.tb_next.tb_frame.f_lineno)

