# show_refs / show_backrefs / show_chain write Graphviz files and report
# them like objgraph; node counts are normalised (they depend on the
# interpreter's own referrers).
import os
import sys
import objgraph


class Capture:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)
        return len(s)

    def flush(self):
        pass


def run(fn, *args, **kw):
    cap = Capture()
    old = sys.stdout
    sys.stdout = cap
    try:
        fn(*args, **kw)
    finally:
        sys.stdout = old
    for line in ''.join(cap.parts).split('\n'):
        if line.startswith('Graph written to ') and line.endswith(' nodes)'):
            head, n = line[:-len(' nodes)')].rsplit('(', 1)
            line = head + '(N nodes)' + ('' if n.isdigit() else ' BAD')
        if line:
            print(line)


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


p = Point(1, 2)
shapes = {'origin': p, 'list': [p, p]}
mine = lambda o: type(o).__name__ in ('Point', 'dict', 'list', 'int')

run(objgraph.show_refs, [shapes], filename='graphs_refs.dot', filter=mine)
text = ''
for name in ('graphs_refs.dot',):
    with_text = os.path.exists(name)
    print(name, with_text)
run(objgraph.show_backrefs, [p], max_depth=2, filename='graphs_backrefs.dot',
    filter=lambda o: o is shapes or o is shapes['list'] or type(o).__name__ == 'Point')
run(objgraph.show_refs, p, max_depth=1, filename='graphs_one.dot', too_many=1)
chain = objgraph.find_backref_chain(p, lambda o: o is shapes)
run(objgraph.show_chain, chain, filename='graphs_chain.dot')
try:
    objgraph.show_refs([p], filename='x.dot', output=Capture())
except ValueError as e:
    print("ValueError:", e)
out = Capture()
objgraph.show_refs([p], output=out, max_depth=1)
dot = ''.join(out.parts)
print(dot.startswith('digraph ObjectGraph {\n  node[shape=box, style=filled, fillcolor=white];\n'))
print(dot.endswith('}\n'), '[fontcolor=red]' in dot, 'label="Point' in dot)
print('label="__dict__' in dot, 'fillcolor="0,0,1"' in dot)
for name in ('graphs_refs.dot', 'graphs_backrefs.dot', 'graphs_one.dot', 'graphs_chain.dot'):
    print(name, os.path.exists(name))
    os.remove(name)
