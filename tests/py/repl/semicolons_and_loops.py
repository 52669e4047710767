# mode: both
x = 1; y = 2; x + y
1; 2; 3
print('a'); 'b'
a = [1, 2]; a.append(3); a
None; 5
_
for i in range(3): i

_
for i in range(2):
    i * 10
    None

_
if True: 'yes'

def f(): return 42

f()
_ + 1
class K:
    def __repr__(self):
        return 'K()'

K()
_
