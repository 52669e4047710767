# mode: both
x = 1
x +
print('a')
if x == 1
    print('b')

print('c')
def g():
    return 1 +

1 = x
'after'
for i in range(2):
print(i)

print('end')
else:
    pass

x
