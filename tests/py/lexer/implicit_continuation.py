# Newlines inside brackets do not end the statement.
values = [
    1,
    2,
    3,
]
print(values)
d = {
    "a": 1,
    "b": 2,
}
print(d)
result = max(1,
             5,
             3)
print(result)
t = (1 +
     2)
print(t)
