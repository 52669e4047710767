# Messages and reprs: enumerate() without arguments, int.from_bytes(str),
# the repr of the os module.
import os, sys
try:
    enumerate()
except TypeError as e:
    print(e)
try:
    int.from_bytes("ab", "big")
except TypeError as e:
    print(e)
print(os, sys)
