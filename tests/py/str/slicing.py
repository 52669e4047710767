# Slicing with positive and negative bounds and steps.
s = "abcdefghij"
print(s[2:5], s[:3], s[7:], s[:], s[-3:], s[:-3])
print(s[::2], s[1::2], s[::-1], s[::-3], s[8:2:-2])
print(s[5:2], s[100:], s[-100:2], repr(s[3:3]))
u = "añb中c😀d"
print(u[::-1], u[1:6:2], u[-3:])
