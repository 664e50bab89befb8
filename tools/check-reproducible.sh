#!/usr/bin/env bash
# Builds the committed tree twice, each time from a fresh copy in its own folder, and compares every
# jar (and, with --release, every sources/javadoc jar and SBOM) byte for byte. Exits 1 on any
# difference, naming the files; 0 when every artifact is identical.
#
#   tools/check-reproducible.sh            # main jars, no tests (a couple of minutes)
#   tools/check-reproducible.sh --release  # as the release profile builds them (-Prelease -Dgpg.skip)
#
# Extra arguments after the options are passed to Maven (e.g. -o to stay offline).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mode=(-Dinsignia.quick)
if [ "${1:-}" = "--release" ]; then
  mode=(-Prelease -Dgpg.skip)
  shift
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

build() {
  local name="$1" dir="$work/$1"
  shift
  mkdir -p "$dir"
  # The committed tree, nothing else: what a fresh clone holds.
  git -C "$root" archive --format=tar HEAD | tar -x -C "$dir"
  echo "== build $name in $dir"
  (cd "$dir" && mvn -B -q -Dstyle.color=never -DskipTests "${mode[@]}" "$@" package)
}

build a "$@"
build b "$@"

status=0
count=0
while IFS= read -r rel; do
  count=$((count + 1))
  if ! cmp -s "$work/a/$rel" "$work/b/$rel"; then
    echo "DIFFERS: $rel"
    status=1
  fi
done < <(cd "$work/a" && find . -maxdepth 3 -path '*/target/*' -type f \
  \( -name '*.jar' -o -name '*-cyclonedx.json' -o -name '*-cyclonedx.xml' \) | sort)
# An artifact built only once is a difference too.
missing=$(diff <(cd "$work/a" && find . -maxdepth 3 -path '*/target/*' -name '*.jar' | sort) \
               <(cd "$work/b" && find . -maxdepth 3 -path '*/target/*' -name '*.jar' | sort) || true)
if [ -n "$missing" ]; then
  echo "DIFFERENT ARTIFACT SETS:"; echo "$missing"; status=1
fi
if [ "$count" -eq 0 ]; then
  echo "no artifact was built"; exit 1
fi
if [ "$status" -eq 0 ]; then
  echo "reproducible: $count artifacts byte-identical across two clean builds"
fi
exit "$status"
