# isdigit, isalpha, isalnum, isspace, isupper and islower.
samples = ["abc", "ABC", "aBc", "123", "a1", "", " \t\n", "é", "中", "½", "²", "Ab1 "]
for s in samples:
    print(repr(s), s.isdigit(), s.isalpha(), s.isalnum(), s.isspace(), s.isupper(), s.islower())
print("ABC1".isupper(), "abc_".islower(), "123".isupper())
print("Ä".isupper(), "ß".islower(), "ǅ".isupper())
