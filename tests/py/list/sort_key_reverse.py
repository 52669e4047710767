# list.sort with key and reverse.
a = [3, 1, 4, 1, 5, 9, 2, 6]
a.sort()
print(a)
a.sort(reverse=True)
print(a)
words = ["banana", "Apple", "cherry", "date"]
words.sort()
print(words)
words.sort(key=len)
print(words)
words.sort(key=lambda w: w.lower(), reverse=True)
print(words)
print(a.sort())
