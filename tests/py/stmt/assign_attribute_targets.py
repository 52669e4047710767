# Assignment to attributes of objects.
class Box:
    pass
b = Box()
b.x = 1
b.y = b.x + 1
print(b.x, b.y)
b.inner = Box()
b.inner.value = "deep"
print(b.inner.value)
b.x, b.y = b.y, b.x
print(b.x, b.y)
b.x += 10
print(b.x)
