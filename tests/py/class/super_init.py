# super().__init__ in constructors.
class Shape:
    def __init__(self, name):
        self.name = name
        print("Shape init", name)
class Square(Shape):
    def __init__(self, side):
        super().__init__("square")
        self.side = side
        print("Square init", side)
    def area(self):
        return self.side ** 2
s = Square(3)
print(s.name, s.area())
