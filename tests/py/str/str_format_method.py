# str.format with positional, keyword and indexed fields.
print("{} and {}".format("a", "b"))
print("{1} {0} {1}".format("x", "y"))
print("{name} is {age}".format(name="Ann", age=30))
print("{0[0]} {0[1]} {1[k]}".format([1, 2], {"k": "v"}))
print("{:>6}|{:<6}|{:^6}|".format("r", "l", "c"))
print("{{}} {}".format("braces"))
print("{0!r} {0!s}".format("q"))
try:
    "{} {}".format(1)
except IndexError as e:
    print(type(e).__name__, e)
