# Truth values of objects used as conditions.
values = [0, 1, -1, 0.0, 0.5, "", "a", [], [0], (), (0,), {}, {0: 0}, None, set(), range(0), range(1)]
for v in values:
    if v:
        print(repr(v), "is true")
    else:
        print(repr(v), "is false")
