# Dict comprehensions.
print({x: x * x for x in range(5)})
print({k: v for k, v in zip("abc", [1, 2, 3]) if v != 2})
words = ["apple", "bob", "cat"]
print({w: len(w) for w in words})
inv = {v: k for k, v in {"a": 1, "b": 2}.items()}
print(inv)
print({x % 3: x for x in range(10)})
