# __bool__ and __len__ decide truthiness.
class Empty:
    def __len__(self):
        return 0
class Falsy:
    def __bool__(self):
        return False
class Both:
    def __bool__(self):
        return True
    def __len__(self):
        return 0
class Plain:
    pass
for obj in [Empty(), Falsy(), Both(), Plain()]:
    print(type(obj).__name__, bool(obj), "yes" if obj else "no")
