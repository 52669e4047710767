# mode: both
class Bad:
    def __del__(self):
        raise ValueError('oops in del')

b = Bad()
del b
print('after bad')
class Err:
    def __del__(self):
        print('deleting Err')

def f():
    e = Err()
    raise KeyError('k')

try:
    f()
except KeyError as ex:
    print('caught', ex)

print('after except')
def g():
    e = Err()
    1/0

try:
    g()
except ZeroDivisionError:
    saved = None
    print('in handler')

print('done')
