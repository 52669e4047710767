# mode: both
# Cycles made in a loop are freed by automatic collections, without any
# explicit gc.collect().
import gc

freed = []

class Node:
    def __del__(self):
        freed.append(1)

ignored = gc.collect()
for i in range(2000):
    n = Node()
    n.me = n

del n
print(len(freed) > 1000)
ignored = gc.collect()
print(len(freed))
