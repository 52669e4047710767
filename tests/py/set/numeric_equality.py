# Equal numbers collapse to one set element.
s = {1, 1.0, True}
print(s, len(s))
t = {0, 0.0, False, -0.0}
print(t, len(t))
print({1, 2} == {1.0, 2.0}, 1.0 in {1}, True in {1})
