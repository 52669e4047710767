# f-strings with nested expressions.
x = 3
y = 4
name = "world"
print(f"hello {name}")
print(f"{x} + {y} = {x + y}")
print(f"{x * y:5}|")
print(f"{'nested ' + name.upper()}")
print(f"{[i * i for i in range(4)]}")
print(f"{ {'k': 1}['k'] }")
print(f"{{literal braces}} {x}")
print(F"capital F {y}")
print(f"{x if x > y else y}")
