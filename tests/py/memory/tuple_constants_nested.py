# mode: both
# Nested tuples of constants on one line are shared.
t1 = ((1, 2), "x"); t2 = ((1, 2), "x"); print(t1 is t2, t1[0] is t2[0])
u = (1, 2)
print(u is t1[0], u == t1[0])
