#!/usr/bin/env bash
# `make installer-check`: everything the terminal's installers promise, on Linux, headless.
#
#   check.sh BUNDLE_DIR TARBALL VERSION
#
# 1. the built bundle's `madoguchi --self-check` (and the card demo starts);
# 2. the tarball holds the bundle, the .desktop entry and install.sh; install.sh installs it
#    into a scratch root (and self-checks the installed copy), installs again over it (an
#    upgrade) and uninstalls it;
# 3. desktop-file-validate on the .desktop entry;
# 4. makensis compiles the Windows installer against a stand-in payload, warnings as errors.
# Any failure stops it with a non-zero exit.
set -euo pipefail

bundle="$1"
tarball="$2"
version="$3"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
step() { echo; echo "== installer-check: $*"; }
fail() { echo "installer-check: FAILED: $*" >&2; exit 1; }

step "self-check of $bundle"
[ -x "$bundle/madoguchi" ] || fail "no $bundle/madoguchi (make bundle)"
MADOGUCHI_CONFIG_DIR="$scratch/config" MADOGUCHI_LOG_DIR="$scratch/log" QT_QPA_PLATFORM=offscreen \
    "$bundle/madoguchi" --self-check
"$bundle/madoguchi-card-demo" --help > /dev/null || fail "madoguchi-card-demo does not start"
echo "madoguchi-card-demo starts"

step "tarball $tarball"
[ -f "$tarball" ] || fail "no $tarball (make bundle-tarball)"
top="$(basename "$tarball" .tar.gz)"
listing="$(tar -tzf "$tarball")"
for member in madoguchi/madoguchi madoguchi/madoguchi-card-demo madoguchi.desktop madoguchi.svg install.sh; do
    grep -qx "$top/$member" <<<"$listing" || fail "$tarball lacks $top/$member"
done
for absent in registry tests bench; do
    if grep -q "^$top/madoguchi/_internal/$absent/" <<<"$listing"; then fail "$tarball carries $absent/"; fi
done
echo "$(wc -l <<<"$listing") entries, $(du -h "$tarball" | cut -f1)"
tar -xzf "$tarball" -C "$scratch"
root="$scratch/root"
dirs=(--prefix "$root/opt/madoguchi" --bin-dir "$root/usr/local/bin"
      --desktop-dir "$root/usr/share/applications" --icon-dir "$root/usr/share/icons")
"$scratch/$top/install.sh" "${dirs[@]}"
desktop-file-validate "$root/usr/share/applications/madoguchi.desktop"
grep -qx "Exec=$root/opt/madoguchi/madoguchi" "$root/usr/share/applications/madoguchi.desktop" \
    || fail "the installed .desktop entry does not start $root/opt/madoguchi/madoguchi"
"$root/usr/local/bin/madoguchi" unenroll --settings "$scratch/config/settings.json" > /dev/null \
    || fail "the installed madoguchi does not run its enrolment command"
"$scratch/$top/install.sh" "${dirs[@]}" --no-check   # an upgrade: over the installed one
[ -x "$root/opt/madoguchi/madoguchi" ] || fail "the upgrade lost the program"
"$scratch/$top/install.sh" "${dirs[@]}" --uninstall
[ ! -e "$root/opt/madoguchi" ] && [ ! -e "$root/usr/local/bin/madoguchi" ] \
    && [ ! -e "$root/usr/share/applications/madoguchi.desktop" ] || fail "uninstall left files"

step "desktop-file-validate"
desktop-file-validate "$here/linux/madoguchi.desktop"
echo "$here/linux/madoguchi.desktop is valid"

step "makensis against a stand-in payload"
payload="$scratch/payload"
mkdir -p "$payload/_internal"
for exe in madoguchi.exe madoguchi-console.exe madoguchi-card-demo.exe; do
    printf 'stand-in for %s\n' "$exe" > "$payload/$exe"
done
echo "stand-in" > "$payload/_internal/stand-in.txt"
makensis -V2 -WX -DPAYLOAD="$payload" -DVERSION="$version" \
    -DOUTFILE="$scratch/madoguchi-setup-$version.exe" "$here/windows/madoguchi.nsi"
[ -s "$scratch/madoguchi-setup-$version.exe" ] || fail "makensis wrote no installer"
echo "madoguchi-setup-$version.exe compiled ($(du -h "$scratch/madoguchi-setup-$version.exe" | cut -f1))"

echo
echo "installer-check: all passed"
