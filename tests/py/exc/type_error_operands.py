# TypeError messages for unsupported operands.
cases = [
    lambda: 1 + "a",
    lambda: "a" + 1,
    lambda: [1] + (2,),
    lambda: "a" - "b",
    lambda: None * 2,
    lambda: -"x",
    lambda: 1 < "a",
    lambda: [] > {},
    lambda: 2 ** "x",
    lambda: {} + {},
    lambda: [1] + "s",
]
for case in cases:
    try:
        case()
    except TypeError as e:
        print(type(e).__name__, e)
