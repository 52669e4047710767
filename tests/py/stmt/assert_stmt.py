# assert statements, passing and failing.
assert True
assert 1 + 1 == 2, "math works"
print("passed")
try:
    assert 1 > 2
except AssertionError as e:
    print(type(e).__name__, repr(e))
try:
    assert 1 > 2, "one is not greater than two"
except AssertionError as e:
    print(type(e).__name__, e)
try:
    assert [], ["a", "list", "message"]
except AssertionError as e:
    print(e.args)
