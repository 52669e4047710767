# A comment on its own line.
x = 1  # trailing comment
# print("not executed")
    # indented comment is fine
print(x)  # comment after code
s = "# not a comment"
print(s)
def f():
    # comment inside a function
    return 2
# comment between statements
print(f())
