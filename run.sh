#!/usr/bin/env bash
# Starts immudesk (sets up what running needs on first use). Arguments go to immudesk, e.g. ./run.sh demo
set -euo pipefail
ROOT="$(cd "$(dirname "$0")" && pwd)"
source "$ROOT/scripts/bootstrap.sh" encryption
exec "$ROOT/.venv/bin/immudesk" "$@"
