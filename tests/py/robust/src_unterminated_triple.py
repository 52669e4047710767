print("start")
x = """abc
def
