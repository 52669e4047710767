# readline and iterating over a file's lines.
import os
name = "open_readline_iter.tmp"
with open(name, "w") as f:
    for i in range(3):
        f.write("row " + str(i) + "\n")
    f.write("last row without newline")
with open(name) as f:
    print(repr(f.readline()))
    print(repr(f.readline()))
    for line in f:
        print(repr(line))
    print(repr(f.readline()))
with open(name) as f:
    print([line.strip() for line in f])
os.remove(name)
