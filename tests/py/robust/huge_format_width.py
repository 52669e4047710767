# Padding to a width no string can have fails at once with MemoryError,
# in every formatting path (found by fuzzing: it used to grow for minutes).
cases = [
    lambda: format(3, "915793332338187013"),
    lambda: f"{3:915793332338187013}",
    lambda: "{:>915793332338187013}".format("a"),
    lambda: "{:^915793332338187013}".format(2.5),
    lambda: "%915793332338187013s" % "a",
    lambda: "%-915793332338187013d|" % 3,
    lambda: "%0915793332338187013x" % 255,
    lambda: b"%915793332338187013d" % 3,
    lambda: "x".ljust(915793332338187013),
    lambda: format(3, "é>915793332338187013"),
]
for i, f in enumerate(cases):
    try:
        f()
    except MemoryError:
        print(i, "MemoryError")
# Large but possible widths still work, and quickly.
print(len("%-9157933d|" % 3), len(format(7, "é^9157933")), len(f"{'ab':*<5000000}"))
print("%5d|%-5d|%05d" % (3, 4, 5), format(3, "é^7"), f"{-12:=+9}")
