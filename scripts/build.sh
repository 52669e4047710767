#!/usr/bin/env bash
# Configures and builds refpy into build/ (or $REFPY_BUILD_DIR).
# Extra arguments are passed to cmake's configure step.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bdir="${REFPY_BUILD_DIR:-$root/build}"
cmake -S "$root" -B "$bdir" "$@" >/dev/null
cmake --build "$bdir" -j"$(nproc)" >/dev/null || cmake --build "$bdir" -j1
