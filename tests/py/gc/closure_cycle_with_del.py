# An object that keeps a callback closing over the object itself.
import gc

class Button:
    def __init__(self, label):
        self.label = label
        def on_click():
            return self.label
        self.callback = on_click
    def __del__(self):
        print("freeing", self.label)

ignored = gc.collect()
b = Button("ok")
print(b.callback())
del b
print("after del")
n = gc.collect()
print(n > 0)
print(gc.collect())
