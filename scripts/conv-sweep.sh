#!/usr/bin/env bash
# The full convolution sweep (issue: "Right on every machine"). Two parts:
#  1. ShapeTorch's convolutions (as routed by ConvRouting) against libtorch's reference path and
#     float64: ConvDifferentialTest with COUNT configurations (CI runs 2,000).
#  2. An audit of libtorch's own oneDNN path on the same kind of configurations, in child JVMs
#     that resume after a crash: how often oneDNN is wrong or crashes, by kind. This is the
#     evidence behind ConvRouting's rule; docs/runtime.md quotes its last result.
# Usage: bash scripts/conv-sweep.sh [COUNT=6000] [SEED=1]
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-6000}"
seed="${2:-1}"
mvn -B -ntp -q -pl tensor-runtime -am test-compile
mvn -B -ntp -q -pl tensor-runtime dependency:build-classpath -Dmdep.outputFile=target/sweep.cp \
  -Dmdep.includeScope=test >/dev/null
cp="tensor-runtime/target/test-classes:tensor-runtime/target/classes:$(cat tensor-runtime/target/sweep.cp)"
flags=(-Dorg.bytedeco.javacpp.maxPhysicalBytes=0 -XX:ErrorFile=/dev/null)
if java -version 2>&1 | grep -q 'version "2[1-9]'; then flags+=(--enable-native-access=ALL-UNNAMED); fi

echo "== 1. ShapeTorch against the references: $count configurations, seed $seed"
start=$(date +%s)
status=0
mvn -B -ntp -q -pl tensor-runtime surefire:test -Dtest=ConvDifferentialTest \
  -Dconv.differential.count="$count" -Dconv.differential.seed="$seed" >/dev/null 2>&1 || status=$?
report=tensor-runtime/target/surefire-reports
grep -ho 'conv differential: [^<]*' "$report/TEST-dev.shapetorch.tensor.ConvDifferentialTest.xml" | head -1
grep -h 'Tests run' "$report/dev.shapetorch.tensor.ConvDifferentialTest.txt"
[ "$status" -eq 0 ] || echo "   FAILED: see $report/dev.shapetorch.tensor.ConvDifferentialTest.txt"
echo "   ($(( $(date +%s) - start )) s)"

echo "== 2. libtorch's oneDNN path alone: $count configurations, seed $seed"
log="tensor-runtime/target/onednn-audit.csv"
: > "$log"
start=$(date +%s)
next=0
while [ "$next" -lt "$count" ]; do
  OMP_WAIT_POLICY=PASSIVE OPENBLAS_NUM_THREADS=1 \
    java "${flags[@]}" -cp "$cp" dev.shapetorch.tensor.OneDnnAudit "$seed" "$next" "$count" "$log" \
    >/dev/null 2>&1 || true
  last=$(grep '^TRY,' "$log" | tail -1 | cut -d, -f2)
  [ -n "$last" ] || { echo "conv-sweep: the audit JVM did not start" >&2; exit 1; }
  if grep -qE "^(OK|WRONG|ERROR),$last," "$log"; then break; fi
  echo "CRASH,$last" >> "$log"
  next=$((last + 1))
done
summary() {
  awk -F, '
    /^TRY,/ { next }
    /^CRASH,/ { crash++; next }
    { kind=$3 ($4=="1" ? " (plain)" : ""); n[kind]++; if ($1=="WRONG") bad[kind]++; if ($1=="ERROR") err[kind]++ }
    END {
      for (k in n) printf "   %-22s %5d configurations, %4d wrong (%.1f%%), %3d rejected by libtorch\n", k, n[k], bad[k], 100*bad[k]/n[k], err[k]
      printf "   %d configurations crashed the JVM inside libtorch\n", crash
    }' "$log" | sort
}
summary
echo "   ($(( $(date +%s) - start )) s; details in $log)"
exit "$status"
