#!/usr/bin/env bash
# Fashion-MNIST training epochs, ShapeTorch against PyTorch, with the same recipe on both sides:
# MLP 784-256-10 and LeNet-5, batch 64, Adam 1e-3, normalised inputs, equal thread counts.
#
#   benchmarks/training/run.sh [EPOCHS] [THREADS]      (defaults: 2 epochs, all cores)
#   MEMORY_FORMAT=channels_last benchmarks/training/run.sh ...
#
# ShapeTorch runs its sample trainer as shipped (fused Adam, channels-last weights); PyTorch runs
# the plain recipe in row-major layout, or channels-last too with MEMORY_FORMAT=channels_last
# (PyTorch 1.13 has no fused Adam on the CPU).
#
# PyTorch is Debian's /usr/bin/python3 (torch 1.13), with JavaCPP's OpenBLAS loaded first (see
# openblas-for-python.sh: Debian's reference BLAS would make the comparison about BLAS builds).
# Both sides run with OMP_WAIT_POLICY=PASSIVE and OPENBLAS_NUM_THREADS=1 (see the design notes).
# The ratio compares the fastest epoch of each side (the first one includes warm-up; the fastest
# is the least disturbed by other work on a shared machine); > 1 means ShapeTorch is slower.
set -euo pipefail

EPOCHS=${1:-2}
THREADS=${2:-$(nproc)}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
export OMP_WAIT_POLICY=PASSIVE OPENBLAS_NUM_THREADS=1
source "$HERE/openblas-for-python.sh"

echo "Fashion-MNIST epochs: $EPOCHS per model, $THREADS threads, batch 64, Adam 1e-3; PyTorch layout: ${MEMORY_FORMAT:-contiguous}"
MVN=(mvn -o -q -B -Dstyle.color=never -pl samples -am)
"${MVN[@]}" -f "$ROOT/pom.xml" compile >/dev/null

# best_epoch FILE REGEX: the smallest training time among the epoch lines
best() { grep -oE "$2" "$1" | grep -oE '[0-9]+\.[0-9]+' | sort -g | head -1; }

declare -A JAVA PY
for model in mlp lenet; do
  if [[ $model == mlp ]]; then jargs="--model mlp --hidden 256"; else jargs="--model lenet"; fi
  jlog=$(mktemp); plog=$(mktemp)
  (cd "$ROOT" && "${MVN[@]}" compile exec:exec \
      -Dsample.args="$jargs --epochs $EPOCHS --batch-size 64 --lr 0.001 --schedule none --threads $THREADS") \
      | tee "$jlog" | sed "s/^/  shapetorch $model: /"
  LD_LIBRARY_PATH="$PY_LIBS${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" \
      "$PYTHON" "$HERE/pytorch_epoch.py" "$model" "$EPOCHS" "$THREADS" \
      | tee "$plog" | sed "s/^/  pytorch    $model: /"
  JAVA[$model]=$(best "$jlog" 'train [0-9]+\.[0-9]+ s')
  PY[$model]=$(best "$plog" 'train_s [0-9]+\.[0-9]+')
  rm -f "$jlog" "$plog"
done

echo
printf '%-8s %14s %14s %22s\n' model "shapetorch s" "pytorch s" "ratio (shapetorch/py)"
for model in mlp lenet; do
  ratio=$(awk -v a="${JAVA[$model]}" -v b="${PY[$model]}" 'BEGIN { printf "%.2f", a / b }')
  printf '%-8s %14s %14s %22s\n' "$model" "${JAVA[$model]}" "${PY[$model]}" "$ratio"
done
