# objgraph.show_growth / get_new_ids / at / find_backref_chain on the
# script's own classes (only rows for those classes are printed).
import objgraph


class Tracked:
    pass


class Other:
    def __init__(self):
        self.items = []


class Capture:
    def __init__(self):
        self.parts = []

    def write(self, text):
        self.parts.append(text)


def grab_growth(limit=50):
    buf = Capture()
    objgraph.show_growth(limit=limit, file=buf)
    rows = [line.split() for line in ''.join(buf.parts).splitlines()]
    return [r for r in rows if r and r[0] in ('Tracked', 'Other')]


grab_growth()
keep = [Tracked() for i in range(5)]
print(grab_growth())
more = [Other() for i in range(3)] + [Tracked()]
print(sorted(grab_growth()))
print(grab_growth())
del more[:]
print(grab_growth())
growth = objgraph.growth(limit=10, shortnames=True)
print([g for g in growth if g[0] in ('Tracked', 'Other')])
t = keep[2]
print(objgraph.at(id(t)) is t, objgraph.at(12345))
chain = objgraph.find_backref_chain(t, objgraph.is_proper_module)
print(len(chain), chain[-1] is t, type(chain[-2]).__name__)
