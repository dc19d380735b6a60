#!/usr/bin/env bash
# Make sure the Debian packages madoguchi needs are installed.
#
#   system-packages.sh run    what `make run` needs: building pyscard, the card reader daemon,
#                             the Japanese font, and the libraries Qt loads on a desktop
#   system-packages.sh test   (the default) all of that, and what the whole test suite needs
#
# Runs on every `make run` and `make test`, so the common case (everything present) must be
# fast: one dpkg-query call, one line of output, exit 0.
#
#   - missing packages and running as root: apt-get update + apt-get install them.
#   - missing packages and NOT root: print what is missing and the exact sudo
#     command, then exit 1. Never silently continue with a half-equipped machine.
#
# Python itself (and its headers) come from pyenv, so python3-dev is NOT listed.
set -euo pipefail

profile="${1:-test}"
case "$profile" in
    run|test) ;;
    *) echo "system-packages: unknown profile '$profile' (run or test)" >&2; exit 2 ;;
esac

RUN_PACKAGES=(
    # Card reader: PC/SC daemon, virtual smart-card reader driver, pcsc_scan,
    # and what pip needs to build pyscard (swig + C compiler + libc headers).
    pcscd
    vsmartcard-vpcd
    pcsc-tools
    libpcsclite1
    libpcsclite-dev
    swig
    gcc
    libc6-dev        # only a Recommends of gcc; without it <stdio.h> is missing
    # Printing: the Japanese font embedded in the certificates.
    fonts-ipaexfont
    fontconfig       # fc-cache/fc-list, so the new font is indexed
    # Run-time libraries of Qt 6 from the PySide6-Essentials wheel under
    # QT_QPA_PLATFORM=offscreen. Each one was checked by hiding its .so and
    # importing PySide6.QtWidgets/QtQml/QtQuick + creating a QApplication:
    # each is a hard load-time dependency (their own deps, e.g. libglx0, libxcb1,
    # libfreetype6, libbrotli1, libpng16-16, come in through apt).
    libgl1           # libQt6Gui, libQt6Widgets, offscreen plugin
    libegl1          # libQt6Gui
    libx11-6         # libQt6Gui, offscreen plugin (even offscreen links Xlib)
    libxkbcommon0    # libQt6Gui and most Qt modules
    libfontconfig1   # libQt6Gui
    libdbus-1-3      # libQt6DBus, which libQt6Gui links
    libglib2.0-0     # libQt6Core (glib event loop)
    libgssapi-krb5-2 # libQt6Network, pulled in by QtQml/QtQuick
    # The xcb platform plugin, which opens the terminal's window on an X11 (or XWayland)
    # desktop: the libraries libqxcb.so and libQt6XcbQpa link (objdump -p, NEEDED); the rest
    # of the libxcb family comes in through apt as their dependencies.
    libx11-xcb1
    libxcb-cursor0
    libxcb-icccm4
    libxcb-image0
    libxcb-keysyms1
    libxcb-randr0
    libxcb-render-util0
    libxcb-shape0
    libxcb-xkb1
    libxkbcommon-x11-0
)

TEST_PACKAGES=(
    # Registry tests against a real PostgreSQL server (tests/support/pgcluster.py
    # runs its own throwaway cluster from /usr/lib/postgresql/<ver>/bin).
    postgresql
    # the printing tests read the rendered PDFs back (pdftoppm, pdftotext, pdffonts)
    poppler-utils
    # the reverse-proxy test: real nginx in front of the registry's Unix socket
    nginx
    # the terminal's system-lock tests run a private D-Bus daemon standing in for logind
    dbus-daemon
    # the terminal's installers (make installer-check, tests/installer): makensis compiles
    # the Windows installer script, desktop-file-validate checks the Linux .desktop entry
    nsis
    desktop-file-utils
)

PACKAGES=("${RUN_PACKAGES[@]}")
if [ "$profile" = test ]; then
    PACKAGES+=("${TEST_PACKAGES[@]}")
fi

# One dpkg-query call for all packages; unknown packages print nothing on
# stdout (only an error on stderr, which we drop) and count as missing.
native_arch="$(dpkg --print-architecture)"
installed="$(dpkg-query -W -f='${Package} ${Architecture} ${db:Status-Status}\n' \
    "${PACKAGES[@]}" 2>/dev/null || true)"

missing=()
for pkg in "${PACKAGES[@]}"; do
    # Installed for the native architecture (or arch-independent).
    if ! grep -qE "^${pkg//./\\.} (${native_arch}|all) installed$" <<<"$installed"; then
        missing+=("$pkg")
    fi
done

if [ "${#missing[@]}" -eq 0 ]; then
    echo "system-packages: all ${#PACKAGES[@]} Debian packages $profile needs are installed"
    exit 0
fi

install_cmd=(apt-get install -y --no-install-recommends "${missing[@]}")

if [ "$(id -u)" -ne 0 ]; then
    {
        echo "system-packages: ERROR: ${#missing[@]} required Debian package(s) are missing:"
        printf '    %s\n' "${missing[@]}"
        echo "Install them (needs root), then run this again:"
        echo "    sudo apt-get update && sudo ${install_cmd[*]}"
    } >&2
    exit 1
fi

echo "system-packages: installing missing Debian packages: ${missing[*]}"
# Note on postgresql: on a machine whose init system lets services start during
# apt (no policy-rc.d), Debian creates and starts its own cluster 15/main on
# port 5432. That is harmless: the tests never use it; PgCluster runs its own
# cluster on a free loopback port with its own data and socket directories.
export DEBIAN_FRONTEND=noninteractive
apt-get update
"${install_cmd[@]}"

# Re-check, so a partially failed install cannot pass unnoticed.
installed="$(dpkg-query -W -f='${Package} ${Architecture} ${db:Status-Status}\n' \
    "${missing[@]}" 2>/dev/null || true)"
still_missing=()
for pkg in "${missing[@]}"; do
    if ! grep -qE "^${pkg//./\\.} (${native_arch}|all) installed$" <<<"$installed"; then
        still_missing+=("$pkg")
    fi
done
if [ "${#still_missing[@]}" -ne 0 ]; then
    echo "system-packages: ERROR: still missing after apt-get install: ${still_missing[*]}" >&2
    exit 1
fi
echo "system-packages: installed ${missing[*]}"
