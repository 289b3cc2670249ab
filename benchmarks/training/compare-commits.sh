#!/usr/bin/env bash
# Two commits' Fashion-MNIST training side by side: builds each commit in a temporary worktree,
# then runs the sample trainer of the two alternately (base, new; then new, base: the order
# flips every round, so that a drift of the machine's load favours neither), ROUNDS times per
# model (MLP 784-256-10, LeNet-5), with the recipe of run.sh (batch 64, Adam 1e-3). Each run's
# figure is its fastest epoch; each round gives a paired ratio NEW/BASE, and the script prints
# their median per model (1.00: no change; 1.03: the new commit trains 3% slower).
#
#   bash benchmarks/training/compare-commits.sh BASE [NEW] [ROUNDS] [EPOCHS] [THREADS]
#   bash benchmarks/training/compare-commits.sh 72a3166 HEAD 5 3 2
#
# NEW defaults to HEAD, ROUNDS to 5, EPOCHS to 3, THREADS to all cores. COMPARE_MAVEN_ARGS is
# passed to every Maven call (e.g. "-o -Dmaven.repo.local=/path" to build offline).
set -euo pipefail
cd "$(dirname "$0")/../.."

base=${1:?usage: bash benchmarks/training/compare-commits.sh BASE [NEW] [ROUNDS] [EPOCHS] [THREADS]}
new=${2:-HEAD}
rounds=${3:-5}
epochs=${4:-3}
threads=${5:-$(nproc)}
export OMP_WAIT_POLICY=PASSIVE OPENBLAS_NUM_THREADS=1

work=$(mktemp -d)
cleanup() {
  for side in base new; do
    [ -d "$work/$side" ] && git worktree remove --force "$work/$side" >/dev/null 2>&1 || true
  done
  rm -rf "$work"
}
trap cleanup EXIT

# shellcheck disable=SC2206
mvn_args=(-q -B -Dstyle.color=never ${COMPARE_MAVEN_ARGS:-} -pl samples -am)
for side in base new; do
  rev=$([ "$side" = base ] && echo "$base" || echo "$new")
  git worktree add --detach -q "$work/$side" "$rev"
  echo "training compare: building $side = $(git rev-parse --short "$rev")"
  (cd "$work/$side" && mvn "${mvn_args[@]}" compile -DskipTests >/dev/null)
done

# fastest SIDE MODEL: the trainer's fastest epoch ("train 1.234 s") in seconds
fastest() {
  local side=$1 model=$2 jargs
  if [ "$model" = mlp ]; then jargs="--model mlp --hidden 256"; else jargs="--model lenet"; fi
  (cd "$work/$side" && mvn "${mvn_args[@]}" compile exec:exec -Dsample.args="$jargs \
      --epochs $epochs --batch-size 64 --lr 0.001 --schedule none --threads $threads") \
    | grep -oE 'train [0-9]+\.[0-9]+ s' | grep -oE '[0-9]+\.[0-9]+' | sort -g | head -1
}

results=$work/results.txt
: > "$results"
echo "training compare: $rounds rounds, $epochs epochs per run, $threads threads"
for round in $(seq 1 "$rounds"); do
  order=$([ $((round % 2)) = 1 ] && echo "base new" || echo "new base")
  for model in mlp lenet; do
    declare -A t=()
    for side in $order; do
      t[$side]=$(fastest "$side" "$model")
      [ -n "${t[$side]}" ] || { echo "training compare: $side $model printed no epoch" >&2; exit 1; }
    done
    ratio=$(awk -v a="${t[new]}" -v b="${t[base]}" 'BEGIN { printf "%.4f", a / b }')
    echo "round $round $model: base ${t[base]} s, new ${t[new]} s, new/base $ratio"
    echo "$model $ratio" >> "$results"
  done
done

echo
echo "median over $rounds rounds of the paired new/base (fastest epoch):"
for model in mlp lenet; do
  awk -v m="$model" '$1 == m {print $2}' "$results" | sort -g | awk -v m="$model" \
    '{v[NR] = $1} END {printf "  %-6s %.3f  (min %.3f, max %.3f)\n", m,
      NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2, v[1], v[NR]}'
done
