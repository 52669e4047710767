# 'break' outside any loop.
print("start")
x = 1
if x:
    break
