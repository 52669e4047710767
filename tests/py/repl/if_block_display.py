# mode: both
# Expressions in if/else bodies are displayed when executed.
x = 3
if x > 2:
    "big"
else:
    "small"

if x > 5:
    "huge"

x
print("x is", x)
