# A triple-quoted string that never ends.
print("start")
x = 1
s = """this string
is never closed
print(s)
