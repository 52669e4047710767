# dir(None) lists NoneType's attributes; None.__class__ is NoneType;
# exceptions have __setstate__.
print(dir(None))
print(None.__class__, None.__repr__(), None.__eq__(None), type(None).__repr__(None))
print(dir(Exception))
e = ValueError("x")
e.__setstate__({"note": 1})
print(e.note, e.args)
print(object.__dir__.__get__(None, int))
