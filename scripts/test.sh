#!/usr/bin/env bash
# Sets up, builds and runs the whole test suite (Check unit suites and the
# script tests) through ctest.  In CI (CI=true) warnings are errors.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/scripts/setup.sh"
extra=()
[ "${CI:-}" = "true" ] && extra+=(-DREFPY_WERROR=ON)
"$root/scripts/build.sh" "${extra[@]}" "$@"
cd "${REFPY_BUILD_DIR:-$root/build}"
ctest --output-on-failure -j"$(nproc)" --timeout 120
