#!/usr/bin/env bash
# The API baseline check (docs/releasing.md, "API baseline"): the public API of every published
# jar module, as listed by release-tools' ApiListing, against the committed baseline
# MODULE/api/MODULE.api. Any difference fails, with each change marked INCOMPATIBLE (binary
# and source), INCOMPATIBLE (source) or compatible, and what to do about it.
#
#   bash scripts/api-check.sh            build the published jars (no tests) and compare
#   bash scripts/api-check.sh --update   build them and write the baselines: the deliberate
#                                        step after an API change; commit the .api files
#   bash scripts/api-check.sh --jars DIR [--update]
#                                        use the jars under DIR (a staged repository, as
#                                        scripts/release-check.sh does) instead of building
#
# Extra Maven arguments (e.g. -o) can be given in API_CHECK_MAVEN_ARGS.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/jdk.sh
source scripts/published.sh

mode=check
jars_dir=
while [ $# -gt 0 ]; do
  case $1 in
    --update) mode=update ;;
    --jars) jars_dir=$2; shift ;;
    *) echo "usage: bash scripts/api-check.sh [--update] [--jars DIR]" >&2; exit 2 ;;
  esac
  shift
done

jdk17=$(find_jdk 17)
[ -n "$jdk17" ] || { echo "api-check: no JDK 17 found; install one or set JAVA_HOME" >&2; exit 1; }
export JAVA_HOME=$jdk17
# shellcheck disable=SC2086
mvn_args=(-B -ntp -q ${API_CHECK_MAVEN_ARGS:-})

modules=$(IFS=,; echo "${PUBLISHED_JARS[*]}")
if [ -z "$jars_dir" ]; then
  echo "api-check: building ${modules} (no tests)"
  mvn "${mvn_args[@]}" package -Dmaven.test.skip=true -pl "release-tools,$modules" -am
else
  mvn "${mvn_args[@]}" package -Dmaven.test.skip=true -pl release-tools
fi

status=0
for module in "${PUBLISHED_JARS[@]}"; do
  if [ -z "$jars_dir" ]; then
    jar=$(ls "$module"/target/"$module"-*.jar | grep -v -- '-sources.jar$\|-javadoc.jar$' | head -n 1)
  else
    jar=$(find "$jars_dir" -name "$module-*.jar" -not -name '*-sources.jar' -not -name '*-javadoc.jar' | head -n 1)
  fi
  [ -n "$jar" ] || { echo "api-check: no $module jar found" >&2; exit 1; }
  "$jdk17/bin/java" -cp release-tools/target/classes dev.shapetorch.release.ApiCheck \
    "$mode" "$module" "$jar" "$module/api/$module.api" || status=1
done
exit $status
