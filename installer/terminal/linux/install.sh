#!/usr/bin/env bash
# Install (or remove) the madoguchi counter terminal from this unpacked tarball.
#
#   sudo ./install.sh [--prefix /opt/madoguchi] [--bin-dir /usr/local/bin]
#                     [--desktop-dir /usr/share/applications]
#                     [--icon-dir /usr/share/icons/hicolor/scalable/apps] [--no-check]
#   sudo ./install.sh --uninstall [the same directories]
#
# Installing over an earlier version replaces the program only: each user's settings
# (~/.config/madoguchi/settings.json) and enrolment stay. After installing, each account that
# works at the counter enrols once, with the bundle the registry's administrator exported:
#
#   madoguchi enroll /path/to/bundle --registry-url https://registry.example:8443 --remove-bundle-key
#
# (the key's passphrase goes into that account's keyring, or the encrypted file keyring where
# no keyring service runs). `--uninstall` leaves the users' enrolments alone: each account
# removes its own with `madoguchi unenroll` first.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PREFIX=/opt/madoguchi
BIN_DIR=/usr/local/bin
DESKTOP_DIR=/usr/share/applications
ICON_DIR=/usr/share/icons/hicolor/scalable/apps
CHECK=1
UNINSTALL=0

die() { echo "install.sh: $*" >&2; exit 1; }

while [ $# -gt 0 ]; do
    case "$1" in
        --prefix) PREFIX="$2"; shift 2 ;;
        --bin-dir) BIN_DIR="$2"; shift 2 ;;
        --desktop-dir) DESKTOP_DIR="$2"; shift 2 ;;
        --icon-dir) ICON_DIR="$2"; shift 2 ;;
        --no-check) CHECK=0; shift ;;
        --uninstall) UNINSTALL=1; shift ;;
        -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
        *) die "unknown option $1 (see --help)" ;;
    esac
done
case "$PREFIX" in /*) ;; *) die "--prefix must be an absolute path" ;; esac
[ "$PREFIX" != / ] || die "--prefix must not be /"

if [ "$UNINSTALL" -eq 1 ]; then
    rm -f "$BIN_DIR/madoguchi" "$BIN_DIR/madoguchi-card-demo" \
          "$DESKTOP_DIR/madoguchi.desktop" "$ICON_DIR/madoguchi.svg"
    # Only a directory that holds our program: never a prefix someone pointed elsewhere.
    if [ -x "$PREFIX/madoguchi" ] && [ -d "$PREFIX/_internal" ]; then
        rm -rf "$PREFIX"
    fi
    echo "madoguchi removed from $PREFIX"
    exit 0
fi

[ -x "$HERE/madoguchi/madoguchi" ] || die "no madoguchi/ bundle beside this script"
if [ -e "$PREFIX" ] && ! { [ -x "$PREFIX/madoguchi" ] && [ -d "$PREFIX/_internal" ]; }; then
    if [ -n "$(ls -A "$PREFIX" 2>/dev/null)" ]; then
        die "$PREFIX exists and is not a madoguchi installation"
    fi
fi

# The new version beside the old one, then swapped in: a failed copy leaves the old one.
staging="$PREFIX.new.$$"
rm -rf "$staging"
mkdir -p "$(dirname "$PREFIX")"
cp -a "$HERE/madoguchi" "$staging"
chmod -R u=rwX,go=rX "$staging"
if [ -e "$PREFIX" ]; then
    rm -rf "$PREFIX.old"
    mv "$PREFIX" "$PREFIX.old"
fi
mv "$staging" "$PREFIX"
rm -rf "$PREFIX.old"

mkdir -p "$BIN_DIR" "$DESKTOP_DIR" "$ICON_DIR"
ln -sfn "$PREFIX/madoguchi" "$BIN_DIR/madoguchi"
ln -sfn "$PREFIX/madoguchi-card-demo" "$BIN_DIR/madoguchi-card-demo"
sed -e "s|^TryExec=.*|TryExec=$PREFIX/madoguchi|" -e "s|^Exec=.*|Exec=$PREFIX/madoguchi|" \
    "$HERE/madoguchi.desktop" > "$DESKTOP_DIR/madoguchi.desktop"
chmod 0644 "$DESKTOP_DIR/madoguchi.desktop"
install -m 0644 "$HERE/madoguchi.svg" "$ICON_DIR/madoguchi.svg"
if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database -q "$DESKTOP_DIR" 2>/dev/null || true
fi

# Qt's X11 and Wayland plugins load these from the system; a desktop usually has them, a
# minimal install may not. Named here rather than found missing at the first start.
missing=()
for plugin in "$PREFIX"/_internal/PySide6/Qt/plugins/platforms/libqxcb.so \
              "$PREFIX"/_internal/PySide6/Qt/plugins/platforms/libqwayland.so; do
    [ -e "$plugin" ] || continue
    while read -r lib _; do missing+=("$lib"); done < <(
        LD_LIBRARY_PATH="$PREFIX/_internal:$PREFIX/_internal/PySide6/Qt/lib" ldd "$plugin" 2>/dev/null \
            | awk '/not found/ {print $1}')
done
if [ "${#missing[@]}" -gt 0 ]; then
    echo "install.sh: warning: the desktop needs these libraries for a window:" \
         "$(printf '%s\n' "${missing[@]}" | sort -u | tr '\n' ' ')" >&2
    echo "  on Debian/Ubuntu: apt-get install libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1" \
         "libxcb-image0 libxcb-render-util0 libxkbcommon-x11-0 libwayland-cursor0 libwayland-egl1" >&2
fi

echo "madoguchi installed in $PREFIX ($BIN_DIR/madoguchi, $DESKTOP_DIR/madoguchi.desktop)"
if [ "$CHECK" -eq 1 ]; then
    check_home="$(mktemp -d)"
    trap 'rm -rf "$check_home"' EXIT
    # Into a throwaway configuration: the check must not depend on, or touch, anyone's.
    MADOGUCHI_CONFIG_DIR="$check_home/config" MADOGUCHI_LOG_DIR="$check_home/log" \
        QT_QPA_PLATFORM=offscreen "$PREFIX/madoguchi" --self-check
fi
