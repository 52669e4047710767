# mode: both
import sys
def f():
    return 'x'

f()
try:
    sys.exit(5)
except SystemExit as e:
    print('caught exit', e.code)

print('continuing')
raise SystemExit('bye message')
print('not reached')
