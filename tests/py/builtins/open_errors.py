# Errors from open() and closed files.
import os
try:
    open("no_such_file_here.txt")
except FileNotFoundError as e:
    print(type(e).__name__, e)
name = "open_errors.tmp"
f = open(name, "w")
f.close()
try:
    f.write("x")
except ValueError as e:
    print(type(e).__name__, e)
try:
    f.read()
except ValueError as e:
    print(type(e).__name__, e)
os.remove(name)
