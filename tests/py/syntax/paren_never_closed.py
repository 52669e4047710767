# An opening parenthesis that is never closed.
print("start")
values = (1, 2,
          3
print(values)
