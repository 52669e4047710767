# A class that keeps a registry of its instances.
class Tracked:
    instances = []
    def __init__(self, label):
        self.label = label
        Tracked.instances.append(self)
    def __repr__(self):
        return "Tracked(" + repr(self.label) + ")"
    @classmethod
    def count(cls):
        return len(cls.instances)
for name in ["x", "y", "z"]:
    Tracked(name)
print(Tracked.count())
print(Tracked.instances)
