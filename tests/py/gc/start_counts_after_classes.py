# mode: both
# Classes with methods, lambdas, nested functions and comprehensions:
# every code object and every constant the compiler merged shows in the
# counts at the first instruction.
import gc
print(gc.get_count())
class A:
    "A class with a docstring."
    x = 1
    def m(self, p=None):
        return (self, p, 'str', b'bytes', True, -0.0)
    @staticmethod
    def s():
        return {1, 2}
class B(A):
    def m(self):
        return super().m() + (lambda q: q)(1)
def outer(a, b=1, *args, c=(1, 2), **kw):
    """doc"""
    x = [i * 2 for i in range(a)]
    y = {k: v for k, v in kw.items()}
    def inner(z):
        return a + z + 1.5
    return inner, x, y
g = (i for i in range(3))
t = ('a', ('b', 'c'), None)
f = lambda: 0
