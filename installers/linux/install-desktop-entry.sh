#!/bin/sh
# Adds immudesk to your applications menu (for the .tar.gz; the .deb does this by itself). Run it from the
# unpacked immudesk folder, or anywhere: it finds the folder it sits in. Nothing outside your home is touched.
set -eu
HERE="$(cd "$(dirname "$0")" && pwd)"
APPS="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
mkdir -p "$APPS"
sed -e "s|^Exec=.*|Exec=\"$HERE/immudesk\"|" -e "s|^TryExec=.*|TryExec=$HERE/immudesk|" \
    -e "s|^Icon=.*|Icon=$HERE/immudesk.png|" "$HERE/immudesk.desktop" > "$APPS/immudesk.desktop"
chmod 644 "$APPS/immudesk.desktop"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$APPS" || true
echo "immudesk is now in your applications menu ($APPS/immudesk.desktop)."
