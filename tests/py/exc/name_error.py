# NameError and UnboundLocalError messages.
try:
    undefined_name
except NameError as e:
    print(type(e).__name__, e)
def f():
    print(x)
    x = 1
try:
    f()
except UnboundLocalError as e:
    print(type(e).__name__, e)
try:
    f()
except NameError as e:
    print("UnboundLocalError is a NameError:", type(e).__name__)
