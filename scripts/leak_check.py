#!/usr/bin/env python3
"""leak_check.py - no script of the corpus leaks: after finalisation only
the interpreter's own (immortal) objects remain, exactly as after an empty
script.

Usage: scripts/leak_check.py REFPY [DIR...]   (default DIR: tests/py)

Runs every DIR/**/*.py with `refpy -X showrefcount` and
REFPY_SHOWREFCOUNT_DUMP=1, which lists every live allocator block after
finalisation ("TYPE REFCNT [text]" for objects, "raw SIZE" for buffers).
The objects must be exactly those of the empty-script baseline, with
their reference counts (strs by text only: interned names gain references
from lazily made static caches; the script's own file name aside).  Raw buffers
that runtime caches grow once and keep (the eval data stack, unicode
tables) may differ by at most RAW_SLACK blocks.  Exit status 1 on a leak.
"""
import collections
import os
import re
import subprocess
import sys
import tempfile

RAW_SLACK = 2
LINE = re.compile(r'^  ([A-Za-z_][\w.]*) (-?\d+) ?(.*)$')


def dump(refpy, path):
    env = {k: v for k, v in os.environ.items() if not k.startswith('PYTHON')}
    env.update(REFPY_SHOWREFCOUNT_DUMP='1', PYTHONHASHSEED='0', LC_ALL='C.UTF-8')
    r = subprocess.run([refpy, '-X', 'showrefcount', os.path.basename(path)],
                       cwd=os.path.dirname(path), env=env, stdin=subprocess.DEVNULL,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=120)
    objs, raw = collections.Counter(), 0
    name = os.path.basename(path)
    for line in r.stderr.decode('utf-8', 'replace').splitlines():
        m = LINE.match(line)
        if not m or line.startswith('  File '):
            continue
        if m.group(1) == 'raw':
            raw += 1
        elif m.group(1) == 'str':
            # Interned names gain references from lazily made static
            # caches: compare strs by text only.
            if m.group(3) != name:
                objs[f'str {m.group(3)}'] += 1
        else:
            objs[line] += 1
    return objs, raw


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    refpy = os.path.abspath(sys.argv[1])
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
    dirs = sys.argv[2:] or [os.path.join(root, 'tests', 'py')]
    with tempfile.TemporaryDirectory() as tmp:
        empty = os.path.join(tmp, 'empty.py')
        open(empty, 'w').close()
        base, base_raw = dump(refpy, empty)
    leaks = checked = 0
    for d in dirs:
        for dirpath, _, files in sorted(os.walk(d)):
            for f in sorted(files):
                if not f.endswith('.py'):
                    continue
                path = os.path.abspath(os.path.join(dirpath, f))
                try:
                    objs, raw = dump(refpy, path)
                except subprocess.TimeoutExpired:
                    print(f'{path}: timed out')
                    leaks += 1
                    continue
                checked += 1
                extra, missing = objs - base, base - objs
                if extra or missing or abs(raw - base_raw) > RAW_SLACK:
                    leaks += 1
                    print(f'{path}: {raw - base_raw:+d} raw blocks')
                    for line in sorted(extra)[:10]:
                        print('  extra  ', line.strip())
                    for line in sorted(missing)[:10]:
                        print('  missing', line.strip())
    total = sum(base.values()) + base_raw
    print(f'leak_check: {checked} scripts, {leaks} leaking; baseline '
          f'{sum(base.values())} objects + {base_raw} raw = {total} blocks')
    sys.exit(1 if leaks else 0)


if __name__ == '__main__':
    main()
