# mode: both
# The small-int cache covers -5 to 256.
for text in ["-6", "-5", "0", "100", "256", "257"]:
    x = int(text)
    y = int(text)
    print(text, x is y)
