# DEBUG_STATS writes CPython's "gc: ..." lines to sys.stderr (object
# counts and times vary, so digits are masked here).
import gc
import sys

class Capture:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
        return len(s)
    def flush(self):
        pass

def mask(text):
    out = ""
    prev_digit = False
    for ch in text:
        if ch in "0123456789":
            if not prev_digit:
                out += "N"
            prev_digit = True
        else:
            out += ch
            prev_digit = False
    return out

ignored = gc.collect()
x = []
x.append(x)
del x
cap = Capture()
real = sys.stderr
sys.stderr = cap
gc.set_debug(gc.DEBUG_STATS)
n = gc.collect(1)
gc.set_debug(0)
sys.stderr = real
print(n)
for line in "".join(cap.parts).splitlines():
    print(mask(line))
