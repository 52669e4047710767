# Dicts of dicts.
db = {}
db["ann"] = {"age": 30, "langs": ["py"]}
db["bob"] = {"age": 25, "langs": []}
db["bob"]["langs"].append("c")
db["ann"]["age"] += 1
print(db)
for name in db:
    print(name, db[name]["age"], len(db[name]["langs"]))
print({k: v["age"] for k, v in db.items()})
