# A subscript that does not parse leaves the primary before it, so the
# missing comma between `a` and `b` is what is reported.
items = [a b [a b ]]
