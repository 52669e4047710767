# objgraph's counting functions on objects the script creates.
import objgraph


class Node:
    def __init__(self, name):
        self.name = name
        self.children = []


class Leaf:
    pass


nodes = [Node('n%d' % i) for i in range(7)]
leaves = [Leaf() for i in range(3)]
for n in nodes:
    n.children.append(leaves[0])

print(objgraph.count('Node'), objgraph.count('Leaf'), objgraph.count('NoSuchType'))
print(objgraph.count('__main__.Node'), objgraph.count('Node', objects=nodes[:2]))
print(len(objgraph.by_type('Node')), all(isinstance(o, Node) for o in objgraph.by_type('Node')))
print(len(objgraph.by_type('__main__.Leaf')))
stats = objgraph.typestats()
print(stats['Node'], stats['Leaf'])
print(objgraph.typestats(shortnames=False)['__main__.Node'])
print(objgraph.typestats(filter=lambda o: isinstance(o, Leaf)))
sample = nodes + leaves + [nodes, {'k': 1}]
print(objgraph.most_common_types(limit=3, objects=sample))
print(objgraph.most_common_types(limit=0, objects=sample))
objgraph.show_most_common_types(limit=4, objects=sample)
objgraph.show_most_common_types(objects=sample, shortnames=False)

mine = lambda o: type(o).__name__ in ('Node', 'Leaf')
objgraph.show_growth(filter=mine)
objgraph.show_growth(filter=mine)
more = [Node('x') for i in range(4)]
objgraph.show_growth(limit=1, filter=mine)
peak = {}
print(objgraph.growth(peak_stats=peak, filter=mine))
print(sorted(peak.items()))
del more
print(objgraph.growth(peak_stats=peak, filter=mine))

print(objgraph.at(id(nodes[3])) is nodes[3])
print(objgraph.at(0), objgraph.at(1), objgraph.at(id(nodes) + 8), objgraph.at(2 ** 40 * 16))
print(objgraph.at_addrs({id(nodes[0]), id(leaves[1])}) != [])
print(objgraph.is_proper_module(objgraph), objgraph.is_proper_module(nodes))
