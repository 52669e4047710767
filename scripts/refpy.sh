#!/usr/bin/env bash
# Sets up, builds and runs refpy: `scripts/refpy.sh` opens the REPL,
# `scripts/refpy.sh file.py args...` runs a script.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/scripts/setup.sh"
"$root/scripts/build.sh"
exec "$root/build/refpy" "$@"
