# mode: both
# 256 is in the small-int cache: two names bound to 256 share one object.
a = 256
b = 256
print(a is b)
print(a == b)
