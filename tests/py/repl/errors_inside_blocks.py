# mode: both
for i in range(3):
    print(i)
    if i == 1:
        1/0
print('after')
def f(:
    pass
print('next')
y = 5
y
if y > 3:
    'big'
else:
    'small'
try:
    undefined_name
except NameError as e:
    e
print(undefined_again)
'still here'
