#!/bin/sh
# garbage_input.sh - feeds refpy random bytes and mutated copies of the
# script tests (deterministic seeds) and requires that no run dies by a
# signal or exceeds the time limit.  Any exit status below 128 is accepted.
#
# Usage: tests/robust/garbage_input.sh REFPY [RUNS]   (RUNS default 300)
set -u
refpy=${1:?usage: garbage_input.sh REFPY [RUNS]}
runs=${2:-300}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/garbage.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT

# gen.py writes input number I (a deterministic function of I) to PATH.
cat > "$tmp/gen.py" <<'PY'
import random, sys, glob, os
root, i, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
rnd = random.Random(i)
seeds = sorted(glob.glob(os.path.join(root, "tests/py/**/*.py"), recursive=True))
kind = i % 4
if kind == 0:
    data = bytes(rnd.randrange(256) for _ in range(rnd.randrange(1, 400)))
else:
    with open(seeds[rnd.randrange(len(seeds))], "rb") as f:
        data = bytearray(f.read())
    tokens = [b"(", b")", b"[", b"]", b"{", b"}", b":", b"\n", b"    ", b"\t",
              b"'", b'"', b'"""', b"\\", b"\x00", b"\xff", b"lambda", b"yield",
              b"def ", b"class ", b"*", b"**", b"=", b"@", b",", b"del ",
              b"async ", b"await ", b"f'{", b"}'", b"#", b"0x", b"1e999"]
    for _ in range(rnd.randrange(1, 8)):
        if not data:
            break
        pos = rnd.randrange(len(data))
        op = rnd.randrange(4) if kind != 3 else 3
        if op == 0:
            del data[pos:pos + rnd.randrange(1, 20)]
        elif op == 1:
            data[pos:pos] = rnd.choice(tokens)
        elif op == 2:
            data[pos] = rnd.randrange(256)
        else:
            n = rnd.randrange(1, 40)
            other = data[pos:pos + n]
            p2 = rnd.randrange(len(data))
            data[p2:p2] = other
    data = bytes(data)
with open(path, "wb") as f:
    f.write(data)
PY

fails=0
i=0
while [ "$i" -lt "$runs" ]; do
    python3 "$tmp/gen.py" "$root" "$i" "$tmp/in.py" || exit 2
    ( cd "$tmp" && timeout 10 "$refpy" in.py ) </dev/null >/dev/null 2>"$tmp/err"
    st=$?
    if [ "$st" -ge 124 ]; then
        fails=$((fails + 1))
        cp "$tmp/in.py" "$tmp/../garbage-fail-$i.py" 2>/dev/null
        echo "FAIL: input $i -> status $st (input kept as ${TMPDIR:-/tmp}/garbage-fail-$i.py)" >&2
        tail -n 3 "$tmp/err" >&2
    fi
    i=$((i + 1))
done
echo "garbage_input: $runs runs, $fails failures"
[ "$fails" -eq 0 ]
