# Lambdas in comprehensions capture the loop variable late.
funcs = [lambda: i for i in range(3)]
print([f() for f in funcs])
funcs = [lambda i=i: i for i in range(3)]
print([f() for f in funcs])
make = lambda n: (lambda x: x ** n)
cube = make(3)
print(cube(2), make(2)(9))
