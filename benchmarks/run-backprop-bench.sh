#!/usr/bin/env bash
# Runs the backprop module's JMH benchmarks and prints the ratios the goals are stated in:
#   - gradient of a 100-op scalar expression, BVar / hand-written (goal <= 3x);
#   - one MLP 784-300-100-10 training step at batch 64, backprop tensor ops / libtorch
#     autograd (goal <= 1.25x);
#   - one SGD step of the small transformer block of backprop's TransformerBlockTrainingTest,
#     backprop tensor ops / libtorch autograd (no goal; reported side by side).
# Sample-time mode: the ratios compare medians, which a loaded machine disturbs least.
# Usage: benchmarks/run-backprop-bench.sh [extra JMH options, e.g. -f 1 -wi 3 -i 5]
set -euo pipefail
cd "$(dirname "$0")/.."
out=benchmarks/target/backprop-bench
mkdir -p "$out"

# Build the reactor up to the benchmarks (no install); the build writes their runtime classpath
# to benchmarks/target/classpath.txt. BENCH_BUILT=1: built already (see jmh-setup.sh).
if [ "${BENCH_BUILT:-0}" != 1 ]; then
  mvn -o -q -B -pl benchmarks -am -DskipTests package
fi

export OMP_WAIT_POLICY=PASSIVE OPENBLAS_NUM_THREADS=1
java -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" org.openjdk.jmh.Main \
  'dev\.shapetorch\.bench\.backprop\..*' \
  -jvmArgsAppend "-Dorg.bytedeco.javacpp.maxPhysicalBytes=0 -Dorg.bytedeco.javacpp.maxBytes=0" \
  -rf json -rff "$out/results.json" "$@"

python3 - "$out/results.json" <<'PY'
import json, sys
rows = json.load(open(sys.argv[1]))
median = {}
for r in rows:
    name = ".".join(r["benchmark"].rsplit(".", 2)[-2:])
    m = r["primaryMetric"]
    median[name] = (m["scorePercentiles"]["50.0"], m["scoreUnit"])
def ratio(label, num, den, goal=None):
    if num in median and den in median:
        a, b = median[num][0], median[den][0]
        judged = f"goal <= {goal}x" if goal else "no goal"
        print(f"{label}: median {a:.1f} / {b:.1f} {median[num][1]} = {a / b:.2f}x ({judged})")
print()
ratio("100-op scalar gradient, BVar / hand-written",
      "ScalarExpressionBenchmark.bvar", "ScalarExpressionBenchmark.handWritten", 3)
ratio("MLP 784-300-100-10 step (batch 64), backprop / libtorch autograd",
      "MlpStepBenchmark.backprop", "MlpStepBenchmark.autograd", 1.25)
ratio("transformer block step (batch 4, 5 tokens, width 8), backprop / libtorch autograd",
      "TransformerStepBenchmark.backprop", "TransformerStepBenchmark.autograd")
PY
