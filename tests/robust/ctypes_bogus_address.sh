#!/bin/sh
# ctypes_bogus_address.sh - _ctypes.PyObj_FromPtr on an address holding no
# live object raises ValueError (CPython dereferences it and may crash, so
# this cannot be a recorded script test): freed objects, interior and
# unaligned addresses, raw buffers, NULL, negative and huge addresses.
#
# Usage: tests/robust/ctypes_bogus_address.sh REFPY
set -u
refpy=${1:?usage: ctypes_bogus_address.sh REFPY}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/ctypes.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
cat >"$tmp/t.py" <<'PY'
import _ctypes

def check(addr):
    try:
        _ctypes.PyObj_FromPtr(addr)
    except ValueError as e:
        return str(e)
    return "object"

class C:
    pass

x = [1, 2, 3]
c = C()
s = "some text" * 3
print(check(id(x)), check(id(c)), check(id(s)), check(id(C)))
for a in [0, 8, 16, 1, -16, 2 ** 63, 2 ** 64 - 16, id(x) + 8, id(x) + 16,
          id(x) - 16, id(c) + 1, id(s) + 32, id(int) + 8, id(5) + 8]:
    print(check(a))
c2 = C()
a = id(c2)
del c2
print(check(a))
print(check(0x10))
PY
( cd "$tmp" && timeout 20 "$refpy" t.py ) </dev/null >"$tmp/out" 2>"$tmp/err"
st=$?
cat >"$tmp/want" <<'OUT'
object object object object
no live object at address 0x0
no live object at address 0x8
no live object at address 0x10
no live object at address 0x1
no live object at address 0xfffffffffffffff0
no live object at address 0x8000000000000000
no live object at address 0xfffffffffffffff0
ADDR
ADDR
ADDR
ADDR
ADDR
ADDR
ADDR
ADDR
no live object at address 0x10
OUT
# Keep the fixed addresses, mask the heap ones.
sed -E '/0x(0|8|10|1|fffffffffffffff0|8000000000000000)$/!s/^no live object at address 0x[0-9a-f]+$/ADDR/' "$tmp/out" >"$tmp/got"
if [ "$st" -ne 0 ] || ! cmp -s "$tmp/want" "$tmp/got"; then
    echo "ctypes_bogus_address: FAIL (status $st)" >&2
    diff "$tmp/want" "$tmp/got" >&2
    cat "$tmp/err" >&2
    exit 1
fi
echo "ctypes_bogus_address: ok"
