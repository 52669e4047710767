# mode: both
# A loop variable is another reference.
import sys
a = []
for x in [a]:
    print(sys.getrefcount(a))

print(sys.getrefcount(a))
del x
print(sys.getrefcount(a))
