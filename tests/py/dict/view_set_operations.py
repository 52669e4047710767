# Set operations on keys and items views.
a = {1: "x", 2: "y", 3: "z"}
b = {2: "y", 3: "w", 4: "v"}
print(a.keys() & b.keys())
print(a.keys() | b.keys())
print(a.keys() - b.keys(), a.keys() ^ b.keys())
print(a.items() & b.items())
print(a.keys() == {1, 2, 3}, a.keys() <= {1, 2, 3, 4})
print(a.keys() & [1, 5])
