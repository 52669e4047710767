# Single inheritance and method overriding.
class Animal:
    def __init__(self, name):
        self.name = name
    def speak(self):
        return self.name + " makes a sound"
    def describe(self):
        return "I am " + self.name + ": " + self.speak()
class Dog(Animal):
    def speak(self):
        return self.name + " barks"
class Puppy(Dog):
    pass
for a in [Animal("generic"), Dog("rex"), Puppy("bit")]:
    print(a.describe())
print([c.__name__ for c in Puppy.__mro__])
