# calc: a tiny language implementation: a tokenizer (character classes,
# str slicing), a recursive-descent parser building tuples, a compiler to
# a list of stack-machine instructions and an interpreter loop that
# dispatches on opcode strings through a dict of small functions and an
# if/elif chain.  Scale multiplies the number of programs run.
import sys

KEYWORDS = {"let", "print", "while", "if", "end"}

def tokenize(src):
    tokens = []
    i = 0
    n = len(src)
    while i < n:
        c = src[i]
        if c == " " or c == "\n":
            i += 1
        elif c.isdigit():
            j = i
            while j < n and src[j].isdigit():
                j += 1
            tokens.append(("num", int(src[i:j])))
            i = j
        elif c.isalpha() or c == "_":
            j = i
            while j < n and (src[j].isalnum() or src[j] == "_"):
                j += 1
            word = src[i:j]
            tokens.append(("kw" if word in KEYWORDS else "name", word))
            i = j
        elif src.startswith("==", i) or src.startswith("<=", i) or src.startswith("!=", i):
            tokens.append(("op", src[i:i + 2]))
            i += 2
        elif c in "+-*/%()<>=;":
            tokens.append(("op", c))
            i += 1
        else:
            raise SyntaxError(f"bad character {c!r} at {i}")
    tokens.append(("eof", None))
    return tokens

class Parser:
    PREC = {"==": 1, "!=": 1, "<": 2, "<=": 2, ">": 2, "+": 3, "-": 3,
            "*": 4, "/": 4, "%": 4}

    def __init__(self, tokens):
        self.tokens = tokens
        self.pos = 0

    def peek(self):
        return self.tokens[self.pos]

    def take(self, kind=None, value=None):
        tok = self.tokens[self.pos]
        if (kind is not None and tok[0] != kind) or (value is not None and tok[1] != value):
            raise SyntaxError(f"expected {value or kind}, got {tok[1]!r}")
        self.pos += 1
        return tok

    def program(self):
        stmts = []
        while self.peek()[0] != "eof":
            stmts.append(self.statement())
        return stmts

    def block(self):
        stmts = []
        while self.peek() != ("kw", "end"):
            stmts.append(self.statement())
        self.take("kw", "end")
        return stmts

    def statement(self):
        kind, value = self.peek()
        if kind == "kw" and value == "let":
            self.take()
            name = self.take("name")[1]
            self.take("op", "=")
            expr = self.expr(0)
            self.take("op", ";")
            return ("let", name, expr)
        if kind == "kw" and value == "print":
            self.take()
            expr = self.expr(0)
            self.take("op", ";")
            return ("print", expr)
        if kind == "kw" and value in ("while", "if"):
            self.take()
            cond = self.expr(0)
            body = self.block()
            return (value, cond, body)
        raise SyntaxError(f"unexpected {value!r}")

    def expr(self, min_prec):
        left = self.atom()
        while True:
            kind, op = self.peek()
            prec = self.PREC.get(op, 0) if kind == "op" else 0
            if prec <= min_prec:
                return left
            self.take()
            right = self.expr(prec)
            left = ("bin", op, left, right)

    def atom(self):
        kind, value = self.take()
        if kind == "num":
            return ("num", value)
        if kind == "name":
            return ("var", value)
        if kind == "op" and value == "(":
            e = self.expr(0)
            self.take("op", ")")
            return e
        if kind == "op" and value == "-":
            return ("bin", "-", ("num", 0), self.atom())
        raise SyntaxError(f"unexpected {value!r}")

def compile_expr(e, code):
    tag = e[0]
    if tag == "num":
        code.append(("push", e[1]))
    elif tag == "var":
        code.append(("load", e[1]))
    else:
        compile_expr(e[2], code)
        compile_expr(e[3], code)
        code.append(("binop", e[1]))

def compile_block(stmts, code):
    for s in stmts:
        tag = s[0]
        if tag == "let":
            compile_expr(s[2], code)
            code.append(("store", s[1]))
        elif tag == "print":
            compile_expr(s[1], code)
            code.append(("print", None))
        elif tag == "if":
            compile_expr(s[1], code)
            jump = len(code)
            code.append(None)
            compile_block(s[2], code)
            code[jump] = ("jfalse", len(code))
        else:
            top = len(code)
            compile_expr(s[1], code)
            jump = len(code)
            code.append(None)
            compile_block(s[2], code)
            code.append(("jump", top))
            code[jump] = ("jfalse", len(code))
    return code

BINOPS = {
    "+": lambda a, b: a + b,
    "-": lambda a, b: a - b,
    "*": lambda a, b: a * b,
    "/": lambda a, b: a // b,
    "%": lambda a, b: a % b,
    "<": lambda a, b: int(a < b),
    "<=": lambda a, b: int(a <= b),
    ">": lambda a, b: int(a > b),
    "==": lambda a, b: int(a == b),
    "!=": lambda a, b: int(a != b),
}

def run(code, out):
    env = {}
    stack = []
    pc = 0
    steps = 0
    n = len(code)
    while pc < n:
        op, arg = code[pc]
        pc += 1
        steps += 1
        if op == "push":
            stack.append(arg)
        elif op == "load":
            stack.append(env[arg])
        elif op == "store":
            env[arg] = stack.pop()
        elif op == "binop":
            b = stack.pop()
            a = stack.pop()
            stack.append(BINOPS[arg](a, b))
        elif op == "jfalse":
            if not stack.pop():
                pc = arg
        elif op == "jump":
            pc = arg
        elif op == "print":
            out.append(stack.pop())
        else:
            raise ValueError(op)
    return steps

TEMPLATE = """
let n = {n};
let a = 0;
let b = 1;
let i = 0;
let total = 0;
while i < n
    let t = (a + b) % 1000007;
    let a = b;
    let b = t;
    if i % 3 == 0
        let total = total + t * {k} - (i / 2);
    end
    let i = i + 1;
end
print total;
let x = {k};
let steps = 0;
while x != 1
    if x % 2 == 0
        let x = x / 2;
    end
    if x % 2 != 0
        if x != 1
            let x = 3 * x + 1;
        end
    end
    let steps = steps + 1;
end
print steps;
"""

def main(scale):
    programs = max(1, int(780 * scale))
    checksum = 0
    steps = 0
    ntokens = 0
    for p in range(programs):
        src = TEMPLATE.format(n=60 + p % 40, k=27 + p)
        tokens = tokenize(src)
        ntokens += len(tokens)
        tree = Parser(tokens).program()
        code = compile_block(tree, [])
        out = []
        steps += run(code, out)
        for v in out:
            checksum = (checksum * 31 + v) % 1000000007
    try:
        tokenize("let a = 1 $ 2;")
    except SyntaxError as e:
        print("error:", e)
    print("calc", programs, ntokens, steps, checksum)

main(float(sys.argv[1]) if len(sys.argv) > 1 else 1.0)
