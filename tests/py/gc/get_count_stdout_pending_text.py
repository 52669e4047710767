# mode: both
# CPython's text streams keep written text pending until 8192 bytes
# gather or a flush: the second write after a flush turns the pending
# text into a list (a gc object); flush() frees it onto the list free
# list, from which the next such list comes.
import gc
import sys

if 1:
    sys.stdout.flush()
    ignored = gc.collect()
    c0 = gc.get_count()[0]
    n = sys.stdout.write('a')
    c1 = gc.get_count()[0]
    n = sys.stdout.write('b\n')
    c2 = gc.get_count()[0]
    n = sys.stdout.write('c\n')
    c3 = gc.get_count()[0]
    sys.stdout.flush()
    c4 = gc.get_count()[0]
    n = sys.stdout.write('d')
    n = sys.stdout.write('e\n')
    c5 = gc.get_count()[0]
    n = sys.stdout.write('x' * 9000 + '\n')
    c6 = gc.get_count()[0]
    n = sys.stdout.write('f')
    n = sys.stdout.write('g\n')
    c7 = gc.get_count()[0]

print(c1 - c0, c2 - c1, c3 - c2, c4 - c3, c5 - c4, c6 - c5, c7 - c6)
