# mode: both
# get_referents() lists what each argument refers to, in the order its
# type visits them: lists and tuples from the end, dicts their values.
import gc

x = ["x"]
print(gc.get_referents([1, "two", x]))
print(gc.get_referents((x, 2.5)))
print(gc.get_referents({"k": x, "j": 7}))
print(gc.get_referents([x], (x,)))
print(gc.get_referents(1, "atom", 2.5, None))
print(gc.get_referents())
