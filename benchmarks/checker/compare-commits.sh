#!/usr/bin/env bash
# Two commits' checker compile time side by side: builds each commit in a temporary worktree
# (benchmarks/checker/run.sh 1 there: the build, the classpaths and the generated 1,000-line
# file), then compiles BASE's generated file RUNS times in turn with BASE's ShapeChecker, NEW's
# ShapeChecker and the Nullness Checker, so that all three see the same machine load. Prints
# every run and the medians, NEW/BASE and NEW's ShapeChecker/Nullness (goal: <= 1).
#
#   bash benchmarks/checker/compare-commits.sh BASE [NEW] [RUNS]
#   bash benchmarks/checker/compare-commits.sh 016ffc6 HEAD 5
#
# Running the three configurations one after the other, as run.sh does, lets a change in the
# machine's load move their ratio by more than a change of the checker does.
set -euo pipefail
cd "$(dirname "$0")/../.."
base=${1:?usage: bash benchmarks/checker/compare-commits.sh BASE [NEW] [RUNS]}
new=${2:-HEAD}
runs=${3:-5}
work=$(mktemp -d)
cleanup() {
  for side in base new; do
    [ -d "$work/$side" ] && git worktree remove --force "$work/$side" >/dev/null 2>&1 || true
  done
  rm -rf "$work"
}
trap cleanup EXIT
for side in base new; do
  rev=$base; [ "$side" = new ] && rev=$new
  git worktree add -q --detach "$work/$side" "$rev"
  echo "compare: building $side ($rev)"
  (cd "$work/$side" && bash benchmarks/checker/run.sh 1 >/dev/null)
done
bench=benchmarks/target/checker-bench
src="$work/base/$bench/TypedModels.java"
# One javac with PROCESSOR of the worktree SIDE; prints "wall cpu" in seconds.
compile() {   # SIDE PROCESSOR
  local dir="$work/$1" flags=()
  local cp="tensor-runtime/target/classes:shapes-annotations/target/classes:$(cat "$dir/$bench/runtime.cp")"
  local pp="shapes-processor/target/classes:shapes-annotations/target/classes:$(cat "$dir/$bench/processor.cp")"
  while read -r f; do flags+=("-J$f"); done < "$dir/.mvn/jvm.config"
  (cd "$dir" && rm -rf "$bench/out" && mkdir -p "$bench/out" \
    && /usr/bin/time -o "$bench/time.txt" -f "%e %U %S" javac "${flags[@]}" -d "$bench/out" \
      -cp "$cp" -processorpath "$pp" -processor "$2" "$src" > "$bench/javac.log" 2>&1 \
    || { cat "$bench/javac.log" >&2; exit 1; }
    tail -1 "$bench/time.txt" | awk '{printf "%s %.2f\n", $1, $2 + $3}')
}
out="$work/runs.txt"
for i in $(seq "$runs"); do
  echo "base-shape $(compile base dev.shapetorch.checker.ShapeChecker)" | tee -a "$out"
  echo "new-shape $(compile new dev.shapetorch.checker.ShapeChecker)" | tee -a "$out"
  echo "new-nullness $(compile new org.checkerframework.checker.nullness.NullnessChecker)" \
    | tee -a "$out"
done
awk '
  function median(list, n,   a, i, j, t) {
    n = split(list, a, " ")
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
    return a[int((n + 1) / 2)]
  }
  { wall[$1] = wall[$1] " " $2; cpu[$1] = cpu[$1] " " $3 }
  END {
    bw = median(wall["base-shape"]); bc = median(cpu["base-shape"])
    nw = median(wall["new-shape"]); nc = median(cpu["new-shape"])
    uw = median(wall["new-nullness"]); uc = median(cpu["new-nullness"])
    printf "medians (s)            wall    cpu\n"
    printf "base ShapeChecker    %6.2f %6.2f\n", bw, bc
    printf "new ShapeChecker     %6.2f %6.2f\n", nw, nc
    printf "new Nullness Checker %6.2f %6.2f\n", uw, uc
    printf "new/base: wall %.2f, cpu %.2f; new ShapeChecker/Nullness: wall %.2f, cpu %.2f (goal: <= 1)\n",
      nw / bw, nc / bc, nw / uw, nc / uc
  }' "$out"
