# mode: both
'single'
"it's"
'a\nb'
b'bytes'
1.0
1e100
2**100
-0.0
True
(1,)
[]
{}
set()
{1: 'a'}
frozenset({1})
range(5)
print
len
type(1)
...
NotImplemented
'\x00\t'
'é'
