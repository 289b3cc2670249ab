#!/usr/bin/env bash
# Sets ShapeTorch's version everywhere it is written: shapetorch-bom's <version>, every
# module's <parent><version>, and the pages that tell a user which version to use
# (docs/checker.md, whose blocks the consumer test builds and which must name the build's
# version, docs/getting-started.md, README.md). Also sets
# project.build.outputTimestamp in the parent POM, the time every archive entry carries
# (reproducible builds): the given one, or now.
#
# Usage: bash scripts/set-version.sh NEW_VERSION [--timestamp 2026-12-06T00:00:00Z]
# The release procedure (docs/releasing.md) runs it twice: to the release version, then to
# the next -SNAPSHOT. scripts/release-check.sh runs it on its copies of the sources.
set -euo pipefail
cd "$(dirname "$0")/.."

fail() {
  echo "set-version: $*" >&2
  exit 1
}

[ $# = 1 ] || [ $# = 3 ] || fail "usage: bash scripts/set-version.sh NEW_VERSION [--timestamp ISO-8601-UTC]"
new=$1
if [ $# = 3 ]; then
  [ "$2" = --timestamp ] || fail "usage: bash scripts/set-version.sh NEW_VERSION [--timestamp ISO-8601-UTC]"
  timestamp=$3
else
  timestamp=$(date -u +%Y-%m-%dT%H:%M:%SZ)
fi
[[ "$new" =~ ^[0-9]+\.[0-9]+\.[0-9]+(-SNAPSHOT)?$ ]] \
  || fail "'$new' is not MAJOR.MINOR.PATCH or MAJOR.MINOR.PATCH-SNAPSHOT (docs/releasing.md, \"Versioning\")"
[[ "$timestamp" =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$ ]] \
  || fail "timestamp '$timestamp' is not like 2026-12-06T00:00:00Z"

# The current version: shapetorch-bom's own <version>, the first after its artifactId.
old=$(sed -n '/<artifactId>shapetorch-bom<\/artifactId>/{n;s/.*<version>\(.*\)<\/version>.*/\1/p;q;}' \
  shapetorch-bom/pom.xml)
[ -n "$old" ] || fail "cannot read the version from shapetorch-bom/pom.xml"

poms=$(find . -name pom.xml -not -path '*/target/*' -not -path './.git/*' | sort)
docs="README.md docs/checker.md docs/getting-started.md"
if [ "$old" != "$new" ]; then
  # Only <version>OLD</version> in POMs (every ShapeTorch version there is written so), and
  # the version as a word in the docs.
  for pom in $poms; do
    sed -i "s|<version>${old//./\\.}</version>|<version>$new</version>|g" "$pom"
  done
  for doc in $docs; do
    sed -i "s|\\b${old//./\\.}\\b|$new|g" "$doc"
  done
fi
sed -i "s|<project.build.outputTimestamp>[^<]*</project.build.outputTimestamp>|<project.build.outputTimestamp>$timestamp</project.build.outputTimestamp>|" pom.xml
grep -q "<project.build.outputTimestamp>$timestamp<" pom.xml \
  || fail "pom.xml has no <project.build.outputTimestamp> to set"

left=$(grep -l "<version>${old//./\\.}</version>" $poms || true)
[ "$old" = "$new" ] || [ -z "$left" ] || fail "still $old in: $left"
for pom in $poms; do
  grep -q "<version>$new</version>" "$pom" || fail "$pom does not name $new: is it a ShapeTorch module?"
done
echo "set-version: $old -> $new in $(echo "$poms" | wc -l) POMs and the docs; outputTimestamp $timestamp"
