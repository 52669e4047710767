# Format specs inside f-strings, including nested specs.
pi = 3.14159
w = 10
p = 3
print(f"{pi:.2f}")
print(f"{pi:{w}.{p}f}|")
print(f"{42:08d}")
print(f"{42:x} {42:#x} {42:b} {42:o}")
print(f"{'left':<8}|{'right':>8}|{'mid':^9}|")
print(f"{1234567:,}")
print(f"{0.25:%}")
print(f"{-5:+d} {5:+d}")
