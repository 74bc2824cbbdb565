#!/usr/bin/env bash
# Makes this checkout ready to run: the system libraries Qt needs (Debian/Ubuntu, when missing), a virtual
# environment in .venv, and immudesk installed into it with its test tools. Safe to run again: it only
# does what is missing. Sourced by ./run.sh and ./test.sh.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
PYTHON="${PYTHON:-python3}"

# shellcheck source=apt-packages.sh
source "$ROOT/scripts/apt-packages.sh"
# The libraries the Qt wheels load, and the tools the tests use (pdftotext, pdftoppm).
APT_PACKAGES=("${QT_LIBRARIES[@]}" poppler-utils)
"$PYTHON" -c "import ensurepip, venv" >/dev/null 2>&1 || APT_PACKAGES+=(python3-venv)
install_missing_apt_packages "${APT_PACKAGES[@]}"

if [ ! -x "$VENV/bin/python" ]; then
  echo "Creating the virtual environment in $VENV"
  "$PYTHON" -m venv "$VENV"
fi
# Reinstall only when pyproject.toml changed since the last install.
STAMP="$VENV/.immudesk-installed"
if [ ! -f "$STAMP" ] || [ "$ROOT/pyproject.toml" -nt "$STAMP" ]; then
  echo "Installing immudesk and its dependencies into $VENV"
  "$VENV/bin/python" -m pip install -q --upgrade pip
  "$VENV/bin/python" -m pip install -q -e "$ROOT[test,encryption,installer]"
  touch "$STAMP"
fi
