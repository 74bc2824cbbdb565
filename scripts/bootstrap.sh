#!/usr/bin/env bash
# Makes this checkout ready to run: the system libraries Qt needs (Debian/Ubuntu, when missing), a virtual
# environment in .venv, the packages of the requirement lists asked for, and the checkout on the environment's
# path with an `immudesk` program in .venv/bin. Sourced by ./run.sh and ./test.sh:
#
#   source scripts/bootstrap.sh LIST...     LIST: run (always), encryption, test, installer (requirements/LIST.txt)
#
# Nothing is built or installed from the checkout itself (no build/ or *.egg-info beside the code): immudesk
# runs from these files, and the translations are compiled beside their sources. Safe to run again: each list is
# installed once and again only when its file changes, a catalogue is compiled again only when its source
# changes, and when everything is in place this costs a few file tests, no program.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"

# The already-set-up path: one stamp per list, newer than the list and than this script.
_immudesk_ready=1
for _list in run "$@"; do
  _stamp="$VENV/.immudesk-$_list"
  if [ ! "$_stamp" -nt "$ROOT/requirements/$_list.txt" ] || [ ! "$_stamp" -nt "$ROOT/scripts/bootstrap.sh" ]; then
    _immudesk_ready=0
  fi
done
if [ "$_immudesk_ready" -eq 0 ]; then
  PYTHON="${PYTHON:-python3}"
  _lists=(run)
  for _list in "$@"; do
    [ -f "$ROOT/requirements/$_list.txt" ] || { echo "bootstrap.sh: no requirements/$_list.txt" >&2; exit 2; }
    [ "$_list" = run ] || _lists+=("$_list")
  done

  # shellcheck source=apt-packages.sh
  source "$ROOT/scripts/apt-packages.sh"
  # The libraries the Qt wheels load; the tests also use poppler's pdftotext and pdftoppm.
  APT_PACKAGES=("${QT_LIBRARIES[@]}")
  [[ " ${_lists[*]} " == *" test "* ]] && APT_PACKAGES+=(poppler-utils)
  "$PYTHON" -c "import ensurepip, venv" >/dev/null 2>&1 || APT_PACKAGES+=(python3-venv)
  install_missing_apt_packages "${APT_PACKAGES[@]}"

  if [ ! -x "$VENV/bin/python" ]; then
    echo "Creating the virtual environment in $VENV"
    "$PYTHON" -m venv "$VENV"
  fi
  _requirements=()
  for _list in "${_lists[@]}"; do
    [ "$VENV/.immudesk-$_list" -nt "$ROOT/requirements/$_list.txt" ] || _requirements+=(-r "$ROOT/requirements/$_list.txt")
  done
  if [ ${#_requirements[@]} -gt 0 ]; then
    echo "Installing into $VENV: ${_lists[*]}"
    "$VENV/bin/python" -m pip install -q --disable-pip-version-check "${_requirements[@]}"
  fi
  # An environment made by an older bootstrap had immudesk installed in editable mode; the path file below
  # replaces it.
  if [ -n "$(find "$VENV/lib" -maxdepth 3 -name '__editable__*immudesk*' -print -quit 2>/dev/null)" ]; then
    "$VENV/bin/python" -m pip uninstall -q -y immudesk
  fi
  # The checkout on the environment's path (any working folder, any program: the CLI, pytest, bench/), and the
  # program ./run.sh starts. Running from .venv/bin, not `python -m`, keeps the user's folder off sys.path.
  _site="$("$VENV/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
  printf '%s\n' "$ROOT" > "$_site/immudesk-checkout.pth"
  printf '#!%s\n%s\n' "$VENV/bin/python" \
    'import sys; from ui.launcher import main; sys.exit(main())' > "$VENV/bin/immudesk"
  chmod 755 "$VENV/bin/immudesk"
  for _list in "${_lists[@]}"; do touch "$VENV/.immudesk-$_list"; done
fi

# The compiled translations (.mo, .qm: not in git), when a source is missing its compiled file or is newer than
# it. When all are current this costs a few file tests, no program.
_stale=0
for _source in "$ROOT"/resources/locale/*/LC_MESSAGES/*.po "$ROOT"/resources/translations/*.ts; do
  [ -e "$_source" ] || continue        # a pattern that matched nothing
  case "$_source" in *.po) _compiled="${_source%.po}.mo" ;; *) _compiled="${_source%.ts}.qm" ;; esac
  [ "$_compiled" -nt "$_source" ] || _stale=1
done
if [ "$_stale" -eq 1 ]; then
  "$VENV/bin/python" "$ROOT/tools/build_catalogues.py" >/dev/null
fi
unset _immudesk_ready _list _lists _stamp _requirements _site _stale _source _compiled
