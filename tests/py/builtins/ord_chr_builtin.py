# ord and chr.
print(ord("a"), ord("€"), chr(97), chr(8364), chr(0x1F600))
print([chr(c) for c in range(ord("a"), ord("f"))])
print("".join(chr(ord(c) + 1) for c in "HAL"))
try:
    chr(-1)
except ValueError as e:
    print(type(e).__name__, str(e) == "chr() arg not in range(" + hex(1114112) + ")")
