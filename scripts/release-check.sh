#!/usr/bin/env bash
# The release rehearsal (docs/releasing.md), everything short of the upload, run by the test
# command after the tests:
#
# 1. Copies the sources (git's tracked and untracked, unignored files) twice, and in each sets
#    the release version (this version without -SNAPSHOT, scripts/set-version.sh, keeping the
#    committed project.build.outputTimestamp).
# 2. Generates a throwaway gpg key in a temporary GNUPGHOME (never a real one; removed after).
# 3. Runs the release build in both copies at once, without tests (the test command ran them):
#    `mvn -Prelease deploy` of the published modules (scripts/published.sh) into a file
#    repository, A signed with the throwaway key, B unsigned; nothing is installed into the
#    local repository.
# 4. Checks A against Maven Central's rules (release-tools' StagingCheck): exactly the
#    published artifacts; POM, jar, sources jar and Javadoc jar for each; .md5/.sha1 that
#    match; .asc signatures that gpg verifies; complete POM metadata; Automatic-Module-Name in
#    every jar's manifest; no split package.
# 5. Reproducible builds: every jar and POM of A is byte-identical to B's (JarCompare).
# 6. The API baseline: A's jars against MODULE/api/MODULE.api (scripts/api-check.sh).
#
# `bash scripts/release-check.sh --staging DIR` runs only the checks 4 and 6 on a staging
# directory that the real release build wrote (docs/releasing.md, step 6), with the signing
# key of the caller's own gpg keyring.
#
# Needs JDK 17, Maven, gpg (Debian: gnupg) and git; Maven Central once, for the release
# plugins. RELEASE_CHECK_MAVEN_ARGS adds Maven arguments (e.g. -o, -Dmaven.repo.local=...);
# RELEASE_CHECK_KEEP=1 keeps the work directory; RELEASE_CHECK_SERIAL=1 builds A, then B.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
source scripts/jdk.sh
source scripts/published.sh

fail() {
  echo "release-check: FAIL: $*" >&2
  exit 1
}
say() {
  echo "release-check: $* ($((SECONDS - start)) s)"
}
start=$SECONDS

jdk17=$(find_jdk 17)
[ -n "$jdk17" ] || fail "no JDK 17 found (JAVA_HOME, javac on PATH, /usr/lib/jvm); install one"
export JAVA_HOME=$jdk17
export PATH="$jdk17/bin:$PATH"
command -v gpg >/dev/null || fail "no gpg; install it (Debian: apt-get install gnupg)"
command -v git >/dev/null && git rev-parse --is-inside-work-tree >/dev/null 2>&1 \
  || fail "$root is not a git work tree: the check copies the files git knows"

snapshot=$(sed -n '/<artifactId>shapetorch-bom<\/artifactId>/{n;s/.*<version>\(.*\)<\/version>.*/\1/p;q;}' \
  shapetorch-bom/pom.xml)
release=${snapshot%-SNAPSHOT}
timestamp=$(sed -n 's|.*<project.build.outputTimestamp>\(.*\)</project.build.outputTimestamp>.*|\1|p' pom.xml)
[ -n "$release" ] && [ -n "$timestamp" ] || fail "cannot read the version or outputTimestamp"

# The checks 4 and 6 on DIR: StagingCheck with gpg, and the API baseline against its jars.
check_staging() {   # DIR
  local status=0 artifacts=()
  mvn -B -ntp -q ${RELEASE_CHECK_MAVEN_ARGS:-} package -Dmaven.test.skip=true -pl release-tools
  for pom in "${PUBLISHED_POMS[@]}"; do artifacts+=("$pom:pom"); done
  for jar in "${PUBLISHED_JARS[@]}"; do artifacts+=("$jar:jar:${MODULE_NAMES[$jar]}"); done
  java -cp "$root/release-tools/target/classes" dev.shapetorch.release.StagingCheck --gpg "$1" \
    dev.shapetorch "$release" "${artifacts[@]}" || status=1
  API_CHECK_MAVEN_ARGS=${RELEASE_CHECK_MAVEN_ARGS:-} bash scripts/api-check.sh --jars "$1" \
    || status=1
  return $status
}

if [ "${1:-}" = --staging ]; then
  [ -d "${2:-}" ] || fail "usage: bash scripts/release-check.sh [--staging DIR]"
  [ "$release" = "$snapshot" ] || fail "the POMs say $snapshot; a real release build is of" \
    "a release version (scripts/set-version.sh $release first: docs/releasing.md)"
  check_staging "$2" || fail "see above"
  say "OK: $2 holds $release as Maven Central requires it"
  exit 0
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/shapetorch-release.XXXXXX")
export GNUPGHOME=$work/gnupg
cleanup() {
  gpgconf --kill gpg-agent >/dev/null 2>&1 || true
  if [ "${RELEASE_CHECK_KEEP:-0}" = 1 ]; then
    echo "release-check: work directory $work (kept)"
  else
    rm -rf "$work"
  fi
}
trap cleanup EXIT

# --- 1. two copies of the sources, at the release version -----------------------------------
for copy in a b; do
  mkdir -p "$work/$copy"
  git ls-files -z --cached --others --exclude-standard \
    | while IFS= read -r -d '' f; do [ -e "$f" ] && printf '%s\0' "$f"; done \
    | tar --null -T - -cf - | tar -xf - -C "$work/$copy"
  (cd "$work/$copy" && bash scripts/set-version.sh "$release" --timestamp "$timestamp" >/dev/null)
done
say "sources copied twice, version $release, outputTimestamp $timestamp"

# --- 2. a throwaway signing key -------------------------------------------------------------
mkdir -m 700 "$GNUPGHOME"
gpg --batch --quiet --passphrase '' --quick-gen-key \
  'ShapeTorch release-check (throwaway key) <release-check@invalid>' ed25519 sign 1d 2>/dev/null
key=$(gpg --batch --with-colons --list-secret-keys 2>/dev/null | awk -F: '$1 == "fpr" { print $10; exit }')
[ -n "$key" ] || fail "gpg made no key"
say "throwaway gpg key $key"

# --- 3. the release build, twice -------------------------------------------------------------
modules=$(IFS=,; echo "${PUBLISHED_JARS[*]}")
# shellcheck disable=SC2086
mvn_args=(-B -ntp ${RELEASE_CHECK_MAVEN_ARGS:-} -Prelease -Dmaven.test.skip=true
  -Dmaven.install.skip=true -pl "$modules" -am deploy)
build() {   # COPY SIGN(yes|no)
  # Each build deploys under its own repository id: the deploy plugin merges a module's
  # metadata in the local repository's maven-metadata-<id>.xml, and two builds under one id
  # delete each other's file (a race that failed CI's run of 2026-12-07).
  local copy=$1 sign=$2 extra=()
  if [ "$sign" = yes ]; then extra=(-Dgpg.keyname="$key"); else extra=(-Dgpg.skip=true); fi
  (cd "$work/$copy" && mvn "${mvn_args[@]}" "${extra[@]}" \
    -DaltDeploymentRepository="staging-$copy::file://$work/staging-$copy") >"$work/build-$copy.log" 2>&1
}
report_build() {   # COPY
  grep -E '^\[ERROR\]|BUILD|Reactor Summary' -A0 "$work/build-$1.log" | head -n 40 >&2
  fail "the release build $1 failed; its log: $work/build-$1.log (RELEASE_CHECK_KEEP=1 keeps it)"
}
if [ "${RELEASE_CHECK_SERIAL:-0}" = 1 ]; then
  build a yes || { RELEASE_CHECK_KEEP=1; report_build a; }
  build b no || { RELEASE_CHECK_KEEP=1; report_build b; }
else
  # The release plugins are resolved first, by one Maven alone, so that the two builds never
  # download the same file into one local repository at once.
  (cd "$work/a" && mvn -B -ntp -q ${RELEASE_CHECK_MAVEN_ARGS:-} -Prelease -pl "$modules" -am \
    dependency:resolve-plugins >"$work/resolve.log" 2>&1) \
    || { cat "$work/resolve.log" >&2; fail "resolving the release plugins failed"; }
  build a yes & pid_a=$!
  rc_b=0; build b no || rc_b=$?
  rc_a=0; wait "$pid_a" || rc_a=$?
  [ "$rc_a" = 0 ] || { RELEASE_CHECK_KEEP=1; report_build a; }
  [ "$rc_b" = 0 ] || { RELEASE_CHECK_KEEP=1; report_build b; }
fi
say "release builds A (signed) and B (unsigned) deployed to $work/staging-{a,b}"

# --- 4-6. the checks -------------------------------------------------------------------------
status=0
check_staging "$work/staging-a" || status=1
java -cp "$root/release-tools/target/classes" dev.shapetorch.release.JarCompare \
  "$work/staging-a" "$work/staging-b" || status=1
[ "$status" = 0 ] || fail "see above"
say "OK: $release is ready for Maven Central but for the upload"
