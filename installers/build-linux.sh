#!/usr/bin/env bash
# Builds immudesk for Linux from a checkout: the one-folder bundle, a .tar.gz and a .deb.
#
#   installers/build-linux.sh [--dist DIR] [--work DIR] [--bundle-only]
#
# Gives, in DIR (default: dist/ at the top of the checkout):
#   immudesk/                                    the bundle (run immudesk/immudesk)
#   immudesk-VERSION-linux-ARCH.tar.gz           the bundle + .desktop file + icon + install-desktop-entry.sh
#   immudesk_VERSION_DEBARCH.deb                 installs to /opt/immudesk, /usr/bin/immudesk, menu entry, icon
#
# Works on a fresh Debian/Ubuntu machine: installs what is missing from Debian's packages (binutils, which
# PyInstaller needs, and the libraries Qt loads) and from PyPI (a build virtual environment beside the work
# folder, build/installer-venv by default, with immudesk's dependencies and PyInstaller). A checkout that already has the developer
# .venv with PyInstaller in it (./test.sh makes one) uses that instead. IMMUDESK_BUILD_PYTHON=/path/to/python
# chooses another interpreter that has PyInstaller. Needs no network beyond those package registries.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIST="$ROOT/dist"
WORK="$ROOT/build/pyinstaller"
BUNDLE_ONLY=0
while [ $# -gt 0 ]; do
  case "$1" in
    --dist) DIST="$2"; shift 2 ;;
    --work) WORK="$2"; shift 2 ;;
    --bundle-only) BUNDLE_ONLY=1; shift ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) echo "build-linux.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
mkdir -p "$DIST" "$WORK"
DIST="$(cd "$DIST" && pwd)"
WORK="$(cd "$WORK" && pwd)"
START=$(date +%s)

# --- The Python that builds: one that has PyInstaller and immudesk's dependencies. IMMUDESK_BUILD_PYTHON, else the
# developer .venv when it has PyInstaller, else a build venv made here from the system's python3.
if [ -n "${IMMUDESK_BUILD_PYTHON:-}" ]; then
  PY="$IMMUDESK_BUILD_PYTHON"
elif [ -x "$ROOT/.venv/bin/python" ] && "$ROOT/.venv/bin/python" -c "import PyInstaller, PySide6" 2>/dev/null; then
  PY="$ROOT/.venv/bin/python"
else
  PY=""  # made below, once python3-venv is there
fi

# --- System packages: binutils (objdump, strip: PyInstaller uses them) and the libraries Qt's plug-ins link to,
# so PyInstaller can find and bundle them (ARCHITECTURE.md lists them). Only what is missing is installed.
# shellcheck source=../scripts/apt-packages.sh
source "$ROOT/scripts/apt-packages.sh"
APT_PACKAGES=(binutils "${QT_LIBRARIES[@]}")
if [ -z "$PY" ] && ! command -v python3 >/dev/null 2>&1; then
  APT_PACKAGES+=(python3 python3-venv libpython3-dev)  # a bare system; libpython3-dev brings the shared library
elif [ -z "$PY" ]; then
  python3 -c "import ensurepip, venv" >/dev/null 2>&1 || APT_PACKAGES+=(python3-venv)
  # PyInstaller bundles Python's shared library; Debian's own python3 keeps it in a package of its own.
  read -r PYVER SONAME LIBDIR < <(python3 -c 'import sysconfig as s; print(s.get_config_var("VERSION"),
    s.get_config_var("INSTSONAME") or "-", s.get_config_var("LIBDIR") or "-")')
  if [ ! -e "$LIBDIR/$SONAME" ] && ! { command -v ldconfig >/dev/null && ldconfig -p | grep -qF "$SONAME"; }; then
    APT_PACKAGES+=("libpython$PYVER")
  fi
fi
install_missing_apt_packages "${APT_PACKAGES[@]}"

if [ -z "$PY" ]; then
  VENV="$(dirname "$WORK")/installer-venv"   # beside the work folder: --work elsewhere leaves the checkout alone
  if [ ! -x "$VENV/bin/python" ]; then
    echo "== Creating the build environment in $VENV"
    python3 -m venv "$VENV"
  fi
  STAMP="$VENV/.immudesk-installed"
  LISTS=("$ROOT/requirements/run.txt" "$ROOT/requirements/encryption.txt" "$ROOT/requirements/installer.txt")
  if [ ! -f "$STAMP" ] || [ -n "$(find "${LISTS[@]}" -newer "$STAMP")" ]; then
    # What running needs and PyInstaller, from the same lists as ./run.sh; the spec bundles the checkout's code.
    echo "== Installing immudesk's dependencies and PyInstaller into $VENV"
    "$VENV/bin/python" -m pip install -q --upgrade pip
    "$VENV/bin/python" -m pip install -q -r "${LISTS[0]}" -r "${LISTS[1]}" -r "${LISTS[2]}"
    touch "$STAMP"
  fi
  PY="$VENV/bin/python"
fi
VERSION="$(cd "$ROOT" && "$PY" -c 'import immudesk; print(immudesk.__version__)')"
echo "== Building immudesk $VERSION with $("$PY" -m PyInstaller --version 2>/dev/null | sed 's/^/PyInstaller /') ($PY)"

# --- The bundle.
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$DIST" --workpath "$WORK" "$ROOT/installers/immudesk.spec"
BUNDLE="$DIST/immudesk"
# A bundle that cannot start must not be packaged.
"$BUNDLE/immudesk" --smoke-test
echo "== Bundle: $BUNDLE ($(du -sh "$BUNDLE" | cut -f1))"
if [ "$BUNDLE_ONLY" -eq 1 ]; then
  echo "== Done in $(( $(date +%s) - START )) s (bundle only)"
  exit 0
fi

# --- .tar.gz: the bundle folder with the menu entry and icon beside the program.
ARCH="$(uname -m)"
cp "$ROOT/installers/linux/immudesk.desktop" "$ROOT/installers/linux/install-desktop-entry.sh" "$BUNDLE/"
cp "$ROOT/resources/icons/immudesk.png" "$BUNDLE/immudesk.png"
chmod 755 "$BUNDLE/install-desktop-entry.sh"
TARBALL="$DIST/immudesk-$VERSION-linux-$ARCH.tar.gz"
tar -C "$DIST" -czf "$TARBALL" immudesk
echo "== $TARBALL ($(du -h "$TARBALL" | cut -f1))"

# --- .deb: /opt/immudesk, /usr/bin/immudesk, the menu entry and the icon.
DEBARCH="$(dpkg --print-architecture 2>/dev/null || echo amd64)"
STAGE="$WORK/deb"
rm -rf "$STAGE"
mkdir -p "$STAGE/DEBIAN" "$STAGE/opt" "$STAGE/usr/bin" "$STAGE/usr/share/applications" \
         "$STAGE/usr/share/icons/hicolor/256x256/apps" "$STAGE/usr/share/doc/immudesk"
cp -a "$BUNDLE" "$STAGE/opt/immudesk"
rm -f "$STAGE/opt/immudesk/immudesk.desktop" "$STAGE/opt/immudesk/install-desktop-entry.sh" "$STAGE/opt/immudesk/immudesk.png"
ln -s /opt/immudesk/immudesk "$STAGE/usr/bin/immudesk"
cp "$ROOT/installers/linux/immudesk.desktop" "$STAGE/usr/share/applications/immudesk.desktop"
cp "$ROOT/resources/icons/immudesk.png" "$STAGE/usr/share/icons/hicolor/256x256/apps/immudesk.png"
cat > "$STAGE/usr/share/doc/immudesk/copyright" <<EOF
immudesk $VERSION: immunization records for family child care homes.
The bundled Qt libraries are LGPLv3 (The Qt Company), PySide6 is LGPLv3, Python is PSF-licensed;
the DejaVu fonts' licence is in /opt/immudesk/_internal/resources/fonts/.
EOF
# The oldest C library the bundle runs with: the newest GLIBC symbol version any bundled file asks for.
GLIBC_MIN="$(find "$BUNDLE" -type f \( -name '*.so*' -o -name immudesk \) -exec objdump -T {} + 2>/dev/null \
             | grep -o 'GLIBC_[0-9.]*' | sed 's/GLIBC_//' | sort -uV | tail -1)"
# The system libraries the bundle loads rather than carries (see LINUX_SYSTEM_LIBRARIES in immudesk.spec, and
# ARCHITECTURE.md's list for Qt). Alternatives cover Ubuntu 24.04's renamed (t64) packages.
DEPENDS="libc6 (>= ${GLIBC_MIN:-2.31}), libegl1, libgl1, libfontconfig1, libfreetype6, libxcb1, libxkbcommon0"
DEPENDS="$DEPENDS, libdbus-1-3, libglib2.0-0t64 | libglib2.0-0, libcups2t64 | libcups2"
INSTALLED_KB="$(du -sk --exclude=DEBIAN "$STAGE" | cut -f1)"
cat > "$STAGE/DEBIAN/control" <<EOF
Package: immudesk
Version: $VERSION
Section: misc
Priority: optional
Architecture: $DEBARCH
Maintainer: immudesk maintainers <maintainers@immudesk.invalid>
Installed-Size: $INSTALLED_KB
Depends: $DEPENDS
Recommends: libwayland-client0, libwayland-cursor0, libwayland-egl1
Description: immunization records for family child care homes
 immudesk keeps each child's immunization record, tells who is up to date,
 in process, exempt or overdue under North Carolina or Minnesota rules, and
 prints the annual report, worksheets and parent letters. Works offline; the
 records stay on this computer, in the user's data folder (removing the
 package never deletes them).
EOF
chmod -R u+rwX,go+rX,go-w "$STAGE"
DEB="$DIST/immudesk_${VERSION}_${DEBARCH}.deb"
dpkg-deb --root-owner-group -Zgzip --build "$STAGE" "$DEB" >/dev/null
echo "== $DEB ($(du -h "$DEB" | cut -f1))"
echo "== Done in $(( $(date +%s) - START )) s"
