# slice objects.
s = slice(1, 5, 2)
print(s, s.start, s.stop, s.step)
print(slice(3), slice(None, None, -1))
lst = list(range(10))
print(lst[s], lst[slice(3)], "abcdef"[slice(None, None, -1)])
print(lst[slice(-3, None)], lst[slice(None, None, -4)], lst[slice(100, 200)])
