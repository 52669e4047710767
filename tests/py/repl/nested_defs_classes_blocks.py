# mode: both
def outer():
    def inner(x):
        return x * 2
    return inner(21)

outer()
class A:
    class B:
        v = 5
    def get(self):
        return self.B.v

A().get()
x = 10
while x > 7:
    x -= 1
    x

try:
    1/0
except ZeroDivisionError:
    'caught'
finally:
    'finally-value'

with open('/dev/null') as fh:
    'inside with'

[n * n for n in range(4)]
_
lambda: 1
(lambda: 2)()
None
_
