# Writing a file opened for reading (and reading one opened for writing)
# raises io.UnsupportedOperation, an OSError that is also a ValueError.
import os
path = "open_unsupported_operation.tmp"
with open(path, "w") as f:
    f.write("data\n")
    try:
        f.read()
    except OSError as e:
        print(type(e).__name__, e, isinstance(e, ValueError))
with open(path) as f:
    try:
        f.write("x")
    except ValueError as e:
        print(type(e).__name__, e, isinstance(e, OSError), type(e).__module__)
os.remove(path)
f = open(path, "w")
f.close()
try:
    f.write("x")
except ValueError as e:
    print(type(e).__name__, e)
with open(path) as f:
    try:
        f.write("boom")
    finally:
        os.remove(path)
