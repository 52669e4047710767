# mode: repl
# (comment lines are inputs too: the numbers count them)
import memlab
a = 257
b = 257
memlab.explain(a, b)
# expect: 'False: two different int objects with the equal value 257, because it is outside the small-int cache (-5..256) and the two constants come from separate compilation units REPL inputs 4 and 5.'
c = 257; d = 257
memlab.explain(c, d)
# expect: 'True: both are the constant 257 of compilation unit REPL input 8 (code object <module>); equal constants are shared within one unit.'
memlab.origin(a)
# expect: 'constant'
x = 1000
x
# expect: 1000
memlab.holders(x)
# expect: ['`_` of the REPL (builtins._, the last displayed value)', 'global name `x` in `__main__`']
