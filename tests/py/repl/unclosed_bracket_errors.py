# mode: both
# An error inside a still-open bracket is reported as soon as CPython can
# name it, without waiting for the bracket to close.
print(1
print(2)

3
d = {
 "a": 1
 "b": 2
}
d
items = [1,
 2
 3]
items = [1,

 2]
items
if True:
    x = 1
    print(x
    print("z")

print("end")
