#!/usr/bin/env bash
# Writes scripts/javadoc/jdk-NN/element-list: the modules and packages a JDK's API documentation
# has, read from the JDK itself (java --describe-module: every java.* and jdk.* module's
# unqualified exports). The release profile's Javadoc links the JDK's types to the JDK's docs
# through it (an offline link: the build never fetches the docs' own element-list).
# Usage: bash scripts/javadoc/jdk-element-list.sh [JDK_HOME]   (default: a JDK 17)
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/jdk.sh
jdk=${1:-$(find_jdk 17)}
[ -x "$jdk/bin/java" ] || { echo "jdk-element-list: no JDK at '$jdk'; pass its home" >&2; exit 1; }
feature=$("$jdk/bin/java" -XshowSettings:properties -version 2>&1 \
  | sed -n 's/^ *java.specification.version = //p')
out=scripts/javadoc/jdk-$feature/element-list
mkdir -p "$(dirname "$out")"
for module in $("$jdk/bin/java" --list-modules | sed 's/@.*//' | grep -E '^(java|jdk)\.' \
    | grep -v '^jdk\.internal' | LC_ALL=C sort); do
  packages=$("$jdk/bin/java" --describe-module "$module" \
    | awk '$1 == "exports" && NF == 2 { print $2 }' | LC_ALL=C sort)
  [ -n "$packages" ] || continue
  echo "module:$module"
  echo "$packages"
done >"$out"
echo "jdk-element-list: wrote $out ($(grep -c '^module:' "$out") modules)"
