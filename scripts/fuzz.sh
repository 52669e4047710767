#!/usr/bin/env bash
# fuzz.sh - builds the libFuzzer harness (tests/fuzz/fuzz_refpy.c) with
# clang, ASan and UBSan in build-fuzz/ and runs it for a fixed number of
# executions on a seed corpus made from the script tests (tests/py/**/*.py).
#
# Usage: scripts/fuzz.sh [EXECUTIONS] [extra libFuzzer flags...]
#   EXECUTIONS  default 20000 (libFuzzer -runs=N)
# Environment:
#   FUZZ_SANITIZERS  sanitizers of the build (default address,undefined;
#                    empty: the fast build in build-fuzz-fast/, which finds
#                    crashes and hangs only, at several times the speed)
#   REFPY_FUZZ_BUDGET_MS  run time allowed to each input (default 100)
# New interesting inputs go to build-fuzz/corpus/ (shared by both builds),
# crashes to build-fuzz/crashes/ (crash-*, timeout-*, oom-*).  Inputs run in
# build-fuzz/work/ (files they create land there).  Exit status nonzero if
# libFuzzer found a crash.  Replay one input: build-fuzz/fuzz_refpy FILE.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs=${1:-20000}
[ $# -gt 0 ] && shift
sanitizers=${FUZZ_SANITIZERS-address,undefined}
bdir="$root/build-fuzz"
fdir="$bdir"
[ -n "$sanitizers" ] || fdir="$root/build-fuzz-fast"

rt_ok() {
    command -v clang >/dev/null 2>&1 &&
        [ -f "$(clang -print-runtime-dir 2>/dev/null)/libclang_rt.fuzzer-x86_64.a" ]
}
if ! rt_ok; then
    if [ "$(id -u)" -eq 0 ]; then
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        # Debian 12 ships the libFuzzer runtime with clang-14's compiler-rt.
        apt-get install -y -qq clang libclang-rt-14-dev >/dev/null 2>&1 ||
            apt-get install -y -qq clang >/dev/null
    fi
    rt_ok || { echo "fuzz.sh: clang with the libFuzzer runtime is required" >&2; exit 2; }
fi

CC=clang cmake -S "$root" -B "$fdir" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DREFPY_FUZZ=ON -DREFPY_LTO=OFF -DREFPY_FUZZ_SANITIZERS="$sanitizers" >/dev/null
cmake --build "$fdir" --target fuzz_refpy -j"$(nproc)"

seeds="$bdir/seeds"
rm -rf "$seeds"
mkdir -p "$seeds" "$bdir/corpus" "$bdir/crashes"
i=0
while IFS= read -r f; do
    cp "$f" "$seeds/seed-$i.py"
    i=$((i + 1))
done < <(find "$root/tests/py" -name '*.py' -size -16k | LC_ALL=C sort)

mkdir -p "$bdir/work"
cd "$bdir/work"
exec "$fdir/fuzz_refpy" -runs="$runs" -max_len=4096 -timeout=20 -rss_limit_mb=3072 \
    -close_fd_mask=3 -print_final_stats=1 -artifact_prefix="$bdir/crashes/" \
    "$@" "$bdir/corpus" "$seeds"
