# format() with and without a spec.
print(format(42), format(42, "5"), format(42, "<5") + "|", format(3.14159, ".2f"))
print(format("s", "^5"), format(255, "x"), format(True), format(None))
print(format([1, 2]), format(1e10, ","), format(0.5, "%"))
try:
    format("s", "d")
except ValueError as e:
    print(type(e).__name__, e)
