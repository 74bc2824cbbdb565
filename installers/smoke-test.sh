#!/usr/bin/env bash
# Smoke-tests a built immudesk the way a provider's first hour uses it, on any system with bash (Linux, macOS,
# Windows' Git Bash): the program starts Qt and finds its resources, loads the demo home into a practice
# database, judges it, writes the annual report as PDF, imports the example roster into a new database and
# exports it, and draws the window offscreen. Everything goes to a temporary folder; nothing needs a network.
#
#   installers/smoke-test.sh PROGRAM        e.g. dist/immudesk/immudesk, /usr/bin/immudesk,
#                                           dist/immudesk.app/Contents/MacOS/immudesk, immudesk-cli.exe
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PROGRAM="${1:?usage: installers/smoke-test.sh PROGRAM}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
# The program's own folders go to the temporary one too (platformdirs: XDG on Linux, HOME on macOS, LOCALAPPDATA
# on Windows), so a smoke test never touches the records of whoever runs it.
export HOME="$WORK/home" XDG_DATA_HOME="$WORK/xdg/data" XDG_STATE_HOME="$WORK/xdg/state"
export XDG_CACHE_HOME="$WORK/xdg/cache" XDG_CONFIG_HOME="$WORK/xdg/config" LOCALAPPDATA="$WORK/localappdata"
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}" IMMUDESK_TODAY=2026-11-21
unset IMMUDESK_DB
mkdir -p "$HOME" "$LOCALAPPDATA"

step() { echo "== $*"; }
fail() { echo "smoke test FAILED: $*" >&2; exit 1; }

step "start Qt, find the resources"
"$PROGRAM" --smoke-test | tee "$WORK/smoke.txt"
grep -q "smoke test passed" "$WORK/smoke.txt" || fail "--smoke-test did not pass"

step "demo home, statuses, report"
DEMO="$WORK/demo/immudesk.sqlite3"
"$PROGRAM" --db "$DEMO" demo
"$PROGRAM" --db "$DEMO" status --json > "$WORK/status.json"
grep -q '"status": "up_to_date"' "$WORK/status.json" || fail "status --json shows no child up to date"
"$PROGRAM" --db "$DEMO" report --format pdf --out "$WORK/report.pdf"
head -c 5 "$WORK/report.pdf" | grep -q '%PDF-' || fail "report.pdf is not a PDF"

step "import the example roster into a new database, export it"
ROSTER="$WORK/roster.sqlite3"
"$PROGRAM" --db "$ROSTER" import-roster "$ROOT/docs/roster-example.csv"
"$PROGRAM" --db "$ROSTER" export-roster "$WORK/exported.csv"
grep -q "Green" "$WORK/exported.csv" || fail "the exported roster lacks the imported children"

step "draw the window offscreen"
"$PROGRAM" --db "$DEMO" gui --screenshot "$WORK/window.png"
[ "$(wc -c < "$WORK/window.png")" -gt 5000 ] || fail "the window's screenshot is empty"
echo "smoke test of $PROGRAM passed"
