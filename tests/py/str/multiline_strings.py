# Triple-quoted strings keep newlines and indentation.
text = """first
  second
third"""
print(text)
print(text.splitlines())
print(len(text.splitlines()), text.count("\n"))
lines = ["x", "y"]
print("\n".join(lines))
