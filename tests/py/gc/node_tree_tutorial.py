# mode: both
import gc
import sys
class Node:
    def __init__(self, value):
        self.value = value
        self.parent = None
        self.children = []
    def add(self, child):
        child.parent = self
        self.children.append(child)
    def __del__(self):
        print('Node', self.value, 'deleted')

gc.disable()
gc.collect()
root = Node(1)
root.add(Node(2))
root.add(Node(3))
print('refcount root', sys.getrefcount(root))
del root
print('after del root')
print('collected', gc.collect())
