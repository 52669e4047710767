# mode: both
class A:
    pass

print(id(A()) == id(A()))
print(id([]) == id([]))
print([] is [])
print(id(1) == id(1), id(300) == id(300))
a = 'abc'
print(id(a) == id('abc'))
