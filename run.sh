#!/usr/bin/env bash
# Starts immudesk (sets up everything it needs on first use). Arguments go to immudesk, e.g. ./run.sh demo
set -euo pipefail
ROOT="$(cd "$(dirname "$0")" && pwd)"
source "$ROOT/scripts/bootstrap.sh"
exec "$ROOT/.venv/bin/immudesk" "$@"
