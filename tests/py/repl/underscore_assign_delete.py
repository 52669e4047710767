# mode: both
import sys
1 + 1
_ * 10
_
print(_)
x = 5
_
_ = 'manual'
_
7
_
del _
8
_
