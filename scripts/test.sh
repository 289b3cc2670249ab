#!/usr/bin/env bash
# The test command (README.md): the whole build and test suite on JDK 17, then the modules
# that touch the JVM's native and compiler internals again on JDK 25, then the consumer test
# (scripts/consumer-test.sh: a project set up from docs/checker.md, built against the artifacts
# `mvn install` publishes, in an empty local repository; it needs Maven Central).
set -euo pipefail
cd "$(dirname "$0")/.."

MVN=(mvn -B -ntp)

jdk17="${JDK17_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}"
jdk25="${JDK25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"

for jdk in "$jdk17" "$jdk25"; do
  if [ ! -x "$jdk/bin/javac" ]; then
    echo "test.sh: no JDK at $jdk (set JDK17_HOME / JDK25_HOME)" >&2
    exit 1
  fi
done

echo "== JDK 17: full build and every test"
JAVA_HOME="$jdk17" "${MVN[@]}" verify

echo "== JDK 25: shape algebra, runtime and checker tests"
JAVA_HOME="$jdk25" "${MVN[@]}" test -pl shapes-annotations,tensor-runtime,processor-tests -am

echo "== Consumer test: a project outside the reactor, set up from docs/checker.md's own blocks"
timeout 900 bash scripts/consumer-test.sh
