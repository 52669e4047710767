# try/except catching by type, by tuple and by base class.
try:
    1 / 0
except ZeroDivisionError:
    print("caught ZeroDivisionError")
try:
    int("x")
except (TypeError, ValueError) as e:
    print("caught from tuple:", type(e).__name__)
try:
    [][1]
except LookupError as e:
    print("caught via base class:", type(e).__name__)
try:
    {}["k"]
except Exception as e:
    print("caught Exception:", type(e).__name__)
