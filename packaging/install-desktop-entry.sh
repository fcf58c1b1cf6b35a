#!/bin/sh
# Put Hearth in the application menu (and make it open on double-click) for this user.
# Run it from the unpacked folder: ./install-desktop-entry.sh   (--remove takes it out again)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
apps="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
icons="${XDG_DATA_HOME:-$HOME/.local/share}/icons/hicolor/256x256/apps"
if [ "${1:-}" = "--remove" ]; then
    rm -f "$apps/hearth.desktop" "$icons/hearth.png"
    echo "Removed Hearth from the application menu."
    exit 0
fi
mkdir -p "$apps" "$icons"
cp "$here/hearth.png" "$icons/hearth.png"
# Exec gets the absolute path of this copy; quotes keep a folder name with spaces whole.
sed -e "s|^Exec=.*|Exec=\"$here/hearth\"|" "$here/hearth.desktop" > "$apps/hearth.desktop"
chmod 0755 "$apps/hearth.desktop"
command -v update-desktop-database >/dev/null && update-desktop-database -q "$apps" || true
echo "Hearth is in the application menu ($apps/hearth.desktop)."
