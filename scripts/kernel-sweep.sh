#!/usr/bin/env bash
# The large differential kernel sweep: KernelDifferentialTest's four random sweeps (pooling,
# normalization, matrix products, fused optimizers) with many more configurations than CI runs,
# each compared float32 fast path vs libtorch's reference path vs float64. Prints one summary
# line per kernel family and the time taken; the failing configurations (each with its replay
# seed) are in tensor-runtime/target/surefire-reports.
#
#   scripts/kernel-sweep.sh [CONFIGS_PER_FAMILY] [SEED]
#
# CONFIGS_PER_FAMILY defaults to 1500 (6,000 configurations in all); SEED defaults to the time,
# so every run draws new configurations (CI always uses the same seed). Set
# KERNEL_SWEEP_CAPABILITIES="default avx2" to repeat the sweep with libtorch's CPU kernels forced
# to those instruction sets (ATEN_CPU_CAPABILITY), beside the machine's own. Replay one case:
#   mvn -pl tensor-runtime -am test -Dtest=KernelDifferentialTest -Dsurefire.failIfNoSpecifiedTests=false \
#     -Dkernels.replay=FAMILY:CASE_SEED
set -uo pipefail
cd "$(dirname "$0")/.."

configs="${1:-1500}"
seed="${2:-$(date +%s)}"
export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-PASSIVE}"
export OPENBLAS_NUM_THREADS="${OPENBLAS_NUM_THREADS:-1}"
export KERNELS_CONFIGS="$configs" KERNELS_SEED="$seed"
tests='KernelDifferentialTest#pooling*+normalization*+matrixProducts*+fusedOptimizers*'
status=0

sweep() { # $1: label; runs the sweep in the current environment
  local out log start rc
  out="$(mktemp)"
  log="$(mktemp)"
  start=$(date +%s)
  KERNELS_LOG="$log" mvn -B -ntp -q -pl tensor-runtime -am test -Dtest="$tests" \
    -Dsurefire.failIfNoSpecifiedTests=false >"$out" 2>&1
  rc=$?
  echo "== $1: $configs configurations per family, seed $seed, $(($(date +%s) - start)) s (build included), exit $rc"
  grep -o 'kernel sweep: .*' "$out" | head -1
  grep -E -A2 '^(pooling|normalization|linalg|optimizers): [0-9]+ configs|^  closest to tolerance:' \
    "$out" | grep -v '^--$' | awk '!seen[$0]++'
  if grep -qE '^\[(pooling|normalization|linalg|optimizers) #' "$out"; then
    echo "configurations that failed or were noted (details in tensor-runtime/target/surefire-reports):"
    grep -E '^\[(pooling|normalization|linalg|optimizers) #' "$out" | awk '!seen[$0]++'
  fi
  if grep -q 'The forked VM terminated' "$out"; then
    echo "the JVM died; the configuration it was running:"
    tail -n 2 "$log"
  fi
  if [ "$rc" -ne 0 ]; then
    status=1
  fi
  rm -f "$out" "$log"
}

sweep "this CPU"
for cap in ${KERNEL_SWEEP_CAPABILITIES:-}; do
  ATEN_CPU_CAPABILITY="$cap" sweep "ATEN_CPU_CAPABILITY=$cap"
done
exit "$status"
