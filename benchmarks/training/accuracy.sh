#!/usr/bin/env bash
# Test accuracy per epoch, ShapeTorch against PyTorch, with PyTorch's Fashion-MNIST recipes:
# LeNet-5 for 8 epochs and an MLP 784-256-128-10 for 2 (batch 64, Adam 1e-3, normalised inputs,
# no augmentation). Prints both accuracies and their difference at every epoch, and exits 1 if
# any epoch differs by more than one percentage point.
#
#   benchmarks/training/accuracy.sh [LENET_EPOCHS] [MLP_EPOCHS] [THREADS]   (defaults: 8 2 all cores)
#
# PyTorch is Debian's /usr/bin/python3 (torch 1.13), with the OpenBLAS from ~/.javacpp/cache
# loaded first exactly as in run.sh (see there). The two sides start from different random
# weights (each library's own generator), so the figures agree statistically, not digit by digit.
set -euo pipefail

LENET_EPOCHS=${1:-8}
MLP_EPOCHS=${2:-2}
THREADS=${3:-$(nproc)}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
export OMP_WAIT_POLICY=PASSIVE OPENBLAS_NUM_THREADS=1
source "$HERE/openblas-for-python.sh"

MVN=(mvn -o -q -B -Dstyle.color=never -pl samples -am)
"${MVN[@]}" -f "$ROOT/pom.xml" compile >/dev/null

status=0
compare() { # NAME JAVA_ARGS PY_MODEL EPOCHS
  local name=$1 jargs=$2 pymodel=$3 epochs=$4 jlog plog
  jlog=$(mktemp); plog=$(mktemp)
  (cd "$ROOT" && "${MVN[@]}" compile exec:exec -Dsample.args="$jargs --epochs $epochs --batch-size 64 --lr 0.001 --schedule none --threads $THREADS") >"$jlog"
  LD_LIBRARY_PATH="$PY_LIBS${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" \
      "$PYTHON" "$HERE/pytorch_epoch.py" "$pymodel" "$epochs" "$THREADS" >"$plog"
  echo "$name: test accuracy per epoch (%)"
  printf '  %-6s %11s %9s %12s\n' epoch shapetorch pytorch difference
  paste <(grep -E '^epoch [0-9]+/' "$jlog" | grep -oE 'test accuracy [0-9.]+%' | grep -oE '[0-9.]+') \
        <(grep -oE 'test_acc [0-9.]+' "$plog" | awk '{printf "%.2f\n", 100 * $2}') |
    awk -v name="$name" '{ d = $1 - $2; printf "  %-6d %11.2f %9.2f %+12.2f%s\n", NR, $1, $2, d,
                           (d > 1 || d < -1) ? "   <- more than one point" : "";
                           if (d > 1 || d < -1) bad = 1 }
                         END { exit bad }' || status=1
  rm -f "$jlog" "$plog"
}

compare "LeNet-5" "--model lenet" lenet "$LENET_EPOCHS"
compare "MLP 784-256-128-10" "--model mlp --hidden 256,128" "mlp:256,128" "$MLP_EPOCHS"
if [[ $status == 0 ]]; then echo "within one point at every epoch"; else echo "NOT within one point at every epoch"; fi
exit $status
