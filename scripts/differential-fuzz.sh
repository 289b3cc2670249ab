#!/usr/bin/env bash
# The checker against the runtime, at any size (issue 12): COUNT random programs of seed SEED,
# each compiled with the Shape Checker in-process and run; prints the verdicts, every class of
# disagreement with its count and smallest example, the known ones (KnownDisagreement) apart
# from new ones; exits 1 when a disagreement is new. The report so far is rewritten to
# target/differential-fuzz.txt after every batch. CI's DifferentialTest runs 2,000 programs of
# one seed without the known ones.
#   bash scripts/differential-fuzz.sh [seed=1] [count=100000] [programs-per-javac-run=500]
# FUZZ_MAVEN_ARGS is passed to the build (e.g. "-o -Dmaven.repo.local=/path" offline).
set -euo pipefail
cd "$(dirname "$0")/.."
seed="${1:-1}"; count="${2:-100000}"; batch="${3:-500}"
export OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}"
# The dependency plugin named with the version the parent pins: the BOM, in the reactor too,
# pins none (and the default is not what the build resolves).
plugin=org.apache.maven.plugins:maven-dependency-plugin:$(sed -n \
  's|.*<dependency.plugin.version>\(.*\)</dependency.plugin.version>.*|\1|p' pom.xml)
# shellcheck disable=SC2086
mvn -B -ntp -q ${FUZZ_MAVEN_ARGS:-} -pl processor-tests -am test-compile "$plugin:build-classpath" \
  -Dmaven.test.skip.exec=true -Dmdep.includeScope=test -Dmdep.outputFile=target/classpath.txt
cp="processor-tests/target/test-classes:$(cat processor-tests/target/classpath.txt)"
# The reactor's modules from their build directories, as the tests see them.
for m in shapes-annotations shapes-processor tensor-runtime backprop; do
  cp="$m/target/classes:$cp"
done
flags=()
while read -r flag; do
  [ -n "$flag" ] && flags+=("$flag")
done < .mvn/jvm.config
version=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/ *java.specification.version = //p')
[ "${version%%.*}" -ge 22 ] 2>/dev/null && flags+=(--enable-native-access=ALL-UNNAMED)
exec java "${flags[@]}" -Xss4m -cp "$cp" dev.shapetorch.differential.DifferentialFuzz \
  "$seed" "$count" "$batch"
