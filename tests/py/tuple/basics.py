# Creating tuples, including the one-element form.
t = (1, "a", 2.5)
print(t, len(t), t[0], t[-1])
print((), (1,), (1), tuple(), tuple([1, 2]), tuple("ab"))
x = 1, 2, 3
print(x, type(x).__name__)
print((1, (2, (3,))), ((),))
