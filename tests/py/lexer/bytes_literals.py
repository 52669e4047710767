# Bytes literals and their repr.
print(b"abc")
print(B'single')
print(b"\x00\x01\xff")
print(b"tab\there")
print(b'it\'s')
print(br"\n")
print(b"""triple""")
print(len(b"\x00\xff"), b"A"[0])
