#!/usr/bin/env bash
# One Adam step over LeNet-5's and the 784-256-10 MLP's parameter shapes, with libtorch's fused
# kernel (AdamOptions.withFused(true)) and with the single-tensor ops, in one JMH run. Prints
# JMH's table and the fused/single-tensor ratio per model.
# Usage: benchmarks/run-optimizer-bench.sh [extra JMH options, e.g. -p threads=2 -p optimizer=AdamW]
set -euo pipefail
cd "$(dirname "$0")/.."

source benchmarks/jmh-setup.sh

out=benchmarks/target/optimizer-bench.txt
jmh OptimizerStepBenchmark "$@" | tee "$out"

# JMH's summary lines, parameters in alphabetical order (fused, model, optimizer, threads):
# "OptimizerStepBenchmark.step  true  lenet5  Adam  1  avgt  5  70.0 ± 5.9  us/op"
awk '
  $1 == "OptimizerStepBenchmark.step" && $6 == "avgt" {
    k = $3 " " $4 " threads=" $5
    if (!(k in seen)) { seen[k] = 1; order[++n] = k }
    score[k "/" $2] = ($(NF - 2) == "±" ? $(NF - 3) : $(NF - 1))
  }
  END {
    for (i = 1; i <= n; i++) {
      k = order[i]
      if ((k "/true") in score && (k "/false") in score)
        printf "%-24s fused %8.1f us, single-tensor %8.1f us, fused/single = %.2f\n", k,
            score[k "/true"], score[k "/false"], score[k "/true"] / score[k "/false"]
    }
  }' "$out"
