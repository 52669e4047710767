# mode: both
# On one line the constants are shared, interned or not.
a = "wtf!"; b = "wtf!"; print(a is b)
c = "a b c"; d = "a b c"; print(c is d)
e = "x y"
f = "x y"
print(e is f, e == f)
