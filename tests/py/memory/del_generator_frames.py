# mode: both
class Tracked:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('freed', self.name)

def gen():
    t = Tracked('in-gen')
    yield 1
    yield 2
    print('gen finishing')

g = gen()
print(next(g))
del g
print('after del g')
g = gen()
for v in g:
    print(v)

print('after loop')
del g
def gen2():
    t = Tracked('g2')
    try:
        yield 1
    finally:
        print('finally runs')

x = gen2()
next(x)
x = None
print('end')
