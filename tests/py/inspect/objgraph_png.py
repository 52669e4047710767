# show_backrefs renders a PNG with Graphviz's dot when it is installed
# (the file starts with the PNG signature); without dot the .dot file is
# kept and a message says so.
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


def have_dot():
    for d in os.environ.get('PATH', '').split(':'):
        if d and os.path.exists(d + '/dot'):
            return True
    return False


x = []
y = [x, [x], dict(x=x)]
cap = Capture()
old = sys.stdout
sys.stdout = cap
try:
    objgraph.show_backrefs([x], filename='png_backrefs.png')
finally:
    sys.stdout = old
lines = ''.join(cap.parts).split('\n')
print(lines[0].startswith('Graph written to ') and lines[0].endswith(' nodes)'))
dot_name = lines[0][len('Graph written to '):].rsplit(' (', 1)[0]
print(dot_name.endswith('.dot'), os.path.exists(dot_name))
if have_dot():
    with open('png_backrefs.png', 'rb') as f:
        sig = f.read(8)
    print(lines[1] == 'Image generated as png_backrefs.png', sig == b'\x89PNG\r\n\x1a\n')
    os.remove('png_backrefs.png')
else:
    print(lines[1] == 'Image renderer (dot) not found, not doing anything else', True)
os.remove(dot_name)
