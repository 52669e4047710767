# Creating and removing a file with os.remove.
import os
name = "os_remove.tmp"
with open(name, "w") as f:
    f.write("temporary")
print(os.path.exists(name))
os.remove(name)
print(os.path.exists(name))
try:
    os.remove(name)
except FileNotFoundError as e:
    print(type(e).__name__, e)
