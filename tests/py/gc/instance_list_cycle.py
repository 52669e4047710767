# mode: both
# Cycles mixing instances and containers: each container counts, the
# instances' attributes do not.
import gc

class Tree:
    def __init__(self, parent=None):
        self.parent = parent
        self.children = []
        if parent is not None:
            parent.children.append(self)

ignored = gc.collect()
root = Tree()
for i in range(3):
    Tree(root)

del root
print(gc.collect())
