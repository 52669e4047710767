# strings: string building (join, +=, repeated concatenation), splitting,
# searching, case changes, replace, %-formatting, str.format and f-strings.
# Scale multiplies the number of records processed.
import sys

def build_records(n):
    parts = []
    for i in range(n):
        parts.append("id=%d;name=user%05d;score=%.2f;tag=%s" % (i, i * 7 % 100000, (i % 997) / 7.0, "abcdefg"[i % 7] * (i % 4 + 1)))
    return "\n".join(parts)

def parse_records(text):
    total = 0
    tags = {}
    longest = ""
    for line in text.split("\n"):
        fields = line.split(";")
        rec = {}
        for f in fields:
            k, v = f.split("=", 1)
            rec[k] = v
        total += int(rec["id"]) + int(float(rec["score"]))
        t = rec["tag"]
        tags[t] = tags.get(t, 0) + 1
        name = rec["name"].upper()
        if name.startswith("USER0") and len(name) > len(longest):
            longest = name
    return total, len(tags), longest

def transform(n):
    s = ""
    h = 0
    for i in range(n):
        w = "{}-{:>4}-{:x}".format("w", i % 1000, i)
        w = f"{w}|{i % 13:02d}"
        s += w[::2]
        if len(s) > 2000:
            h = (h * 31 + len(s.replace("-", "")) + s.count("1") + s.find("|9")) % 1000000007
            s = s[-100:].lower()
    return h

def main(scale):
    n = max(5, int(140000 * scale))
    text = build_records(n)
    total, ntags, longest = parse_records(text)
    h = transform(n)
    words = text.replace("\n", " ").replace(";", " ").split()
    joined = ",".join(sorted(set(w[:6] for w in words)))
    print("strings", n, len(text), total, ntags, longest, h, len(joined), joined[:40])

main(float(sys.argv[1]) if len(sys.argv) > 1 else 1.0)
