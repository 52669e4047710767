# __lt__ makes objects sortable.
class Version:
    def __init__(self, major, minor):
        self.major = major
        self.minor = minor
    def __lt__(self, other):
        return (self.major, self.minor) < (other.major, other.minor)
    def __repr__(self):
        return "v" + str(self.major) + "." + str(self.minor)
vs = [Version(1, 2), Version(0, 9), Version(1, 0)]
print(sorted(vs))
print(max(vs), min(vs))
print(Version(1, 0) < Version(1, 1), Version(2, 0) > Version(1, 1))
try:
    Version(1, 0) <= Version(1, 1)
except TypeError as e:
    print(type(e).__name__, e)
