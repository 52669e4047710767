#!/usr/bin/env bash
# Builds with AddressSanitizer + UndefinedBehaviorSanitizer in build-asan/
# and runs the full ctest suite there; any sanitizer report fails a test.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/scripts/setup.sh"
export ASAN_OPTIONS=detect_leaks=0:abort_on_error=0:halt_on_error=1:allocator_may_return_null=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
cmake -S "$root" -B "$root/build-asan" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DREFPY_SANITIZE=ON \
  -DREFPY_LTO=OFF -DREFPY_WERROR=ON >/dev/null
cmake --build "$root/build-asan" -j"$(nproc)"
cd "$root/build-asan"
PY_TEST_TIMEOUT=120 ctest --output-on-failure -j"$(nproc)" --timeout 600
