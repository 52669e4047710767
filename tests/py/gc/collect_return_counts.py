# mode: both
import gc
gc.disable()
gc.collect()
class A:
    pass

def make_cycles(n):
    for i in range(n):
        a = A()
        b = A()
        a.b = b
        b.a = a

make_cycles(5)
print(gc.collect())
def make_list_cycles(n):
    for i in range(n):
        l = []
        l.append(l)

make_list_cycles(7)
print(gc.collect())
def make_dict_cycles(n):
    for i in range(n):
        d = {}
        d['d'] = d

make_dict_cycles(3)
print(gc.collect())
def mixed():
    a = A()
    a.items = [a, {'a': a}]

mixed()
print(gc.collect())
print(gc.collect())
