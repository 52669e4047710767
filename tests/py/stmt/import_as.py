# import m as n.
import math as m
import sys as system
print(m.pi)
print(system.maxsize > 0)
import os as o, time as t
print(type(o.getcwd()).__name__, type(t.time()).__name__)
try:
    print(math.pi)
except NameError as e:
    print(type(e).__name__, e)
