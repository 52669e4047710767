# Exceptions are objects: attributes, isinstance, and storing them.
errors = []
for value in ["1", "x", "2", "y"]:
    try:
        int(value)
    except ValueError as e:
        errors.append(e)
print(len(errors))
for e in errors:
    print(type(e).__name__, e.args)
e = errors[0]
e.note = "extra attribute"
print(e.note, isinstance(e, Exception))
