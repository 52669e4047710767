# Common bytes methods.
b = b"Hello, World"
print(b.upper())
print(b.startswith(b"Hell"), b.startswith(b"x"), b.find(b"o"), b.find(b"z"))
print(b.split(b", "), b"a b  c".split(), b"a,b,,c".split(b","))
print(b.replace(b"l", b"L"), b.replace(b"l", b"", 1))
print(b"-".join([b"a", b"b", b"c"]), b"".join([]))
print(b.hex(), b"\x00\xff".hex(), b"".hex())
