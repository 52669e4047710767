# docwalk: JSON-like documents (nested dicts, lists, strings, ints,
# floats, bools, None) built, walked recursively with isinstance
# dispatch, queried by key paths, transformed into new documents and
# serialised by hand with f-strings, join and escaping.  Scale
# multiplies the number of documents.
import sys

NAMES = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"]

def make_doc(seed):
    users = []
    for i in range(12):
        k = (seed * 7 + i * 13) % 97
        users.append({
            "id": seed * 100 + i,
            "name": NAMES[k % 8] + "_" + str(k),
            "active": k % 3 != 0,
            "score": k * 1.5 + i / 4,
            "tags": [NAMES[(k + j) % 8] for j in range(k % 4)],
            "address": {"city": NAMES[(k * 3) % 8].title(), "zip": f"{k:05d}",
                        "geo": [k / 10, -k / 20]},
            "manager": None if i == 0 else seed * 100 + i // 2,
        })
    return {"version": 3, "seed": seed, "users": users,
            "meta": {"count": len(users), "source": "gen", "ok": True}}

def count_nodes(node, counts):
    if isinstance(node, dict):
        counts["dict"] = counts.get("dict", 0) + 1
        for key, value in node.items():
            count_nodes(value, counts)
    elif isinstance(node, list):
        counts["list"] = counts.get("list", 0) + 1
        for item in node:
            count_nodes(item, counts)
    elif isinstance(node, bool):
        counts["bool"] = counts.get("bool", 0) + 1
    elif isinstance(node, (int, float)):
        counts["number"] = counts.get("number", 0) + 1
    elif node is None:
        counts["null"] = counts.get("null", 0) + 1
    else:
        counts["string"] = counts.get("string", 0) + 1

def get_path(node, path):
    for part in path.split("."):
        if isinstance(node, list):
            i = int(part)
            if i >= len(node):
                return None
            node = node[i]
        else:
            node = node.get(part)
            if node is None:
                return None
    return node

ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n"}

def quote(s):
    if '"' in s or "\\" in s or "\n" in s:
        s = "".join(ESCAPES.get(c, c) for c in s)
    return f'"{s}"'

def dump(node):
    if node is None:
        return "null"
    if node is True:
        return "true"
    if node is False:
        return "false"
    if isinstance(node, str):
        return quote(node)
    if isinstance(node, int):
        return str(node)
    if isinstance(node, float):
        return repr(node)
    if isinstance(node, list):
        return "[" + ", ".join([dump(x) for x in node]) + "]"
    return "{" + ", ".join([f"{quote(k)}: {dump(v)}" for k, v in node.items()]) + "}"

def transform(doc):
    active = [u for u in doc["users"] if u["active"]]
    by_city = {}
    for u in active:
        by_city.setdefault(u["address"]["city"], []).append(u["name"])
    best = max(active, key=lambda u: u["score"]) if active else None
    return {
        "seed": doc["seed"],
        "active": len(active),
        "cities": {city: sorted(names) for city, names in sorted(by_city.items())},
        "best": best["name"] if best else None,
        "mean": sum(u["score"] for u in active) / len(active) if active else 0.0,
    }

def main(scale):
    ndocs = max(1, int(4500 * scale))
    counts = {}
    total_len = 0
    h = 0
    found = 0
    for seed in range(ndocs):
        doc = make_doc(seed)
        count_nodes(doc, counts)
        for path in ("users.3.address.city", "users.0.manager", "meta.count",
                     "users.11.tags.0", "users.5.address.geo.1", "missing.key"):
            v = get_path(doc, path)
            if v is not None:
                found += 1
        text = dump(transform(doc))
        total_len += len(text)
        for c in text[-24:]:
            h = (h * 131 + ord(c)) & 0xFFFFFFFF
        if seed == 0:
            print(text[:160])
            print(dump({"q": 'say "hi"\n', "n": [1, 2.5, None, False]}))
    print(sorted(counts.items()))
    print("docwalk", ndocs, found, total_len, h)

main(float(sys.argv[1]) if len(sys.argv) > 1 else 1.0)
