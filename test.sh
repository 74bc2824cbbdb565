#!/usr/bin/env bash
# Runs the test suite (sets up what running and testing need on first use). Arguments go to pytest:
#   ./test.sh                  everything, as CI runs it (the slow tests build the wheel and the installer)
#   ./test.sh -m "not slow"    the fast set, for every change (no installer tools needed)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")" && pwd)"
LISTS=(encryption test)
# PyInstaller only when the slow installer tests may run.
[[ " $* " == *"not slow"* ]] || LISTS+=(installer)
source "$ROOT/scripts/bootstrap.sh" "${LISTS[@]}"
cd "$ROOT"
exec "$ROOT/.venv/bin/python" -m pytest "$@"
