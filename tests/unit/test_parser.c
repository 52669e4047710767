// Unit tests for the parser: AST dumps of representative programs (equal
// to Python's ast.dump), node positions, CPython's syntax error messages
// and locations, the incomplete flag of interactive input, the parse
// modes, and robustness on deeply nested input.
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parse/parser.h"

struct dump_case {
    const char *name;
    const char *src;
    const char *dump;
};

struct error_case {
    const char *src;
    rp_perr_kind_t kind;
    const char *msg;
    int lineno, offset, end_lineno, end_offset;
};

// Expected values recorded from CPython 3.11 (ast.dump; errors from
// running the source as a file, so offsets are byte columns).
static const struct dump_case dump_cases[] = {
    {"assignments",
     "x = 1\na = b = c\nx, *y = z\n[a, b] = c\nx.y[0] = 1\nx += 1\nx: in"
     "t = 2\n(y): int\nz.w: str\n",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Con"
     "stant(value=1)), Assign(targets=[Name(id='a', ctx=Store()), Name(i"
     "d='b', ctx=Store())], value=Name(id='c', ctx=Load())), Assign(targ"
     "ets=[Tuple(elts=[Name(id='x', ctx=Store()), Starred(value=Name(id="
     "'y', ctx=Store()), ctx=Store())], ctx=Store())], value=Name(id='z'"
     ", ctx=Load())), Assign(targets=[List(elts=[Name(id='a', ctx=Store("
     ")), Name(id='b', ctx=Store())], ctx=Store())], value=Name(id='c', "
     "ctx=Load())), Assign(targets=[Subscript(value=Attribute(value=Name"
     "(id='x', ctx=Load()), attr='y', ctx=Load()), slice=Constant(value="
     "0), ctx=Store())], value=Constant(value=1)), AugAssign(target=Name"
     "(id='x', ctx=Store()), op=Add(), value=Constant(value=1)), AnnAssi"
     "gn(target=Name(id='x', ctx=Store()), annotation=Name(id='int', ctx"
     "=Load()), value=Constant(value=2), simple=1), AnnAssign(target=Nam"
     "e(id='y', ctx=Store()), annotation=Name(id='int', ctx=Load()), sim"
     "ple=0), AnnAssign(target=Attribute(value=Name(id='z', ctx=Load()),"
     " attr='w', ctx=Store()), annotation=Name(id='str', ctx=Load()), si"
     "mple=0)], type_ignores=[])"},
    {"expressions",
     "a if b else c or d and not e\na < b <= c is not d not in e\n-a ** "
     "-b\na | b ^ c & d << e + f * g @ h // i % j / k\nx = (yield)\nf(*a"
     ", b, k=1, **d)\nx[1:2, ::3]\nx[a:b:c]\nlambda a, *b, c=1, **d: 0\n",
     "Module(body=[Expr(value=IfExp(test=Name(id='b', ctx=Load()), body="
     "Name(id='a', ctx=Load()), orelse=BoolOp(op=Or(), values=[Name(id='"
     "c', ctx=Load()), BoolOp(op=And(), values=[Name(id='d', ctx=Load())"
     ", UnaryOp(op=Not(), operand=Name(id='e', ctx=Load()))])]))), Expr("
     "value=Compare(left=Name(id='a', ctx=Load()), ops=[Lt(), LtE(), IsN"
     "ot(), NotIn()], comparators=[Name(id='b', ctx=Load()), Name(id='c'"
     ", ctx=Load()), Name(id='d', ctx=Load()), Name(id='e', ctx=Load())]"
     ")), Expr(value=UnaryOp(op=USub(), operand=BinOp(left=Name(id='a', "
     "ctx=Load()), op=Pow(), right=UnaryOp(op=USub(), operand=Name(id='b"
     "', ctx=Load()))))), Expr(value=BinOp(left=Name(id='a', ctx=Load())"
     ", op=BitOr(), right=BinOp(left=Name(id='b', ctx=Load()), op=BitXor"
     "(), right=BinOp(left=Name(id='c', ctx=Load()), op=BitAnd(), right="
     "BinOp(left=Name(id='d', ctx=Load()), op=LShift(), right=BinOp(left"
     "=Name(id='e', ctx=Load()), op=Add(), right=BinOp(left=BinOp(left=B"
     "inOp(left=BinOp(left=BinOp(left=Name(id='f', ctx=Load()), op=Mult("
     "), right=Name(id='g', ctx=Load())), op=MatMult(), right=Name(id='h"
     "', ctx=Load())), op=FloorDiv(), right=Name(id='i', ctx=Load())), o"
     "p=Mod(), right=Name(id='j', ctx=Load())), op=Div(), right=Name(id="
     "'k', ctx=Load())))))))), Assign(targets=[Name(id='x', ctx=Store())"
     "], value=Yield()), Expr(value=Call(func=Name(id='f', ctx=Load()), "
     "args=[Starred(value=Name(id='a', ctx=Load()), ctx=Load()), Name(id"
     "='b', ctx=Load())], keywords=[keyword(arg='k', value=Constant(valu"
     "e=1)), keyword(value=Name(id='d', ctx=Load()))])), Expr(value=Subs"
     "cript(value=Name(id='x', ctx=Load()), slice=Tuple(elts=[Slice(lowe"
     "r=Constant(value=1), upper=Constant(value=2)), Slice(step=Constant"
     "(value=3))], ctx=Load()), ctx=Load())), Expr(value=Subscript(value"
     "=Name(id='x', ctx=Load()), slice=Slice(lower=Name(id='a', ctx=Load"
     "()), upper=Name(id='b', ctx=Load()), step=Name(id='c', ctx=Load())"
     "), ctx=Load())), Expr(value=Lambda(args=arguments(posonlyargs=[], "
     "args=[arg(arg='a')], vararg=arg(arg='b'), kwonlyargs=[arg(arg='c')"
     "], kw_defaults=[Constant(value=1)], kwarg=arg(arg='d'), defaults=["
     "]), body=Constant(value=0)))], type_ignores=[])"},
    {"displays",
     "x = [1, 2.5, 'a', b'b', None, True, ...]\ny = {1: 2, **d}\nz = {1,"
     " *s}\nt = (1,)\ne = ()\nw = {}\n",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Lis"
     "t(elts=[Constant(value=1), Constant(value=2.5), Constant(value='a'"
     "), Constant(value=b'b'), Constant(value=None), Constant(value=True"
     "), Constant(value=Ellipsis)], ctx=Load())), Assign(targets=[Name(i"
     "d='y', ctx=Store())], value=Dict(keys=[Constant(value=1), None], v"
     "alues=[Constant(value=2), Name(id='d', ctx=Load())])), Assign(targ"
     "ets=[Name(id='z', ctx=Store())], value=Set(elts=[Constant(value=1)"
     ", Starred(value=Name(id='s', ctx=Load()), ctx=Load())])), Assign(t"
     "argets=[Name(id='t', ctx=Store())], value=Tuple(elts=[Constant(val"
     "ue=1)], ctx=Load())), Assign(targets=[Name(id='e', ctx=Store())], "
     "value=Tuple(elts=[], ctx=Load())), Assign(targets=[Name(id='w', ct"
     "x=Store())], value=Dict(keys=[], values=[]))], type_ignores=[])"},
    {"comprehensions",
     "[x for x in y if x if z for w in x]\n{k: v for k, v in d}\n{s for "
     "s in t}\n(g for g in h)\nf(x for x in y)\n",
     "Module(body=[Expr(value=ListComp(elt=Name(id='x', ctx=Load()), gen"
     "erators=[comprehension(target=Name(id='x', ctx=Store()), iter=Name"
     "(id='y', ctx=Load()), ifs=[Name(id='x', ctx=Load()), Name(id='z', "
     "ctx=Load())], is_async=0), comprehension(target=Name(id='w', ctx=S"
     "tore()), iter=Name(id='x', ctx=Load()), ifs=[], is_async=0)])), Ex"
     "pr(value=DictComp(key=Name(id='k', ctx=Load()), value=Name(id='v',"
     " ctx=Load()), generators=[comprehension(target=Tuple(elts=[Name(id"
     "='k', ctx=Store()), Name(id='v', ctx=Store())], ctx=Store()), iter"
     "=Name(id='d', ctx=Load()), ifs=[], is_async=0)])), Expr(value=SetC"
     "omp(elt=Name(id='s', ctx=Load()), generators=[comprehension(target"
     "=Name(id='s', ctx=Store()), iter=Name(id='t', ctx=Load()), ifs=[],"
     " is_async=0)])), Expr(value=GeneratorExp(elt=Name(id='g', ctx=Load"
     "()), generators=[comprehension(target=Name(id='g', ctx=Store()), i"
     "ter=Name(id='h', ctx=Load()), ifs=[], is_async=0)])), Expr(value=C"
     "all(func=Name(id='f', ctx=Load()), args=[GeneratorExp(elt=Name(id="
     "'x', ctx=Load()), generators=[comprehension(target=Name(id='x', ct"
     "x=Store()), iter=Name(id='y', ctx=Load()), ifs=[], is_async=0)])],"
     " keywords=[]))], type_ignores=[])"},
    {"functions",
     "@dec\n@mod.dec(1)\ndef f(a, b=1, /, c=2, *d, e, f=3, **g) -> int:"
     "\n    return a\ndef g(*, k): pass\nclass C(B, metaclass=M):\n    x"
     " = 1\n",
     "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[arg"
     "(arg='a'), arg(arg='b')], args=[arg(arg='c')], vararg=arg(arg='d')"
     ", kwonlyargs=[arg(arg='e'), arg(arg='f')], kw_defaults=[None, Cons"
     "tant(value=3)], kwarg=arg(arg='g'), defaults=[Constant(value=1), C"
     "onstant(value=2)]), body=[Return(value=Name(id='a', ctx=Load()))],"
     " decorator_list=[Name(id='dec', ctx=Load()), Call(func=Attribute(v"
     "alue=Name(id='mod', ctx=Load()), attr='dec', ctx=Load()), args=[Co"
     "nstant(value=1)], keywords=[])], returns=Name(id='int', ctx=Load()"
     ")), FunctionDef(name='g', args=arguments(posonlyargs=[], args=[], "
     "kwonlyargs=[arg(arg='k')], kw_defaults=[None], defaults=[]), body="
     "[Pass()], decorator_list=[]), ClassDef(name='C', bases=[Name(id='B"
     "', ctx=Load())], keywords=[keyword(arg='metaclass', value=Name(id="
     "'M', ctx=Load()))], body=[Assign(targets=[Name(id='x', ctx=Store()"
     ")], value=Constant(value=1))], decorator_list=[])], type_ignores=["
     "])"},
    {"compound",
     "if a:\n    pass\nelif b:\n    pass\nelse:\n    pass\nwhile x:\n   "
     " break\nelse:\n    continue\nfor i, j in k:\n    pass\nelse:\n    "
     "pass\n",
     "Module(body=[If(test=Name(id='a', ctx=Load()), body=[Pass()], orel"
     "se=[If(test=Name(id='b', ctx=Load()), body=[Pass()], orelse=[Pass("
     ")])]), While(test=Name(id='x', ctx=Load()), body=[Break()], orelse"
     "=[Continue()]), For(target=Tuple(elts=[Name(id='i', ctx=Store()), "
     "Name(id='j', ctx=Store())], ctx=Store()), iter=Name(id='k', ctx=Lo"
     "ad()), body=[Pass()], orelse=[Pass()])], type_ignores=[])"},
    {"try_with",
     "try:\n    pass\nexcept (A, B) as e:\n    pass\nexcept C:\n    pass"
     "\nexcept:\n    pass\nelse:\n    pass\nfinally:\n    pass\nwith a a"
     "s b, c as (d, e):\n    pass\nwith (f as g, h):\n    pass\n",
     "Module(body=[Try(body=[Pass()], handlers=[ExceptHandler(type=Tuple"
     "(elts=[Name(id='A', ctx=Load()), Name(id='B', ctx=Load())], ctx=Lo"
     "ad()), name='e', body=[Pass()]), ExceptHandler(type=Name(id='C', c"
     "tx=Load()), body=[Pass()]), ExceptHandler(body=[Pass()])], orelse="
     "[Pass()], finalbody=[Pass()]), With(items=[withitem(context_expr=N"
     "ame(id='a', ctx=Load()), optional_vars=Name(id='b', ctx=Store())),"
     " withitem(context_expr=Name(id='c', ctx=Load()), optional_vars=Tup"
     "le(elts=[Name(id='d', ctx=Store()), Name(id='e', ctx=Store())], ct"
     "x=Store()))], body=[Pass()]), With(items=[withitem(context_expr=Na"
     "me(id='f', ctx=Load()), optional_vars=Name(id='g', ctx=Store())), "
     "withitem(context_expr=Name(id='h', ctx=Load()))], body=[Pass()])],"
     " type_ignores=[])"},
    {"simple",
     "import a.b.c as d, e\nfrom . import x\nfrom ..m import (y as z, w,"
     ")\nfrom .... import *\nglobal g\nnonlocal n\nassert x, 'm'\ndel a,"
     " b[0], c.d\nraise E from F\nraise\n(x := 1)\n",
     "Module(body=[Import(names=[alias(name='a.b.c', asname='d'), alias("
     "name='e')]), ImportFrom(names=[alias(name='x')], level=1), ImportF"
     "rom(module='m', names=[alias(name='y', asname='z'), alias(name='w'"
     ")], level=2), ImportFrom(names=[alias(name='*')], level=4), Global"
     "(names=['g']), Nonlocal(names=['n']), Assert(test=Name(id='x', ctx"
     "=Load()), msg=Constant(value='m')), Delete(targets=[Name(id='a', c"
     "tx=Del()), Subscript(value=Name(id='b', ctx=Load()), slice=Constan"
     "t(value=0), ctx=Del()), Attribute(value=Name(id='c', ctx=Load()), "
     "attr='d', ctx=Del())]), Raise(exc=Name(id='E', ctx=Load()), cause="
     "Name(id='F', ctx=Load())), Raise(), Expr(value=NamedExpr(target=Na"
     "me(id='x', ctx=Store()), value=Constant(value=1)))], type_ignores="
     "[])"},
    {"strings",
     "s = 'a' \"b\" '''c'''\nb = b'\\x00\\xff' rb'\\n'\nu = '\\u00e9' if"
     " 0 else '\\t\\101\\d'\nr = r'\\n'\n",
     "Module(body=[Assign(targets=[Name(id='s', ctx=Store())], value=Con"
     "stant(value='abc')), Assign(targets=[Name(id='b', ctx=Store())], v"
     "alue=Constant(value=b'\\x00\\xff\\\\n')), Assign(targets=[Name(id="
     "'u', ctx=Store())], value=IfExp(test=Constant(value=0), body=Const"
     "ant(value='\xc3""\xa9""'), orelse=Constant(value='\\tA\\\\d'))), A"
     "ssign(targets=[Name(id='r', ctx=Store())], value=Constant(value='"
     "\\\\n'))], type_ignores=[])"},
    {"fstrings",
     "f'{a!r:>{w}} {b=} {c = !s:10} {{}} {d:{e}.{f}f}'\nf'x' 'y' f'{z}'"
     "\nf''\n",
     "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Nam"
     "e(id='a', ctx=Load()), conversion=114, format_spec=JoinedStr(value"
     "s=[Constant(value='>'), FormattedValue(value=Name(id='w', ctx=Load"
     "()), conversion=-1)])), Constant(value=' b='), FormattedValue(valu"
     "e=Name(id='b', ctx=Load()), conversion=114), Constant(value=' c = "
     "'), FormattedValue(value=Name(id='c', ctx=Load()), conversion=115,"
     " format_spec=JoinedStr(values=[Constant(value='10')])), Constant(v"
     "alue=' {} '), FormattedValue(value=Name(id='d', ctx=Load()), conve"
     "rsion=-1, format_spec=JoinedStr(values=[FormattedValue(value=Name("
     "id='e', ctx=Load()), conversion=-1), Constant(value='.'), Formatte"
     "dValue(value=Name(id='f', ctx=Load()), conversion=-1), Constant(va"
     "lue='f')]))])), Expr(value=JoinedStr(values=[Constant(value='xy'),"
     " FormattedValue(value=Name(id='z', ctx=Load()), conversion=-1)])),"
     " Expr(value=JoinedStr(values=[]))], type_ignores=[])"},
    {"numbers",
     "x = 0x1F + 0o17 + 0b11 + 1_000 + 1.5 + 1e10 + .5 + 2j + 1234567890"
     "12345678901234567890 + 0xffffffffffffffffffffffff\n",
     "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Bin"
     "Op(left=BinOp(left=BinOp(left=BinOp(left=BinOp(left=BinOp(left=Bin"
     "Op(left=BinOp(left=BinOp(left=Constant(value=31), op=Add(), right="
     "Constant(value=15)), op=Add(), right=Constant(value=3)), op=Add(),"
     " right=Constant(value=1000)), op=Add(), right=Constant(value=1.5))"
     ", op=Add(), right=Constant(value=10000000000.0)), op=Add(), right="
     "Constant(value=0.5)), op=Add(), right=Constant(value=2j)), op=Add("
     "), right=Constant(value=123456789012345678901234567890)), op=Add()"
     ", right=Constant(value=79228162514264337593543950335)))], type_ign"
     "ores=[])"},
};
static const struct error_case error_cases[] = {
    {"f() = 2\n",
     RP_PERR_SYNTAX, "cannot assign to function call here. Maybe you meant '==' instead "
     "of '='?",
     1, 1, 1, 4},
    {"1 = x\n",
     RP_PERR_SYNTAX, "cannot assign to literal here. Maybe you meant '==' instead of '='"
     "?",
     1, 1, 1, 2},
    {"def f(a=1, b):\n    pass\n",
     RP_PERR_SYNTAX, "non-default argument follows default argument",
     1, 12, 1, 13},
    {"if x > 2\n    pass\n",
     RP_PERR_SYNTAX, "expected ':'",
     1, 9, 1, 9},
    {"def f(a, b)\n    return a\n",
     RP_PERR_SYNTAX, "expected ':'",
     1, 12, 1, 12},
    {"def f():\nreturn 1\n",
     RP_PERR_INDENT, "expected an indented block after function definition on line 1",
     2, 1, 2, 7},
    {"if x:\nprint(1)\n",
     RP_PERR_INDENT, "expected an indented block after 'if' statement on line 1",
     2, 1, 2, 6},
    {"y = x $ 2\n",
     RP_PERR_SYNTAX, "invalid syntax",
     1, 7, 1, 8},
    {"y = = 2\n",
     RP_PERR_SYNTAX, "invalid syntax",
     1, 5, 1, 6},
    {"b = [a, 2)\n",
     RP_PERR_SYNTAX, "closing parenthesis ')' does not match opening parenthesis '['",
     1, 10, 1, 10},
    {"b = [a 2]\n",
     RP_PERR_SYNTAX, "invalid syntax. Perhaps you forgot a comma?",
     1, 6, 1, 9},
    {"values = (1, 2,\n          3\nprint(values)\n",
     RP_PERR_SYNTAX, "'(' was never closed",
     1, 10, 1, 0},
    {"print(f(a=1, 2))\n",
     RP_PERR_SYNTAX, "positional argument follows keyword argument",
     1, 15, 1, 16},
    {"if True:\n\tx = 1\n        y = 2\n",
     RP_PERR_TAB, "inconsistent use of tabs and spaces in indentation",
     3, 1, 3, 0},
    {"x = 1\n    y = 2\n",
     RP_PERR_INDENT, "unexpected indent",
     2, 4, 2, -1},
    {"if True:\n        x = 1\n    y = 2\n",
     RP_PERR_INDENT, "unindent does not match any outer indentation level",
     3, 10, 3, -1},
    {"y = x + 2)\n",
     RP_PERR_SYNTAX, "unmatched ')'",
     1, 10, 1, 10},
    {"s = 'abc\n",
     RP_PERR_SYNTAX, "unterminated string literal (detected at line 1)",
     1, 5, 1, 5},
    {"s = \"\"\"abc\ndef\n",
     RP_PERR_SYNTAX, "unterminated triple-quoted string literal (detected at line 2)",
     1, 5, 1, 5},
    {"print 'hello'\n",
     RP_PERR_SYNTAX, "Missing parentheses in call to 'print'. Did you mean print(...)?",
     1, 1, 1, 14},
    {"x = y z\n",
     RP_PERR_SYNTAX, "invalid syntax",
     1, 7, 1, 8},
    {"f(a, b c)\n",
     RP_PERR_SYNTAX, "invalid syntax. Perhaps you forgot a comma?",
     1, 6, 1, 9},
    {"x = 1 if 2\n",
     RP_PERR_SYNTAX, "expected 'else' after 'if' expression",
     1, 5, 1, 11},
    {"if x = 1: pass\n",
     RP_PERR_SYNTAX, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
     1, 4, 1, 9},
    {"f(a for a in b, c)\n",
     RP_PERR_SYNTAX, "Generator expression must be parenthesized",
     1, 3, 1, 15},
    {"del f()\n",
     RP_PERR_SYNTAX, "cannot delete function call",
     1, 5, 1, 8},
    {"for f() in x: pass\n",
     RP_PERR_SYNTAX, "cannot assign to function call",
     1, 5, 1, 8},
    {"with a as f(): pass\n",
     RP_PERR_SYNTAX, "cannot assign to function call",
     1, 11, 1, 14},
    {"x = yield = 1\n",
     RP_PERR_SYNTAX, "assignment to yield expression not possible",
     1, 5, 1, 10},
    {"a, b += 1\n",
     RP_PERR_SYNTAX, "'tuple' is an illegal expression for augmented assignment",
     1, 1, 1, 5},
    {"[a]: int\n",
     RP_PERR_SYNTAX, "only single target (not list) can be annotated",
     1, 1, 1, 4},
    {"try:\n    pass\nx = 1\n",
     RP_PERR_SYNTAX, "expected 'except' or 'finally' block",
     3, 1, 3, 2},
    {"x = f'{a b}'\n",
     RP_PERR_SYNTAX, "f-string: invalid syntax. Perhaps you forgot a comma?",
     1, 2, 1, 5},
    {"x = f'{}'\n",
     RP_PERR_SYNTAX, "f-string: empty expression not allowed",
     1, 10, 1, 10},
    {"x = f'{a!x}'\n",
     RP_PERR_SYNTAX, "f-string: invalid conversion character: expected 's', 'r', or 'a'",
     1, 13, 1, 13},
    {"x = \"\\x4\"\n",
     RP_PERR_SYNTAX, "(unicode error) 'unicodeescape' codec can't decode bytes in positi"
     "on 0-2: truncated \\xXX escape",
     1, 10, 1, 10},
    {"y = b'\xc3""\xa9""'\n",
     RP_PERR_SYNTAX, "bytes can only contain ASCII literal characters",
     1, 5, 1, 10},
    {"y = b'a' 'b'\n",
     RP_PERR_SYNTAX, "cannot mix bytes and nonbytes literals",
     1, 13, 1, 13},
    {"x = 0x\n",
     RP_PERR_SYNTAX, "invalid hexadecimal literal",
     1, 6, 1, 6},
    {"x = 012\n",
     RP_PERR_SYNTAX, "leading zeros in decimal integer literals are not permitted; use a"
     "n 0o prefix for octal integers",
     1, 5, 1, 6},
    {"from x import a,\n",
     RP_PERR_SYNTAX, "trailing comma not allowed without surrounding parentheses",
     1, 17, 1, 17},
    {"f(**k, *a)\n",
     RP_PERR_SYNTAX, "iterable argument unpacking follows keyword argument unpacking",
     1, 8, 1, 9},
    {"f(True=1)\n",
     RP_PERR_SYNTAX, "cannot assign to True",
     1, 3, 1, 8},
    {"{a: 1, b}\n",
     RP_PERR_SYNTAX, "':' expected after dictionary key",
     1, 8, 1, 0},
    {"(*a)\n",
     RP_PERR_SYNTAX, "cannot use starred expression here",
     1, 2, 1, 4},
    {"lambda a=1, b: 0\n",
     RP_PERR_SYNTAX, "non-default argument follows default argument",
     1, 13, 1, 14},
    {"def f(*): pass\n",
     RP_PERR_SYNTAX, "named arguments must follow bare *",
     1, 7, 1, 8},
    {"@dec\n",
     RP_PERR_SYNTAX, "invalid syntax",
     1, 0, 1, 0},
    {"class A:\n  def f(self):\n",
     RP_PERR_INDENT, "expected an indented block after function definition on line 2",
     2, 0, 2, -1},
    {"x = (\n",
     RP_PERR_SYNTAX, "'(' was never closed",
     1, 5, 1, 0},
    {"x = 1 \\\n",
     RP_PERR_SYNTAX, "unexpected EOF while parsing",
     1, 8, 1, -1},
    {"\xc3""\xa9"" = (1 $ 2)\n",
     RP_PERR_SYNTAX, "invalid syntax",
     1, 9, 1, 10},
};

// Parses src in mode; returns the dump (caller frees) or NULL with *err.
static char *parse_dump(const char *src, size_t len, int mode, int attrs,
                        rp_parse_error_t *err)
{
    rp_arena_t *arena = rp_arena_new();
    ck_assert_ptr_nonnull(arena);
    rp_mod_t *mod = rp_parse(arena, src, len, "<test>",
                             (rp_parse_mode_t)mode, err);
    char *d = mod ? rp_ast_dump_mod_ex(mod, attrs) : NULL;
    rp_arena_free(arena);
    return d;
}

static void assert_dump(const char *src, int mode, int attrs,
                        const char *expected)
{
    rp_parse_error_t err;
    char *d = parse_dump(src, strlen(src), mode, attrs, &err);
    if (d == NULL) {
        ck_abort_msg("parse failed: %s (line %d)", err.msg, err.lineno);
    }
    ck_assert_str_eq(d, expected);
    free(d);
    rp_parse_error_clear(&err);
}

// Parses src expecting an error; returns it (caller clears).
static rp_parse_error_t parse_error(const char *src, size_t len, int mode)
{
    rp_parse_error_t err;
    char *d = parse_dump(src, len, mode, 0, &err);
    if (d != NULL) {
        ck_abort_msg("no error for %s: %s", src, d);
    }
    return err;
}

START_TEST(parser_dumps_equal_python_ast_dump)
{
    for (size_t i = 0; i < sizeof(dump_cases) / sizeof(dump_cases[0]); i++) {
        const struct dump_case *c = &dump_cases[i];
        rp_parse_error_t err;
        char *d = parse_dump(c->src, strlen(c->src), RP_PARSE_FILE, 0, &err);
        if (d == NULL) {
            ck_abort_msg("%s: parse failed: %s", c->name, err.msg);
        }
        if (strcmp(d, c->dump) != 0) {
            ck_abort_msg("%s:\n got %s\nwant %s", c->name, d, c->dump);
        }
        free(d);
    }
}
END_TEST

START_TEST(parser_records_cpython_positions)
{
    // Nodes start at the first token of their rule: `(a) + b` starts at
    // the parenthesis.
    assert_dump("(a) + b\n", RP_PARSE_FILE, 1,
                "Module(body=[Expr(value=BinOp(left=Name(id='a', ctx=Load(), "
                "lineno=1, col_offset=1, end_lineno=1, end_col_offset=2), "
                "op=Add(), right=Name(id='b', ctx=Load(), lineno=1, "
                "col_offset=6, end_lineno=1, end_col_offset=7), lineno=1, "
                "col_offset=0, end_lineno=1, end_col_offset=7), lineno=1, "
                "col_offset=0, end_lineno=1, end_col_offset=7)], "
                "type_ignores=[])");
    // A statement ends at its last token, before NEWLINE and DEDENT; a
    // tuple with a trailing comma includes the comma.
    assert_dump("if x:\n    y = 1,\n", RP_PARSE_FILE, 1,
                "Module(body=[If(test=Name(id='x', ctx=Load(), lineno=1, "
                "col_offset=3, end_lineno=1, end_col_offset=4), "
                "body=[Assign(targets=[Name(id='y', ctx=Store(), lineno=2, "
                "col_offset=4, end_lineno=2, end_col_offset=5)], "
                "value=Tuple(elts=[Constant(value=1, lineno=2, "
                "col_offset=8, end_lineno=2, end_col_offset=9)], "
                "ctx=Load(), lineno=2, col_offset=8, end_lineno=2, "
                "end_col_offset=10), lineno=2, col_offset=4, end_lineno=2, "
                "end_col_offset=10)], orelse=[], lineno=1, col_offset=0, "
                "end_lineno=2, end_col_offset=10)], type_ignores=[])");
    // f-string pieces span the whole literal; the expression keeps its
    // own place in the source line.
    assert_dump("s = f'a{x}'\n", RP_PARSE_FILE, 1,
                "Module(body=[Assign(targets=[Name(id='s', ctx=Store(), "
                "lineno=1, col_offset=0, end_lineno=1, end_col_offset=1)], "
                "value=JoinedStr(values=[Constant(value='a', lineno=1, "
                "col_offset=4, end_lineno=1, end_col_offset=11), "
                "FormattedValue(value=Name(id='x', ctx=Load(), lineno=1, "
                "col_offset=8, end_lineno=1, end_col_offset=9), "
                "conversion=-1, lineno=1, col_offset=4, end_lineno=1, "
                "end_col_offset=11)], lineno=1, col_offset=4, end_lineno=1, "
                "end_col_offset=11), lineno=1, col_offset=0, end_lineno=1, "
                "end_col_offset=11)], type_ignores=[])");
}
END_TEST

START_TEST(parser_constants_keep_their_text)
{
    rp_arena_t *arena = rp_arena_new();
    rp_parse_error_t err;
    const char *src = "0x_1F\n1_000.5\n'\\u00e9'\nb'\\x00a'\n";
    rp_mod_t *mod = rp_parse(arena, src, strlen(src), "<t>", RP_PARSE_FILE,
                             &err);
    ck_assert_ptr_nonnull(mod);
    ck_assert_int_eq(mod->body.n, 4);
    const rp_constant_t *c = &mod->body.a[0]->v.expr.value->v.constant;
    ck_assert_int_eq(c->kind, RP_CONST_INT);
    ck_assert_str_eq(c->text, "0x1F");
    c = &mod->body.a[1]->v.expr.value->v.constant;
    ck_assert_int_eq(c->kind, RP_CONST_FLOAT);
    ck_assert(c->f == 1000.5);
    c = &mod->body.a[2]->v.expr.value->v.constant;
    ck_assert_int_eq(c->kind, RP_CONST_STR);
    ck_assert_int_eq((int)c->len, 2);
    ck_assert_str_eq(c->text, "\xc3\xa9");
    c = &mod->body.a[3]->v.expr.value->v.constant;
    ck_assert_int_eq(c->kind, RP_CONST_BYTES);
    ck_assert_int_eq((int)c->len, 2);
    ck_assert_int_eq(c->text[0], 0);
    ck_assert_int_eq(c->text[1], 'a');
    rp_arena_free(arena);
}
END_TEST

START_TEST(parser_errors_match_cpython)
{
    for (size_t i = 0; i < sizeof(error_cases) / sizeof(error_cases[0]); i++) {
        const struct error_case *c = &error_cases[i];
        rp_parse_error_t err = parse_error(c->src, strlen(c->src),
                                           RP_PARSE_FILE);
        if (err.kind != c->kind || strcmp(err.msg, c->msg) != 0 ||
            err.lineno != c->lineno || err.offset != c->offset ||
            err.end_lineno != c->end_lineno ||
            err.end_offset != c->end_offset) {
            ck_abort_msg("%s\n got %d %s %d:%d-%d:%d\nwant %d %s %d:%d-%d:%d",
                         c->src, err.kind, err.msg, err.lineno, err.offset,
                         err.end_lineno, err.end_offset, c->kind, c->msg,
                         c->lineno, c->offset, c->end_lineno, c->end_offset);
        }
        rp_parse_error_clear(&err);
    }
}
END_TEST

START_TEST(parser_error_text_is_the_source_line)
{
    rp_parse_error_t err = parse_error("x = 1\ny = = 2\nz\n", 16,
                                       RP_PARSE_FILE);
    ck_assert_str_eq(err.text, "y = = 2\n");
    rp_parse_error_clear(&err);
}
END_TEST

START_TEST(parser_null_byte_is_a_syntax_error)
{
    static const char src[] = "x = 1\ny = \"a\0\"\n";
    rp_parse_error_t err = parse_error(src, sizeof(src) - 1, RP_PARSE_FILE);
    ck_assert_str_eq(err.msg, "source code cannot contain null bytes");
    ck_assert_int_eq(err.lineno, 2);
    ck_assert_int_eq(err.offset, 0);
    rp_parse_error_clear(&err);
}
END_TEST

START_TEST(parser_invalid_utf8_depends_on_the_source_kind)
{
    rp_parse_error_t err = parse_error("\xff = 1\n", 6, RP_PARSE_FILE);
    ck_assert_int_eq(err.lineno, 0);   // no location
    ck_assert_ptr_nonnull(strstr(err.msg, "Non-UTF-8 code starting with "
                                          "'\\xff' in file <test> on line 1"));
    rp_parse_error_clear(&err);
    err = parse_error("\xff = 1\n", 6, RP_PARSE_FILE | RP_PARSE_FLAG_STRING);
    ck_assert_str_eq(err.msg, "(unicode error) 'utf-8' codec can't decode "
                              "byte 0xff in position 0: invalid start byte");
    ck_assert_int_eq(err.lineno, 1);
    rp_parse_error_clear(&err);
}
END_TEST

START_TEST(parser_string_input_counts_characters)
{
    // Files report byte columns, strings character columns (CPython).
    const char *src = "x = '\xc3\xa9' + $\n";
    rp_parse_error_t err = parse_error(src, strlen(src), RP_PARSE_FILE);
    ck_assert_int_eq(err.offset, 12);
    rp_parse_error_clear(&err);
    err = parse_error(src, strlen(src), RP_PARSE_FILE | RP_PARSE_FLAG_STRING);
    ck_assert_int_eq(err.offset, 11);
    rp_parse_error_clear(&err);
}
END_TEST

START_TEST(parser_second_pass_finds_print_statements)
{
    // Like CPython, an earlier `print -1` is reported once the file has
    // an error anywhere.
    rp_parse_error_t err = parse_error("print -1\nx = = 2\n", 17,
                                       RP_PARSE_FILE);
    ck_assert_str_eq(err.msg, "Missing parentheses in call to 'print'. Did "
                              "you mean print(...)?");
    ck_assert_int_eq(err.lineno, 1);
    rp_parse_error_clear(&err);
}
END_TEST

START_TEST(parser_later_lexer_errors_win)
{
    rp_parse_error_t err = parse_error("x = = 1\ns = 'abc\n", 17,
                                       RP_PARSE_FILE);
    ck_assert_str_eq(err.msg, "unterminated string literal (detected at "
                              "line 2)");
    ck_assert_int_eq(err.lineno, 2);
    rp_parse_error_clear(&err);
    // An unclosed bracket wins only if it opened before the error line.
    err = parse_error("y = (\nx = = 1\n", 14, RP_PARSE_FILE);
    ck_assert_str_eq(err.msg, "'(' was never closed");
    rp_parse_error_clear(&err);
    err = parse_error("x = = 1\ny = (\n", 14, RP_PARSE_FILE);
    ck_assert_str_eq(err.msg, "invalid syntax");
    rp_parse_error_clear(&err);
}
END_TEST

// 0: complete, 1: incomplete, -1: an error.
static int incomplete(const char *src)
{
    rp_parse_error_t err;
    char *d = parse_dump(src, strlen(src), RP_PARSE_SINGLE, 0, &err);
    if (d != NULL) {
        free(d);
        return 0;
    }
    int inc = err.incomplete;
    rp_parse_error_clear(&err);
    return inc ? 1 : -1;
}

START_TEST(parser_single_mode_reports_incomplete_input)
{
    ck_assert_int_eq(incomplete("x = 1\n"), 0);
    ck_assert_int_eq(incomplete("if x:\n"), 1);
    ck_assert_int_eq(incomplete("if x:\n    y = 1\n"), 1);
    ck_assert_int_eq(incomplete("if x:\n    y = 1\n\n"), 0);
    ck_assert_int_eq(incomplete("if x: pass\n"), 1);
    ck_assert_int_eq(incomplete("if x: pass\n\n"), 0);
    ck_assert_int_eq(incomplete("x = (1,\n"), 1);
    ck_assert_int_eq(incomplete("x = [1,\n2]\n"), 0);
    ck_assert_int_eq(incomplete("s = '''abc\n"), 1);
    ck_assert_int_eq(incomplete("x = 1 + \\\n"), 1);
    ck_assert_int_eq(incomplete("@dec\n"), 1);
    ck_assert_int_eq(incomplete("def f():\n    return 1\n"), 1);
    ck_assert_int_eq(incomplete("try:\n    pass\nexcept:\n    pass\n\n"), 0);
    // Errors are not incomplete.
    ck_assert_int_eq(incomplete("x = = 1\n"), -1);
    ck_assert_int_eq(incomplete("if x:\n    pass\ny = 1\n"), -1);
}
END_TEST

START_TEST(parser_incomplete_error_says_what_eof_would)
{
    rp_parse_error_t err = parse_error("x = (1,\n", 8, RP_PARSE_SINGLE);
    ck_assert(err.incomplete);
    ck_assert_str_eq(err.msg, "'(' was never closed");
    ck_assert_int_eq(err.lineno, 1);
    ck_assert_int_eq(err.offset, 5);
    rp_parse_error_clear(&err);
}
END_TEST

START_TEST(parser_single_mode_trees)
{
    assert_dump("x = 1; y\n", RP_PARSE_SINGLE, 0,
                "Interactive(body=[Assign(targets=[Name(id='x', "
                "ctx=Store())], value=Constant(value=1)), Expr(value=Name("
                "id='y', ctx=Load()))])");
    assert_dump("\n", RP_PARSE_SINGLE, 0, "Interactive(body=[Pass()])");
    assert_dump("# only a comment\n", RP_PARSE_SINGLE, 0,
                "Interactive(body=[Pass()])");
    rp_parse_error_t err = parse_error("x = 1\ny = 2\n", 12, RP_PARSE_SINGLE);
    ck_assert_str_eq(err.msg, "multiple statements found while compiling a "
                              "single statement");
    rp_parse_error_clear(&err);
}
END_TEST

START_TEST(parser_eval_mode)
{
    assert_dump("a, b + 1\n\n", RP_PARSE_EVAL, 0,
                "Expression(body=Tuple(elts=[Name(id='a', ctx=Load()), "
                "BinOp(left=Name(id='b', ctx=Load()), op=Add(), "
                "right=Constant(value=1))], ctx=Load()))");
    rp_parse_error_t err = parse_error("x = 1", 5, RP_PARSE_EVAL);
    ck_assert_str_eq(err.msg, "invalid syntax");
    ck_assert_int_eq(err.offset, 3);
    rp_parse_error_clear(&err);
}
END_TEST

// prefix + n*unit + mid + n*close + "\n" (caller frees).
static char *repeat(const char *prefix, const char *unit, int n,
                    const char *mid, const char *close)
{
    size_t lu = strlen(unit), lc = strlen(close);
    size_t len = strlen(prefix) + strlen(mid) + (lu + lc) * (size_t)n + 2;
    char *s = malloc(len);
    char *d = s;
    d += sprintf(d, "%s", prefix);
    for (int i = 0; i < n; i++, d += lu) {
        memcpy(d, unit, lu);
    }
    d += sprintf(d, "%s", mid);
    for (int i = 0; i < n; i++, d += lc) {
        memcpy(d, close, lc);
    }
    strcpy(d, "\n");
    return s;
}

START_TEST(parser_deep_nesting_is_an_error_not_a_crash)
{
    char *s = repeat("x = ", "(", 200, "1", ")");
    rp_parse_error_t err;
    char *d = parse_dump(s, strlen(s), RP_PARSE_FILE, 0, &err);
    ck_assert_ptr_nonnull(d);   // 200 levels are fine
    free(d);
    free(s);
    s = repeat("x = ", "-(", 10000, "1", ")");
    err = parse_error(s, strlen(s), RP_PARSE_FILE);
    ck_assert_str_eq(err.msg, "too many nested parentheses");
    ck_assert_int_eq(err.offset, 406);
    rp_parse_error_clear(&err);
    free(s);
    s = repeat("x = ", "-", 10000, "1", "");
    err = parse_error(s, strlen(s), RP_PARSE_FILE);
    ck_assert_int_eq(err.kind, RP_PERR_NOMEM);   // a bare MemoryError
    ck_assert_str_eq(err.msg, "");
    rp_parse_error_clear(&err);
    free(s);
    s = repeat("x = ", "lambda: ", 4000, "1", "");
    err = parse_error(s, strlen(s), RP_PARSE_FILE);
    ck_assert_int_eq(err.kind, RP_PERR_NOMEM);
    rp_parse_error_clear(&err);
    free(s);
    s = repeat("x = ", "1+", 100000, "1", "");
    d = parse_dump(s, strlen(s), RP_PARSE_FILE, 0, &err);
    ck_assert_ptr_nonnull(d);   // long flat chains are fine
    free(d);
    free(s);
}
END_TEST

static int warnings;
static char last_warning[128];

static void on_warning(rp_pwarn_kind_t kind, const char *filename,
                       int lineno, const char *msg)
{
    warnings++;
    snprintf(last_warning, sizeof(last_warning), "%d:%s:%d:%s", kind,
             filename, lineno, msg);
}

START_TEST(parser_reports_warnings_through_the_hook)
{
    rp_parse_warn_fn saved = rp_parse_warn_hook;
    rp_parse_warn_hook = on_warning;
    warnings = 0;
    assert_dump("x = 1if y else 2\n", RP_PARSE_FILE, 0,
                "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], "
                "value=IfExp(test=Name(id='y', ctx=Load()), "
                "body=Constant(value=1), orelse=Constant(value=2)))], "
                "type_ignores=[])");
    ck_assert_int_eq(warnings, 1);
    ck_assert_str_eq(last_warning, "1:<test>:1:invalid decimal literal");
    assert_dump("'\\d'\n", RP_PARSE_FILE, 0,
                "Module(body=[Expr(value=Constant(value='\\\\d'))], "
                "type_ignores=[])");
    ck_assert_str_eq(last_warning, "2:<test>:1:invalid escape sequence '\\d'");
    rp_parse_warn_hook = saved;
}
END_TEST

static Suite *parser_suite(void)
{
    Suite *s = suite_create("parser");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, parser_dumps_equal_python_ast_dump);
    tcase_add_test(tc, parser_records_cpython_positions);
    tcase_add_test(tc, parser_constants_keep_their_text);
    tcase_add_test(tc, parser_errors_match_cpython);
    tcase_add_test(tc, parser_error_text_is_the_source_line);
    tcase_add_test(tc, parser_null_byte_is_a_syntax_error);
    tcase_add_test(tc, parser_invalid_utf8_depends_on_the_source_kind);
    tcase_add_test(tc, parser_string_input_counts_characters);
    tcase_add_test(tc, parser_second_pass_finds_print_statements);
    tcase_add_test(tc, parser_later_lexer_errors_win);
    tcase_add_test(tc, parser_single_mode_reports_incomplete_input);
    tcase_add_test(tc, parser_incomplete_error_says_what_eof_would);
    tcase_add_test(tc, parser_single_mode_trees);
    tcase_add_test(tc, parser_eval_mode);
    tcase_add_test(tc, parser_deep_nesting_is_an_error_not_a_crash);
    tcase_add_test(tc, parser_reports_warnings_through_the_hook);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(parser_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
