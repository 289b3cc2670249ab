#!/usr/bin/env bash
# A bigger fuzz sweep than CI's FuzzTest (issue 10 §6): every public op of tensor-runtime with
# adversarial arguments, in child JVMs; prints calls, time and every finding, exits 1 on any.
#   bash scripts/fuzz.sh [random-calls-per-op=60] [seed=1] [parallel=2]
# FUZZ_BASELINE=path writes the findings (not crashes or hangs) as a known-findings file.
set -euo pipefail
cd "$(dirname "$0")/.."
random="${1:-60}"; seed="${2:-1}"; parallel="${3:-2}"
export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-PASSIVE}"
export OPENBLAS_NUM_THREADS="${OPENBLAS_NUM_THREADS:-1}"
mvn -B -ntp -q -pl tensor-runtime -am test-compile -Dmaven.test.skip.exec=true
cp_file="$(mktemp)"
mvn -B -ntp -q -pl tensor-runtime dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$cp_file"
cp="tensor-runtime/target/test-classes:tensor-runtime/target/classes:shapes-annotations/target/classes:$(cat "$cp_file")"
rm -f "$cp_file"
out="${FUZZ_OUT:-target/fuzz}"
mkdir -p "$out"
flags=(-Dorg.bytedeco.javacpp.maxPhysicalBytes=0)
[ -n "${FUZZ_BASELINE:-}" ] && flags+=("-Dfuzz.writeKnown=$FUZZ_BASELINE")
exec java "${flags[@]}" -cp "$cp" dev.shapetorch.fuzz.FuzzMain "$seed" "$random" "$parallel" 30 "$out"
