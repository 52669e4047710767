# Blocks indented with tabs.
def f(n):
	total = 0
	for i in range(n):
		if i % 2:
			total += i
	return total
print(f(10))
if True:
	print("tab block")
