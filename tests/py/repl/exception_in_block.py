# mode: both
# An error inside a loop body abandons the rest of that block.
print("start")
for i in range(5):
    i
    if i == 2:
        [][i]

print("after loop")
i
