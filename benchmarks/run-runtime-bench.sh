#!/usr/bin/env bash
# The runtime's overhead over the raw JavaCPP presets: a 1-element add, a 1-element sum along a
# dim and a 256x256 matmul, ShapeTorch vs raw, in one JMH run. Prints JMH's table and the
# ShapeTorch/raw ratios.
# Usage: benchmarks/run-runtime-bench.sh [extra JMH options, e.g. -f 1 -wi 2 -i 3]
set -euo pipefail
cd "$(dirname "$0")/.."

source benchmarks/jmh-setup.sh

out=benchmarks/target/runtime-bench.txt
jmh RuntimeOverheadBenchmark "$@" | tee "$out"

# Ratios from JMH's summary lines: the mean in the default mode
# ("RuntimeOverheadBenchmark.add1Raw  avgt  12  1234.5 ± 6.7  ns/op"), the median with -bm sample
# ("RuntimeOverheadBenchmark.add1Raw:p0.50  sample  1234.0  ns/op"; robust on a loaded machine).
awk '
  $1 ~ /^RuntimeOverheadBenchmark\.[A-Za-z0-9]+$/ && $2 == "avgt" { split($1, n, "."); score[n[2]] = (NF >= 7 ? $4 : $(NF - 1)); what = "mean" }
  $1 ~ /^RuntimeOverheadBenchmark\.[A-Za-z0-9]+:p0\.50$/ && $2 == "sample" {
    split($1, n, "."); sub(/:.*/, "", n[2]); score[n[2]] = $3; what = "median" }
  END {
    if ("add1Raw" in score && "add1ShapeTorch" in score)
      printf "1-element add:   ShapeTorch/raw = %.3f (%s)\n", score["add1ShapeTorch"] / score["add1Raw"], what
    if ("sum1Raw" in score && "sum1ShapeTorch" in score)
      printf "1-element sum:   ShapeTorch/raw = %.3f (%s)\n", score["sum1ShapeTorch"] / score["sum1Raw"], what
    if ("matmul256Raw" in score && "matmul256ShapeTorch" in score)
      printf "256x256 matmul:  ShapeTorch/raw = %.3f (%s)\n", score["matmul256ShapeTorch"] / score["matmul256Raw"], what
  }' "$out"
