# isidentifier, isnumeric, isdecimal and istitle.
samples = ["abc", "_x1", "1x", "class", "", "é", "123", "½", "²", "Hello World", "Hello world", "HELLO"]
for s in samples:
    print(repr(s), s.isidentifier(), s.isnumeric(), s.isdecimal(), s.istitle())
print("A".istitle(), "Aa Bb".istitle(), "1A".istitle(), "aA".istitle())
print("٣".isdecimal(), "٣".isdigit(), "٣".isnumeric())
