#!/usr/bin/env bash
# The test command (README.md): the whole build and test suite on JDK 17, then the modules
# that touch the JVM's native and compiler internals again on JDK 25 (when one is installed),
# then the consumer test (scripts/consumer-test.sh: a project set up from docs/checker.md, built
# against the artifacts `mvn install` publishes, in an empty local repository; it needs Maven
# Central), then the release check (scripts/release-check.sh: the release build twice, signed
# with a throwaway gpg key, checked against Maven Central's rules, against each other byte for
# byte, and against the API baseline; it needs gpg).
#
# The JDKs are found by version (JAVA_HOME, the javac on PATH, /usr/lib/jvm/*); JDK17_HOME and
# JDK25_HOME name them explicitly. Without a JDK 25 the second leg is skipped with a note;
# REQUIRE_JDK25=1 (set by CI) makes that an error.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/jdk.sh

MVN=(mvn -B -ntp)

# $1: the feature version; $2: the override variable's name. Prints the JDK's home or nothing.
pick_jdk() {
  local want=$1 var=$2
  local override=${!var:-}
  if [ -n "$override" ]; then
    if [ ! -x "$override/bin/javac" ]; then
      echo "test.sh: $var=$override holds no bin/javac; point it at a JDK $want" >&2
      return 1
    fi
    echo "$override"
  else
    find_jdk "$want"
  fi
}

jdk17=$(pick_jdk 17 JDK17_HOME)
jdk25=$(pick_jdk 25 JDK25_HOME)
if [ -z "$jdk17" ]; then
  echo "test.sh: no JDK 17 found (JAVA_HOME, javac on PATH, /usr/lib/jvm); install one" \
    "(Debian: apt-get install openjdk-17-jdk-headless) or set JDK17_HOME" >&2
  exit 1
fi
if [ -z "$jdk25" ] && [ "${REQUIRE_JDK25:-0}" = 1 ]; then
  echo "test.sh: REQUIRE_JDK25=1 but no JDK 25 found (JAVA_HOME, javac on PATH," \
    "/usr/lib/jvm); install one (e.g. Temurin 25) or set JDK25_HOME" >&2
  exit 1
fi

step "JDK 17 ($jdk17): full build and every test" \
  env JAVA_HOME="$jdk17" "${MVN[@]}" verify

if [ -n "$jdk25" ]; then
  # FuzzTest sweeps every op again, with 2 random calls per op instead of 8: every op still meets
  # its hostile arguments on JDK 25, in a third of the time.
  step "JDK 25 ($jdk25): shape algebra, runtime and checker tests" \
    env JAVA_HOME="$jdk25" "${MVN[@]}" test -pl shapes-annotations,tensor-runtime,processor-tests \
    -am -Dfuzz.random=2
else
  echo "== JDK 25 leg skipped: no JDK 25 found; install one (e.g. Temurin 25) or set JDK25_HOME to run it"
fi

step "Consumer test: a project outside the reactor, set up from docs/checker.md's own blocks" \
  timeout 900 bash scripts/consumer-test.sh

step "Release check: the release build as Maven Central takes it, reproducible, API as recorded" \
  env JAVA_HOME="$jdk17" timeout 1800 bash scripts/release-check.sh
