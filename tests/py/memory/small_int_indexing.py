# mode: both
# Small ints stored in containers are the cached objects.
lst = [int("7"), int("700")]
seven = 7
seven_hundred = 700
print(lst[0] is seven, lst[1] is seven_hundred, lst[1] == seven_hundred)
d = {"k": int("-3")}
minus_three = -3
print(d["k"] is minus_three)
