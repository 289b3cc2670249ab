#!/usr/bin/env bash
# Data-parallel training, ShapeTorch's DistributedDataParallel against PyTorch 1.13's (Gloo on
# 127.0.0.1 on both sides), side by side in one run:
#   1. one Fashion-MNIST epoch of LeNet-5 and of the MLP 784-256-10 (batch 64 in all, Adam 1e-3),
#      on 2 processes x 1 thread (data-parallel, 32 images per process per step) and on
#      1 process x 2 threads, ShapeTorch's sample trainer (--nproc) against pytorch_ddp.py;
#   2. the all-reduce (sum) of 1, 10 and 100 MB between 2 processes: median time and rate.
#
#   bash benchmarks/distributed/run.sh [REPEATS]     (all-reduce calls per size; default 10)
#
# Extra Maven arguments (e.g. -Dmaven.repo.local=DIR) can be given in BENCH_MAVEN_ARGS.
# The ratios are ShapeTorch/PyTorch: > 1 means ShapeTorch is slower. Goal: the DDP epoch within
# 1.1x of PyTorch's. PyTorch runs with JavaCPP's OpenBLAS (training/openblas-for-python.sh), and
# both sides with OMP_WAIT_POLICY=PASSIVE and OPENBLAS_NUM_THREADS=1. ShapeTorch's all-reduce is
# measured with its cross-rank shape check on (the default) and off.
set -euo pipefail

REPEATS=${1:-10}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
export OMP_WAIT_POLICY=PASSIVE OPENBLAS_NUM_THREADS=1
source "$HERE/../training/openblas-for-python.sh"
cd "$ROOT"

# shellcheck disable=SC2206
MVN=(mvn -o -q -B -Dstyle.color=never ${BENCH_MAVEN_ARGS:-})
"${MVN[@]}" -pl samples,benchmarks -am package -DskipTests >/dev/null
MVN_SAMPLE=("${MVN[@]}" -pl samples -am compile exec:exec)
cp="benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"
pyrun() { LD_LIBRARY_PATH="$PY_LIBS${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" "$PYTHON" "$HERE/pytorch_ddp.py" "$@"; }
train_s() { grep -oE "$1" | grep -oE '[0-9]+\.[0-9]+' | head -1; }

declare -A T
for model in lenet mlp; do
  if [[ $model == mlp ]]; then margs="--model mlp --hidden 256"; else margs="--model lenet"; fi
  common="$margs --epochs 1 --batch-size 64 --lr 0.001 --schedule none --no-logs"
  log=$("${MVN_SAMPLE[@]}" -Dsample.args="$common --nproc 2 --threads 1" | tee /dev/stderr)
  T[$model,st,2x1]=$(echo "$log" | train_s '\[rank 0\] epoch 1/1 .*\(train [0-9.]+ s')
  log=$("${MVN_SAMPLE[@]}" -Dsample.args="$common --threads 2" | tee /dev/stderr)
  T[$model,st,1x2]=$(echo "$log" | train_s 'epoch 1/1 .*\(train [0-9.]+ s')
  T[$model,py,2x1]=$(pyrun epoch "$model" 2 1 | tee /dev/stderr | train_s 'train_s [0-9.]+')
  T[$model,py,1x2]=$(pyrun epoch "$model" 1 2 | tee /dev/stderr | train_s 'train_s [0-9.]+')
done

declare -A A
for mb in 1 10 100; do
  A[$mb,st]=$(java -cp "$cp" dev.shapetorch.distributed.Launcher --nproc 2 \
      dev.shapetorch.bench.AllReduceBandwidth "$mb" "$REPEATS" check | grep -oE 'median_ms [0-9.]+' | grep -oE '[0-9.]+$')
  A[$mb,stn]=$(java -cp "$cp" dev.shapetorch.distributed.Launcher --nproc 2 \
      dev.shapetorch.bench.AllReduceBandwidth "$mb" "$REPEATS" nocheck | grep -oE 'median_ms [0-9.]+' | grep -oE '[0-9.]+$')
  A[$mb,py]=$(pyrun allreduce 2 "$mb" "$REPEATS" | grep -oE 'median_ms [0-9.]+' | grep -oE '[0-9.]+$')
done

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
echo
echo "One Fashion-MNIST epoch, training seconds (rank 0's), global batch 64:"
printf '%-6s %-12s %14s %12s %8s\n' model split shapetorch pytorch ratio
for model in lenet mlp; do
  for split in 2x1 1x2; do
    printf '%-6s %-12s %14s %12s %8s\n' "$model" "$split" "${T[$model,st,$split]}" \
        "${T[$model,py,$split]}" "$(ratio "${T[$model,st,$split]}" "${T[$model,py,$split]}")"
  done
done
echo
echo "all-reduce (sum) of float32 between 2 processes, median ms of $REPEATS:"
printf '%-6s %16s %18s %10s %10s %12s\n' MB "shapetorch" "st (no check)" pytorch ratio "MB/s (st)"
for mb in 1 10 100; do
  printf '%-6s %16s %18s %10s %10s %12s\n' "$mb" "${A[$mb,st]}" "${A[$mb,stn]}" "${A[$mb,py]}" \
      "$(ratio "${A[$mb,st]}" "${A[$mb,py]}")" "$(awk -v m="$mb" -v t="${A[$mb,st]}" 'BEGIN { printf "%.0f", m / (t / 1000) }')"
done
