# pass in every kind of block.
def f():
    pass
class C:
    pass
for i in range(2):
    pass
if True:
    pass
else:
    pass
try:
    pass
except Exception:
    pass
print(f(), type(C()).__name__, i)
