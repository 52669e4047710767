# mode: both
# Folded constants on one line are shared in both modes; unfolded ones never.
a = 2 ** 60; b = 2 ** 60; print(a is b)
a = 1 << 100; b = 1 << 100; print(a is b)
a = 10 ** 20; b = 10 ** 20; print(a is b)
a = 2 ** 64 * 2 ** 64; b = 2 ** 64 * 2 ** 64; print(a is b)
a = 2 ** 200; b = 2 ** 200; print(a is b)
