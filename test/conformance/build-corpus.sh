#!/usr/bin/env bash
# Rebuild the lint conformance corpus: download the Debian packages listed in corpus-packages.txt with
# `apt-get download` (the machine's own apt sources) and extract the system unit files they ship.
#   test/conformance/build-corpus.sh [CORPUS_DIR]      (default: test/conformance/.corpus, not committed)
# Result: CORPUS_DIR/units/PACKAGE/NAME for every regular unit file under /lib/systemd/system or
# /usr/lib/systemd/system (aliases, masks and drop-in directories left out).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
corpus=$(mkdir -p "${1:-$here/.corpus}" && cd "${1:-$here/.corpus}" && pwd)
mkdir -p "$corpus/debs"
rm -rf "$corpus/units" && mkdir -p "$corpus/units"

mapfile -t packages < <(grep -v '^#' "$here/corpus-packages.txt" | tr -s ' ' '\n' | grep .)
cd "$corpus/debs"
missing=()
for package in "${packages[@]}"; do compgen -G "${package}_*.deb" >/dev/null || missing+=("$package"); done
# One apt run for all (fast); if one name fails, each on its own so that the others still come.
if [ ${#missing[@]} -gt 0 ] && ! apt-get download -q "${missing[@]}" >/dev/null 2>&1; then
  for package in "${missing[@]}"; do
    compgen -G "${package}_*.deb" >/dev/null || apt-get download -q "$package" >/dev/null 2>&1 ||
      echo "build-corpus: $package: not downloadable here, left out" >&2
  done
fi

unit_pattern='.*\.\(service\|socket\|timer\|path\|mount\|automount\|swap\|target\|slice\|scope\)$'
tree=$(mktemp -d)
trap 'rm -rf "$tree"' EXIT
for deb in *.deb; do
  package=${deb%%_*}
  rm -rf "${tree:?}"/* && dpkg-deb -x "$deb" "$tree"
  for dir in "$tree/lib/systemd/system" "$tree/usr/lib/systemd/system"; do
    [ -d "$dir" ] || continue
    find "$dir" -maxdepth 1 -type f -size +0 -regex "$unit_pattern" -print0 |
      while IFS= read -r -d '' file; do
        mkdir -p "$corpus/units/$package" && cp "$file" "$corpus/units/$package/"
      done
  done
done
count=$(find "$corpus/units" -type f | wc -l)
echo "build-corpus: $count unit files from $(ls "$corpus/units" | wc -l) packages in $corpus/units"
