# Set comprehensions.
print({x % 5 for x in range(20)})
print({x * x for x in [-2, -1, 0, 1, 2]})
print({c for c in "hello" if c != "l"} == {"h", "e", "o"})
print(len({(x, y) for x in range(3) for y in range(3)}))
