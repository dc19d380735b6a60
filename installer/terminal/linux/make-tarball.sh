#!/usr/bin/env bash
# The Linux tarball of the terminal: the one-folder bundle, the .desktop entry, the icon and
# install.sh, under one top directory.   make-tarball.sh BUNDLE_DIR OUT.tar.gz
set -euo pipefail
bundle="$1"
out="$2"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
[ -x "$bundle/madoguchi" ] || { echo "make-tarball.sh: no bundle in $bundle (make bundle)" >&2; exit 1; }
top="$(basename "$out" .tar.gz)"
stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage/$top"
cp -a "$bundle" "$stage/$top/madoguchi"
install -m 0644 "$here/madoguchi.desktop" "$stage/$top/madoguchi.desktop"
install -m 0644 "$here/../icons/madoguchi.svg" "$stage/$top/madoguchi.svg"
install -m 0755 "$here/install.sh" "$stage/$top/install.sh"
mkdir -p "$(dirname "$out")"
# Owner and times fixed: the same bundle gives the same archive listing on every build machine.
tar --sort=name --owner=0 --group=0 --numeric-owner -C "$stage" -czf "$out.tmp" "$top"
mv "$out.tmp" "$out"
echo "$out: $(du -h "$out" | cut -f1)"
