#!/usr/bin/env bash
# Two commits' Fashion-MNIST training side by side: builds each commit in a temporary worktree,
# then runs the sample trainer of the two alternately (base, new; then new, base: the order
# flips every round, so that a drift of the machine's load favours neither), ROUNDS times per
# model (MLP 784-256-10, LeNet-5), with the recipe of run.sh (batch 64, Adam 1e-3). Each run
# gives two figures: its fastest epoch (wall time) and the process's CPU time (user + system,
# JVM start and data loading included: the same work on both sides), which other tenants of a
# shared machine disturb far less than the wall time. Each round gives paired ratios NEW/BASE,
# and the script prints their median per model (1.00: no change; 1.03: the new commit trains
# 3% slower). One thread (THREADS=1) makes the CPU time the steadiest.
#
#   bash benchmarks/training/compare-commits.sh BASE [NEW] [ROUNDS] [EPOCHS] [THREADS]
#   bash benchmarks/training/compare-commits.sh 72a3166 HEAD 5 2 1
#
# NEW defaults to HEAD, ROUNDS to 5, EPOCHS to 3, THREADS to all cores. COMPARE_MAVEN_ARGS is
# passed to every Maven call (e.g. "-o -Dmaven.repo.local=/path" to build offline);
# COMPARE_WORKDIR=DIR keeps the builds in DIR, and a later run with the same commits only runs
# (remove them with `git worktree remove DIR/base` and `DIR/new`).
set -euo pipefail
cd "$(dirname "$0")/../.."

base=${1:?usage: bash benchmarks/training/compare-commits.sh BASE [NEW] [ROUNDS] [EPOCHS] [THREADS]}
new=${2:-HEAD}
rounds=${3:-5}
epochs=${4:-3}
threads=${5:-$(nproc)}
export OMP_WAIT_POLICY=PASSIVE OPENBLAS_NUM_THREADS=1

# COMPARE_WORKDIR keeps the two builds there for the next run (which then only runs, a quiet
# moment being short on a shared machine); without it they go to a temporary folder.
if [ -n "${COMPARE_WORKDIR:-}" ]; then
  work=$COMPARE_WORKDIR
  mkdir -p "$work"
else
  work=$(mktemp -d)
  cleanup() {
    for side in base new; do
      [ -d "$work/$side" ] && git worktree remove --force "$work/$side" >/dev/null 2>&1 || true
    done
    rm -rf "$work"
  }
  trap cleanup EXIT
fi

# shellcheck disable=SC2206
mvn_args=(-q -B -Dstyle.color=never ${COMPARE_MAVEN_ARGS:-} -pl samples -am)
for side in base new; do
  rev=$([ "$side" = base ] && echo "$base" || echo "$new")
  if [ -s "$work/$side.cp" ] \
      && [ "$(git -C "$work/$side" rev-parse HEAD)" = "$(git rev-parse "$rev^{commit}")" ]; then
    echo "training compare: $side = $(git rev-parse --short "$rev"), built before in $work"
    continue
  fi
  [ -d "$work/$side" ] && git worktree remove --force "$work/$side"
  rm -f "$work/$side.cp"
  git worktree add --detach -q "$work/$side" "$rev"
  echo "training compare: building $side = $(git rev-parse --short "$rev")"
  # The trainer's class path, its modules as this commit's jars (samples is the reactor's last
  # module, so its class path is the one left in the file).
  # The plugin named with the version the parent pins: the BOM, also in the reactor, pins none.
  plugin=org.apache.maven.plugins:maven-dependency-plugin:$(sed -n \
      's|.*<dependency.plugin.version>\(.*\)</dependency.plugin.version>.*|\1|p' \
      "$work/$side/pom.xml")
  (cd "$work/$side" && mvn "${mvn_args[@]}" package "$plugin:build-classpath" -DskipTests \
      -Dmdep.outputFile="$work/$side.cp" >/dev/null)
done

if [ "$rounds" -eq 0 ]; then
  echo "training compare: built, 0 rounds asked"
  exit 0
fi

java_flags=()
if java -XshowSettings:properties -version 2>&1 \
    | grep -q 'java.specification.version = \(2[1-9]\|[3-9][0-9]\)'; then
  java_flags+=(--enable-native-access=ALL-UNNAMED)
fi

# run SIDE MODEL: "WALL CPU", the trainer's fastest epoch ("train 1.234 s") and the process's
# CPU seconds (user + system), which other work on a shared machine disturbs much less
run() {
  local side=$1 model=$2 log=$work/run.log jargs
  if [ "$model" = mlp ]; then jargs=(--model mlp --hidden 256); else jargs=(--model lenet); fi
  (cd "$work/$side" && /usr/bin/time -f 'cpu %U %S' -o "$work/time.txt" java "${java_flags[@]}" \
      -cp "samples/target/classes:$(cat "$work/$side.cp")" dev.shapetorch.samples.FashionMnistTrainer \
      "${jargs[@]}" --epochs "$epochs" --batch-size 64 --lr 0.001 --schedule none \
      --threads "$threads") > "$log" 2>&1 || { cat "$log" >&2; return 1; }
  local wall cpu
  wall=$(grep -oE 'train [0-9]+\.[0-9]+ s' "$log" | grep -oE '[0-9]+\.[0-9]+' | sort -g | head -1)
  cpu=$(awk '$1 == "cpu" {printf "%.2f", $2 + $3}' "$work/time.txt")
  [ -n "$wall" ] && [ -n "$cpu" ] || { echo "training compare: $side $model: no epoch" >&2; return 1; }
  echo "$wall $cpu"
}

results=$work/results.txt
: > "$results"
echo "training compare: $rounds rounds, $epochs epochs per run, $threads threads"
for round in $(seq 1 "$rounds"); do
  order=$([ $((round % 2)) = 1 ] && echo "base new" || echo "new base")
  for model in mlp lenet; do
    declare -A wall=() cpu=()
    for side in $order; do
      figures=$(run "$side" "$model")
      read -r "wall[$side]" "cpu[$side]" <<< "$figures"
    done
    line=$(awk -v wb="${wall[base]}" -v wn="${wall[new]}" -v cb="${cpu[base]}" \
      -v cn="${cpu[new]}" 'BEGIN { printf "%.4f %.4f", wn / wb, cn / cb }')
    echo "round $round $model: fastest epoch base ${wall[base]} s, new ${wall[new]} s;" \
      "process cpu base ${cpu[base]} s, new ${cpu[new]} s; new/base ${line% *} (epoch)," \
      "${line#* } (cpu)"
    echo "$model $line" >> "$results"
  done
done

echo
echo "median over $rounds rounds of the paired new/base (min and max in brackets):"
for model in mlp lenet; do
  for col in 2 3; do
    awk -v m="$model" -v c="$col" '$1 == m {print $c}' "$results" | sort -g | awk -v m="$model" \
      -v what="$([ "$col" = 2 ] && echo "fastest epoch" || echo "process cpu")" \
      '{v[NR] = $1} END {printf "  %-6s %-14s %.3f  [%.3f, %.3f]\n", m, what,
        NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2, v[1], v[NR]}'
  done
done
