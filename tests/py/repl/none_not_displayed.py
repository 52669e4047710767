# mode: both
# None results are not displayed; assignments display nothing.
None
x = 5
print("x assigned")
[].append(1)
def f():
    pass

f()
x
