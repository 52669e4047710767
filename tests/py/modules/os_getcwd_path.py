# os.getcwd, os.path.join and os.path.exists.
import os
cwd = os.getcwd()
print(type(cwd).__name__, len(cwd) > 0)
print(os.path.join("a", "b", "c.txt"), os.path.join("a/", "b"), os.path.join("/base", "x"))
print(os.path.join("a", "/abs", "b"))
print(os.path.exists(os.path.join(cwd, "os_getcwd_path.py")))
print(os.path.exists("definitely_missing_file.xyz"), os.path.exists("."))
