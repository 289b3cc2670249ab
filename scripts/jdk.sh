# Finds installed JDKs by feature version; sourced by scripts/test.sh and .ci/run.

# The feature version (17, 25, ...) of the JDK at $1; prints nothing when $1 holds no javac.
jdk_feature() {
  local home=$1 v
  [ -n "$home" ] && [ -x "$home/bin/javac" ] || return 0
  v=$(sed -n 's/^JAVA_VERSION="\([0-9][0-9]*\).*/\1/p' "$home/release" 2>/dev/null || true)
  if [ -z "$v" ]; then
    v=$("$home/bin/javac" -version 2>&1 | sed -n 's/^javac \([0-9][0-9]*\).*/\1/p' || true)
  fi
  echo "$v"
}

# The home of a JDK whose feature version is $1: JAVA_HOME, the javac on PATH or one under
# /usr/lib/jvm, whichever is first of that version. Prints nothing when there is none.
find_jdk() {
  local want=$1 c javac_path
  local candidates=("${JAVA_HOME:-}")
  javac_path=$(command -v javac 2>/dev/null || true)
  if [ -n "$javac_path" ]; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$javac_path")")")")
  fi
  candidates+=(/usr/lib/jvm/*)
  for c in "${candidates[@]}"; do
    if [ -n "$c" ] && [ "$(jdk_feature "$c")" = "$want" ]; then
      echo "$c"
      return 0
    fi
  done
}

# Runs "$@" as one named step of a script: prints "== NAME" before it and, when it succeeds,
# "== NAME: N s" after it, so that a log shows where a run's time went. Fails as "$@" fails.
step() {
  local name=$1 start=$SECONDS
  shift
  echo "== $name"
  "$@"
  # on a line of its own: Maven ends its output with a colour reset but no newline
  printf '\n== %s: %d s\n' "$name" "$((SECONDS - start))"
}
