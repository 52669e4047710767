# find, rfind, index and rindex-free searching.
s = "hello world, hello"
print(s.find("hello"), s.rfind("hello"), s.find("xyz"), s.rfind("xyz"))
print(s.find("o", 5), s.find("o", 5, 7), s.find(""), s.rfind(""))
print(s.index("world"), s.index("l", 4))
try:
    s.index("python")
except ValueError as e:
    print(type(e).__name__, e)
print("中文中".find("文"), "中文中".rfind("中"))
