# exit and quit exist as builtins.
print(callable(exit), callable(quit))
print(repr(exit))
print(str(quit))
try:
    exit(4)
except SystemExit as e:
    print("SystemExit", e.code)
