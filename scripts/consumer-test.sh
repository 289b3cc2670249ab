#!/usr/bin/env bash
# The consumer test: does a project outside this repository, set up exactly as docs/checker.md
# says, compile and run against ShapeTorch's published artifacts?
#
# 1. Installs the reactor's BOM, tensor-runtime and what it needs (parent POM,
#    shapes-annotations, shapes-processor) into an EMPTY local repository: the consumer builds
#    below see only the POMs and jars `mvn install` publishes, plus what those POMs pull from
#    Maven Central. The docs' pom.xml imports the BOM, which gives every ShapeTorch artifact
#    its version (tensor-runtime and shapes-processor on the processor path name none).
# 2. Builds two projects made of the page's own blocks, each marked by a line
#    `<!-- consumer-test: NAME -->` right before its fence: Maven (`pom.xml`, `.mvn/jvm.config`,
#    the `maven-build` commands) and the plain command line (`javac`, then `java`). Nothing in
#    them is changed, except `M2=~/.m2/repository`, which the page tells the user to set to
#    their local repository. The docs' ShapeTorch version must be this build's.
# 3. In each: scripts/consumer/good must compile without a diagnostic and print what its
#    `// prints:` comments say; scripts/consumer/bad must fail with exactly the error its
#    `// :: error: (key) message` comment announces for the next line, and no other.
#
# Runs on JDK 17 (JDK17_HOME). Needs Maven Central for the fresh repository.
# CONSUMER_TEST_REPO=DIR reuses DIR as the local repository, replacing its dev/shapetorch
# (faster, but then it is not empty: for working on the docs, not for CI; never ~/.m2).
# CONSUMER_TEST_KEEP=1 keeps the work directory.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
doc=$root/docs/checker.md
sources=$root/scripts/consumer

jdk17="${JDK17_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}"
if [ ! -x "$jdk17/bin/javac" ]; then
  echo "consumer-test: no JDK at $jdk17 (set JDK17_HOME)" >&2
  exit 1
fi
export JAVA_HOME="$jdk17"
export PATH="$jdk17/bin:$PATH"

# Bounds, in seconds: the install (which downloads into an empty repository) and each build.
install_limit=${CONSUMER_INSTALL_TIMEOUT:-600}
build_limit=${CONSUMER_BUILD_TIMEOUT:-300}

fail() {
  echo "consumer-test: FAIL: $*" >&2
  exit 1
}

work=$(mktemp -d "${TMPDIR:-/tmp}/shapetorch-consumer.XXXXXX")
if [ "${CONSUMER_TEST_KEEP:-0}" = 1 ]; then
  echo "consumer-test: work directory $work (kept)"
else
  trap 'rm -rf "$work"' EXIT
fi

# The fenced block right after the line `<!-- consumer-test: NAME -->` of docs/checker.md.
block() {
  local marker="<!-- consumer-test: $1 -->" count
  count=$(grep -cxF -- "$marker" "$doc" || true)
  [ "$count" = 1 ] || fail "docs/checker.md has $count lines '$marker'; it needs exactly one"
  awk -v marker="$marker" '
    state == 0 && $0 == marker { state = 1; next }
    state == 1 { if ($0 ~ /^```[A-Za-z]*[ \t]*$/) { state = 2; next } exit }
    state == 2 { if ($0 ~ /^```[ \t]*$/) { state = 3; exit } print }
    END { exit state == 3 ? 0 : 1 }' "$doc" \
    || fail "docs/checker.md: '$marker' is not right before a complete fenced block"
}

plain() { sed 's/\x1b\[[0-9;]*[A-Za-z]//g' "$@"; }   # without the terminal colours Maven emits

# --- the docs' blocks, and this build's version in them ---------------------------------------
docs=$work/docs
mkdir -p "$docs"
for name in pom.xml .mvn/jvm.config maven-build javac java; do
  block "$name" >"$docs/${name//\//_}"
done
version=$(sed -n '/<artifactId>shapetorch-bom<\/artifactId>/{n;s/.*<version>\(.*\)<\/version>.*/\1/p;q;}' \
  shapetorch-bom/pom.xml)
[ -n "$version" ] || fail "cannot read the reactor's version from shapetorch-bom/pom.xml"
pom_versions=$(grep -c -- "<version>$version</version>" "$docs/pom.xml" || true)
[ "$pom_versions" = 1 ] || fail "docs/checker.md's pom.xml should name ShapeTorch $version once," \
  "in its import of shapetorch-bom (found it $pom_versions times): update the docs"
grep -q '<artifactId>shapetorch-bom</artifactId>' "$docs/pom.xml" \
  || fail "docs/checker.md's pom.xml no longer imports shapetorch-bom: the setup should name one version"
grep -qxF "V=$version" "$docs/javac" \
  || fail "docs/checker.md's javac block should set V=$version (this build's version): update the docs"
grep -qxF 'M2=~/.m2/repository' "$docs/javac" \
  || fail "docs/checker.md's javac block no longer has the line M2=~/.m2/repository this test sets"

# --- 1. install into an empty local repository -------------------------------------------------
if [ -n "${CONSUMER_TEST_REPO:-}" ]; then
  repo=$CONSUMER_TEST_REPO
  echo "consumer-test: local repository $repo (CONSUMER_TEST_REPO: reused, NOT empty)"
else
  repo=$work/repository
  echo "consumer-test: local repository $repo (empty)"
fi
rm -rf "$repo/dev/shapetorch"
echo "consumer-test: mvn install -pl shapetorch-bom,tensor-runtime -am (no tests) into it"
start=$SECONDS
# useIncrementalCompilation=false: recompile stale sources only. Otherwise the compiler plugin
# takes the freshly downloaded (same) dependency jars for changed ones and runs the checker over
# every module again, minutes on 2 cores after the test command has just compiled them.
timeout "$install_limit" mvn -B -ntp -q -Dmaven.repo.local="$repo" -pl shapetorch-bom,tensor-runtime -am \
  install -Dmaven.test.skip=true -Dmaven.compiler.useIncrementalCompilation=false 2>&1 | plain \
  || fail "installing the reactor into $repo failed or took over ${install_limit}s"
installed=$(cd "$repo/dev/shapetorch" && ls | tr '\n' ' ')
[ -f "$repo/dev/shapetorch/shapetorch-bom/$version/shapetorch-bom-$version.pom" ] \
  || fail "the install did not put shapetorch-bom $version into $repo"
echo "consumer-test: installed dev.shapetorch: $installed($((SECONDS - start)) s)"

# --- 2. the projects ----------------------------------------------------------------------------
maven_project() {   # DIR SOURCES
  mkdir -p "$1/.mvn" "$1/src/main/java"
  cp "$docs/pom.xml" "$1/pom.xml"
  cp "$docs/.mvn_jvm.config" "$1/.mvn/jvm.config"
  cp "$docs/maven-build" "$1/build.sh"
  cp -R "$2/." "$1/src/main/java/"
}

javac_project() {   # DIR SOURCES
  mkdir -p "$1/src"
  { sed "s|^M2=~/.m2/repository\$|M2='$repo'|" "$docs/javac"; cat "$docs/java"; } >"$1/build.sh"
  cp -R "$2/." "$1/src/"
}

# Runs DIR/build.sh as a user would paste it into a shell (stopping at the first failure), with
# Maven's local repository set to $repo from the environment.
build() {   # DIR
  local rc=0
  (cd "$1" && MAVEN_OPTS="${MAVEN_OPTS:-} -Dmaven.repo.local=$repo" \
    timeout "$build_limit" bash -e build.sh >stdout 2>stderr) || rc=$?
  [ "$rc" != 124 ] || fail "$1: the build took over ${build_limit}s"
  return "$rc"
}

# --- 3. the checks ------------------------------------------------------------------------------
expect_good() {   # NAME DIR
  local name=$1 dir=$2 start=$SECONDS
  build "$dir" || { plain "$dir/stdout" "$dir/stderr" >&2; fail "$name: the good program did not build and run"; }
  grep -h '// prints: ' -r "$sources/good" | sed 's|.*// prints: ||' >"$dir/expected"
  [ -s "$dir/expected" ] || fail "scripts/consumer/good has no // prints: line"
  if ! plain "$dir/stdout" | diff -u "$dir/expected" - >"$dir/diff"; then
    cat "$dir/diff" >&2
    plain "$dir/stderr" >&2
    fail "$name: the good program's output (and nothing else: no warning) differs from its // prints: lines"
  fi
  if plain "$dir/stderr" | grep -iE 'warning|error' >&2; then
    fail "$name: the good program did not compile and run clean"
  fi
  echo "consumer-test: $name: compiled clean, ran, printed ($((SECONDS - start)) s):"
  sed 's/^/    /' "$dir/expected"
}

expect_bad() {   # NAME DIR WHERE-PATTERN(line)
  local name=$1 dir=$2 start=$SECONDS file comment line key text found
  file=$(grep -rl '// :: error: (' "$sources/bad")
  [ "$(echo "$file" | wc -l)" = 1 ] || fail "scripts/consumer/bad needs exactly one // :: error: line"
  comment=$(grep -n '// :: error: (' "$file")
  line=$(( ${comment%%:*} + 1 ))
  key=$(echo "$comment" | sed 's/.*:: error: (\([^)]*\)).*/\1/')
  text=$(echo "$comment" | sed 's/.*:: error: ([^)]*) *//')
  if build "$dir"; then
    fail "$name: the program with a shape mistake compiled"
  fi
  plain "$dir/stdout" "$dir/stderr" >"$dir/output"
  where=$(printf "$3" "$(basename "$file")" "$line")
  found=$(grep -F -- "$where" "$dir/output" | grep -F -- "[$key] $text" | head -n 1 || true)
  if [ -z "$found" ]; then
    cat "$dir/output" >&2
    fail "$name: no error '$where ... [$key] $text'"
  fi
  if grep -E '\[shape\.[a-z.]+\]' "$dir/output" | grep -vF -- "[$key] $text" >&2; then
    fail "$name: errors other than the expected one (above)"
  fi
  echo "consumer-test: $name: failed as expected ($((SECONDS - start)) s):"
  echo "    $found"
}

maven_project "$work/maven-good" "$sources/good"
expect_good "Maven, good" "$work/maven-good"
maven_project "$work/maven-bad" "$sources/bad"
expect_bad "Maven, shape mistake" "$work/maven-bad" '%s:[%s,'
javac_project "$work/javac-good" "$sources/good"
expect_good "javac, good" "$work/javac-good"
javac_project "$work/javac-bad" "$sources/bad"
expect_bad "javac, shape mistake" "$work/javac-bad" '%s:%s: error:'
echo "consumer-test: OK: docs/checker.md's Maven and javac setups work as written ($SECONDS s)"
