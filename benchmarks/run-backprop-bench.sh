#!/usr/bin/env bash
# Runs the backprop module's JMH benchmarks and prints the ratios the goals are stated in:
#   - gradient of a 100-op scalar expression, BVar / hand-written (goal <= 3x);
#   - one MLP 784-300-100-10 training step at batch 64, backprop tensor ops / libtorch
#     autograd (goal <= 1.25x).
# Usage: benchmarks/run-backprop-bench.sh [extra JMH options, e.g. -f 1 -wi 3 -i 5]
set -euo pipefail
cd "$(dirname "$0")/.."
out=benchmarks/target/backprop-bench
mkdir -p "$out"

# Build the reactor up to the benchmarks (no install) and write their classpath.
mvn -o -q -B -pl benchmarks -am -DskipTests package dependency:build-classpath \
  -Dmdep.outputFile="$PWD/$out/classpath.txt"

export OMP_WAIT_POLICY=PASSIVE OPENBLAS_NUM_THREADS=1
java -cp "benchmarks/target/classes:$(cat "$out/classpath.txt")" org.openjdk.jmh.Main \
  'dev\.shapetorch\.bench\.backprop\..*' \
  -jvmArgsAppend "-Dorg.bytedeco.javacpp.maxPhysicalBytes=0 -Dorg.bytedeco.javacpp.maxBytes=0" \
  -rf json -rff "$out/results.json" "$@"

python3 - "$out/results.json" <<'PY'
import json, sys
rows = json.load(open(sys.argv[1]))
score = {r["benchmark"].rsplit(".", 2)[-2] + "." + r["benchmark"].rsplit(".", 1)[-1]:
         (r["primaryMetric"]["score"], r["primaryMetric"]["scoreUnit"]) for r in rows}
def ratio(name, num, den, goal):
    if num in score and den in score:
        a, b = score[num][0], score[den][0]
        print(f"{name}: {a:.1f} / {b:.1f} {score[num][1]} = {a / b:.2f}x (goal <= {goal}x)")
print()
ratio("100-op scalar gradient, BVar / hand-written",
      "ScalarExpressionBenchmark.bvar", "ScalarExpressionBenchmark.handWritten", 3)
ratio("MLP 784-300-100-10 step (batch 64), backprop / libtorch autograd",
      "MlpStepBenchmark.backprop", "MlpStepBenchmark.autograd", 1.25)
PY
