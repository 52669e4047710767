# all and any, including empty iterables and short-circuiting.
print(all([]), any([]), all([1, 2]), all([1, 0]), any([0, 0]), any([0, 3]))
print(all("abc"), any(""), all([[]]), any([[], [0]]))
def noisy(x):
    print("check", x)
    return x
print(any(noisy(x) for x in [0, 1, 2]))
print(all(noisy(x) for x in [1, 0, 2]))
