# str() of various objects.
print(str(1), str(1.5), str(True), str(None), str(-0.0))
print(str([1, "a"]), str((1,)), str({"k": "v"}), str(set()))
print(str("already"), str(b"bytes"), str(range(3)))
print(str(), str(str), str(int))
print(str(1 + 2), str([None, True]))
