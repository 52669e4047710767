# Format specs in f-strings, including nested widths.
n = 1234.5
w = 12
print(f"[{n:>{w},.2f}]")
print(f"[{'txt':^{w}}]")
print(f"[{-7:05d}] [{7:+05d}] [{255:#06x}]")
print(f"[{3:*>4}] [{3:*<4}] [{3:*^4}]")
print(f"{10**9:_} {2**16:,d}")
print(f"{'abc':.2} {'abc':5.1}|")
