# Counting occurrences with a dict.
text = "the cat and the hat and the bat"
counts = {}
for w in text.split():
    counts[w] = counts.get(w, 0) + 1
print(counts)
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
letters = {}
for ch in "mississippi":
    letters[ch] = letters.get(ch, 0) + 1
print(letters)
