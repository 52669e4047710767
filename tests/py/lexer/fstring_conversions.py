# !r, !s and !a conversions inside f-strings.
s = "héllo"
print(f"{s!r}")
print(f"{s!s}")
print(f"{'x'!r:>8}|")
class P:
    def __repr__(self):
        return "P()"
    def __str__(self):
        return "a P"
print(f"{P()} {P()!r} {P()!s}")
