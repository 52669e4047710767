# Instance __dict__ and dynamic attributes.
class Obj:
    pass
o = Obj()
o.__dict__["dyn"] = 5
print(o.dyn)
setattr(o, "other", 6)
print(sorted(o.__dict__.items()))
o.dyn += 1
print(o.__dict__)
print("dyn" in vars(o), "nope" in vars(o))
