# mode: both
# 'is' tests identity, '==' tests equality.
one = 1
one_float = 1.0
true = True
print(one == one_float, one is one_float)
print(one == true, one is true)
a = [1]
b = [1]
print(a == b, a is b)
