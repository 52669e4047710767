# Aggregating lists.
nums = [4, -2, 7, 0, 7]
print(sum(nums), min(nums), max(nums), len(nums))
print(sorted(nums), sorted(nums, reverse=True))
print(sum([[1], [2, 3]], []))
print(nums.index(max(nums)), nums.count(7))
print(list(map(abs, nums)), list(filter(None, nums)))
