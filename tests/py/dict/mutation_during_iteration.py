# Changing a dict's size while iterating raises RuntimeError.
d = {1: "a", 2: "b"}
try:
    for k in d:
        d[k + 10] = "new"
except RuntimeError as e:
    print(type(e).__name__, e)
d = {1: "a", 2: "b", 3: "c"}
try:
    for k in d:
        del d[k]
except RuntimeError as e:
    print(type(e).__name__, e)
d = {1: "a", 2: "b"}
for k in list(d):
    del d[k]
print(d)
d = {1: 0}
for k in d:
    d[k] = 5
print(d)
