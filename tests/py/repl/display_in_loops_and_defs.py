# mode: both
for i in range(3):
    i
    i * 2

for w in ['a', 'b']:
    w.upper()
    print(w)

x = 0
while x < 2:
    x += 1
    x

def f():
    'docstring'
    5
    return None

f()
if 1:
    None
    'shown'

[print(i) for i in range(2)]
