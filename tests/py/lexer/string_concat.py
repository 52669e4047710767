# Implicit concatenation of adjacent string literals.
s = "abc" 'def' """ghi"""
print(s)
t = ("first line, "
     "second part, "
     'third part')
print(t)
print(r"raw\n" "cooked\n", end="")
print(b"by" b"tes")
print(f"{1 + 1}" "x" f"{'y'}")
