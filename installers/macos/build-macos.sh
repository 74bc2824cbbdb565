#!/usr/bin/env bash
# Builds immudesk for macOS: dist/immudesk.app and dist/immudesk-VERSION-macos-ARCH.dmg (drag to Applications).
#
#   installers/macos/build-macos.sh
#
# Needs Python 3.11 from python.org (or set IMMUDESK_PYTHON); everything else comes from PyPI, and hdiutil and
# codesign ship with macOS. Builds for the Mac it runs on (arm64 on Apple silicon, x86_64 on Intel). The app is
# signed ad hoc, not notarized: see installers/README.md for what a provider sees on first open.
# Run on macOS runners by .github/workflows/release.yml.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
PYTHON="${IMMUDESK_PYTHON:-python3.11}"
VENV="$ROOT/build/installer-venv"

[ -x "$VENV/bin/python" ] || "$PYTHON" -m venv "$VENV"
"$VENV/bin/python" -m pip install --upgrade pip
# What running needs and PyInstaller, from the same lists as ./run.sh; the spec bundles the checkout's own code.
"$VENV/bin/python" -m pip install -r requirements/run.txt -r requirements/encryption.txt -r requirements/installer.txt

# The .app (BUNDLE in installers/immudesk.spec: icon, bundle id, Info.plist keys, version).
"$VENV/bin/python" -m PyInstaller --noconfirm --clean --distpath dist --workpath build/pyinstaller \
  installers/immudesk.spec
# Apple silicon runs nothing unsigned: sign the whole app ad hoc ("-": no developer identity), then check it.
codesign --force --deep --sign - dist/immudesk.app
codesign --verify --deep --strict dist/immudesk.app
dist/immudesk.app/Contents/MacOS/immudesk --smoke-test

# The .dmg: the app and a link to /Applications, compressed.
VERSION="$("$VENV/bin/python" -c 'import immudesk; print(immudesk.__version__)')"
STAGE="build/dmg"
rm -rf "$STAGE" && mkdir -p "$STAGE"
cp -R dist/immudesk.app "$STAGE/"
ln -s /Applications "$STAGE/Applications"
DMG="dist/immudesk-$VERSION-macos-$(uname -m).dmg"
hdiutil create -volname "immudesk $VERSION" -srcfolder "$STAGE" -ov -format UDZO "$DMG"
hdiutil verify "$DMG"
echo "Built $DMG"
