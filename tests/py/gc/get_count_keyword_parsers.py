# mode: both
# CPython 3.11 builds the tuple of keyword names of a builtin's argument
# parser the first time the builtin is called with keyword arguments (for
# print, at its first call) and keeps it: the first such call counts one
# more object than the later ones.  print also packs its positional
# arguments into a tuple.  (Script mode: the interactive start-up of
# CPython has already called sorted() with a key.)
import gc

words = ['bb', 'a', 'ccc']
if 1:
    ignored = gc.collect()
    c0 = gc.get_count()[0]
    r = sorted(words, key=len)
    c1 = gc.get_count()[0]
    r = sorted(words, key=len)
    c2 = gc.get_count()[0]
    r = 'a b c'.split(maxsplit=1)
    c3 = gc.get_count()[0]
    r = 'a b c'.split(maxsplit=1)
    c4 = gc.get_count()[0]
    r = 'a b c'.rsplit(' ', 1)
    c5 = gc.get_count()[0]
    r = round(2.675, ndigits=2)
    c6 = gc.get_count()[0]
    r = sum([1, 2], start=10)
    c7 = gc.get_count()[0]
    r = int('ff', base=16)
    c8 = gc.get_count()[0]
    r = (5).to_bytes(length=2, byteorder='little')
    c9 = gc.get_count()[0]
    r = 'x'.encode(encoding='ascii')
    c10 = gc.get_count()[0]
    r = b'y'.decode(errors='strict')
    c11 = gc.get_count()[0]
    r = str(b'z', encoding='ascii')
    c12 = gc.get_count()[0]
    r = pow(2, 5, mod=7)
    c13 = gc.get_count()[0]
    r = 'a\nb'.splitlines(keepends=True)
    c14 = gc.get_count()[0]

print('sorted', c1 - c0, c2 - c1)
print('split', c3 - c2, c4 - c3, c5 - c4)
print('round sum int', c6 - c5, c7 - c6, c8 - c7)
print('to_bytes encode decode', c9 - c8, c10 - c9, c11 - c10)
print('str pow splitlines', c12 - c11, c13 - c12, c14 - c13)
if 1:
    ignored = gc.collect()
    c0 = gc.get_count()[0]
    print('first print')
    c1 = gc.get_count()[0]
    print('second', 'print', sep=' ')
    c2 = gc.get_count()[0]

print('print', c1 - c0, c2 - c1)
