# %-formatting with a mapping.
data = {"name": "Bob", "n": 3, "f": 2.5}
print("%(name)s has %(n)d items costing %(f).2f" % data)
print("%(name)r %(name)s" % data)
try:
    "%(missing)s" % data
except KeyError as e:
    print(type(e).__name__, e)
