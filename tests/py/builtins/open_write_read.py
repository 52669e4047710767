# Writing and reading a text file; the file is removed at the end.
import os
name = "open_write_read.tmp"
f = open(name, "w")
n = f.write("line one\nline two\n")
f.close()
print(n, os.path.exists(name))
f = open(name)
print(repr(f.read()))
f.close()
with open(name, "a") as f:
    f.write("line three\n")
with open(name) as f:
    print(f.readlines())
os.remove(name)
print(os.path.exists(name))
