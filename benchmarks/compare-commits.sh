#!/usr/bin/env bash
# Two commits' runtime overhead side by side: builds each commit's benchmarks in a temporary
# worktree (no install), then runs RuntimeOverheadBenchmark of the two alternately, ROUNDS
# times, so that both see the same machine load. Prints each run's ShapeTorch/raw ratios and,
# per benchmark, the median over the rounds of each commit's ratio and NEW/BASE between them
# (1.00: no change; 1.03: the new commit adds 3% over raw libtorch).
#
#   bash benchmarks/compare-commits.sh BASE [NEW] [ROUNDS] [JMH options...]
#   bash benchmarks/compare-commits.sh 72a3166 HEAD 3 -bm sample -f 1 -wi 3 -i 5
#
# NEW defaults to HEAD, ROUNDS to 3, the JMH options to "-bm sample -f 1 -wi 3 -i 5" (medians,
# robust on a loaded machine). A benchmark the base commit does not have is reported for NEW only.
set -euo pipefail
cd "$(dirname "$0")/.."

base=${1:?usage: bash benchmarks/compare-commits.sh BASE [NEW] [ROUNDS] [JMH options...]}
new=${2:-HEAD}
rounds=${3:-3}
shift $(($# < 3 ? $# : 3))
jmh_opts=("$@")
[ ${#jmh_opts[@]} -gt 0 ] || jmh_opts=(-bm sample -f 1 -wi 3 -i 5)

work=$(mktemp -d)
cleanup() {
  for side in base new; do
    [ -d "$work/$side" ] && git worktree remove --force "$work/$side" >/dev/null 2>&1 || true
  done
  rm -rf "$work"
}
trap cleanup EXIT

export OMP_WAIT_POLICY=PASSIVE
export OPENBLAS_NUM_THREADS=1
jmh_flags=(-Dorg.bytedeco.javacpp.maxPhysicalBytes=0)
if java -XshowSettings:properties -version 2>&1 \
    | grep -q 'java.specification.version = \(2[1-9]\|[3-9][0-9]\)'; then
  jmh_flags+=(--enable-native-access=ALL-UNNAMED)
fi

for side in base new; do
  rev=$([ "$side" = base ] && echo "$base" || echo "$new")
  git worktree add --detach -q "$work/$side" "$rev"
  echo "compare-commits: building $side = $(git rev-parse --short "$rev")"
  (cd "$work/$side" && mvn -q -B ${COMPARE_MAVEN_ARGS:-} -pl benchmarks -am package -DskipTests)
done

# ratios FILE: "benchmark ratio" lines, ShapeTorch/raw per benchmark pair, from JMH's medians
# ("RuntimeOverheadBenchmark.add1Raw:p0.50  sample  1234.0  ns/op") or means (avgt).
ratios() {
  awk '
    $1 ~ /^RuntimeOverheadBenchmark\.[A-Za-z0-9]+:p0\.50$/ && $2 == "sample" {
      split($1, n, "."); sub(/:.*/, "", n[2]); score[n[2]] = $3 }
    $1 ~ /^RuntimeOverheadBenchmark\.[A-Za-z0-9]+$/ && $2 == "avgt" {
      split($1, n, "."); score[n[2]] = (NF >= 7 ? $4 : $(NF - 1)) }
    END {
      for (k in score) if (k ~ /ShapeTorch$/) {
        b = k; sub(/ShapeTorch$/, "", b)
        if ((b "Raw") in score) printf "%s %.4f\n", b, score[k] / score[b "Raw"]
      }
    }' "$1"
}

results=$work/results.txt
: > "$results"
for round in $(seq 1 "$rounds"); do
  for side in base new; do
    out=$work/$side-$round.txt
    (cd "$work/$side" && java "${jmh_flags[@]}" \
        -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" \
        org.openjdk.jmh.Main RuntimeOverheadBenchmark "${jmh_opts[@]}") > "$out" 2>&1
    ratios "$out" | while read -r bench ratio; do
      echo "round $round $side $bench ShapeTorch/raw = $ratio"
      echo "$side $bench $ratio" >> "$results"
    done
  done
done

echo
echo "median over $rounds rounds of ShapeTorch/raw, and NEW/BASE:"
for bench in $(awk '{print $2}' "$results" | sort -u); do
  median() {
    awk -v s="$1" -v b="$bench" '$1 == s && $2 == b {print $3}' "$results" | sort -g \
      | awk '{v[NR] = $1} END {if (NR) print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2)}'
  }
  mb=$(median base)
  mn=$(median new)
  if [ -n "$mb" ] && [ -n "$mn" ]; then
    awk -v b="$bench" -v x="$mb" -v y="$mn" \
      'BEGIN {printf "  %-10s base %.3f  new %.3f  new/base %.3f\n", b, x, y, y / x}'
  else
    echo "  $bench: new ${mn:-none}, base ${mb:-none} (not in both)"
  fi
done
