# __len__, __getitem__, __setitem__, __delitem__ and __contains__.
class Grid:
    def __init__(self):
        self.cells = {}
    def __len__(self):
        return len(self.cells)
    def __getitem__(self, key):
        return self.cells.get(key, ".")
    def __setitem__(self, key, value):
        self.cells[key] = value
    def __delitem__(self, key):
        del self.cells[key]
    def __contains__(self, key):
        return key in self.cells
g = Grid()
g[0, 0] = "X"
g[1, 2] = "O"
print(len(g), g[0, 0], g[5, 5])
print((1, 2) in g, (2, 2) in g, (2, 2) not in g)
del g[0, 0]
print(len(g))
