# memlab.explain: one sentence per mechanism.
import memlab
a = 256
b = 256
print(memlab.explain(a, b))
# expect: True: both are the small-int-cache object for 256 (ints from -5 to 256 are created once and shared).
c = 257
d = 257
print(memlab.explain(c, d))
# expect: True: both are the constant 257 of compilation unit script explain.py (code object <module>); equal constants are shared within one unit.
e = c + 0
print(memlab.explain(c, e))
# expect: False: two different int objects with the equal value 257, because it is outside the small-int cache (-5..256) and the first is the constant of script explain.py (code object <module>) while the second was created at run time (by an operation such as `+`, a call or a conversion, not by a literal).
s = "spam"
t = "spam"
print(memlab.explain(s, t))
# expect: True: both are the interned string 'spam'; it is interned because it looks like an identifier.
u = "spam!"
v = "".join(["spam", "!"])
print(memlab.explain(u, v))
# expect: False: two different string objects with the equal value 'spam!', because it is not interned (it contains `!`, so it does not look like an identifier) and the first is the constant of script explain.py (code object <module>) while the second was created at run time (by an operation such as `+`, a call or a conversion, not by a literal).
w = "spam" + str(1)
x = "spam1"
print(memlab.explain(w, x))
# expect: False: two different string objects with the equal value 'spam1', because strings made at run time are not interned and the first was created at run time (by an operation such as `+`, a call or a conversion, not by a literal) while the second is interned.
print(memlab.explain(None, None))
# expect: True: both are the singleton None.
print(memlab.explain((), ()))
# expect: True: both are the singleton () (there is only one empty tuple).
print(memlab.explain(chr(97), "abc"[-3:-2]))
# expect: True: both are the singleton 'a' (the empty string and one-character latin-1 strings are shared).
print(memlab.explain("a", chr(97)))
# expect: False: two different string objects with the equal value 'a', because only one of them is interned and the first is interned while the second is the shared one-character latin-1 string (made by chr(), indexing or iteration).
t1 = (1, 2)
t2 = tuple([1, 2])
print(memlab.explain(t1, t2))
# expect: False: two different tuple objects with the equal value (1, 2), because non-empty tuples are never cached and the first is the constant of script explain.py (code object <module>) while the second was created at run time (by an operation such as `+`, a call or a conversion, not by a literal).
print(memlab.explain([], []))
# expect: False: two different list objects with the equal value [], because each evaluation of a list display or call builds a new object.
print(memlab.explain(1, 2))
# expect: False: different objects, and not even equal values: 1 and 2.
l = [1]
m = l
print(memlab.explain(l, m).startswith("True: both names refer to the same list object created at run time"))
# expect: True
