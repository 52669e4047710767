# *args collects extra positional arguments.
def f(a, *args):
    return a, args
print(f(1))
print(f(1, 2, 3))
def total(*nums):
    return sum(nums)
print(total(), total(1, 2, 3))
values = [4, 5, 6]
print(f(*values))
print(f(0, *values, 7))
print(total(*range(5)))
