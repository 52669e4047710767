# repr of tuples containing other containers.
print((1, "a", None, [1, (2,)], {"k": (3,)}))
print(((1,),), repr(()), repr((1,)), str((("x",),)))
print(tuple([[], {}]))
t = ([],)
t[0].append(t)
print(t)
print(str((1.0, -0.0, "é")))
