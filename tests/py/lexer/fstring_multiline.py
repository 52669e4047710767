# f-strings in triple quotes and with several expressions.
a = 1
b = "two"
msg = f"""a={a}
b={b}
sum={a + len(b)}"""
print(msg)
items = ["x", "y"]
print(f"{len(items)} items: {', '.join(items)}")
print(f"{a}{b}{a}")
print(f"{'}'}")
