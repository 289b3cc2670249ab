#!/usr/bin/env bash
# A layer's forward against the functional op it computes (ModuleForwardBenchmark): Linear(16,
# 16) on a [4, 16] input, without hooks and with one forward hook, and the ratio module/functional
# for each. Extra arguments go to JMH, e.g. `-f 1 -wi 2 -i 3` for a quick look, `-bm sample` for
# medians.
set -euo pipefail
cd "$(dirname "$0")/.."
source benchmarks/jmh-setup.sh

out=benchmarks/target/module-bench.txt
jmh ModuleForwardBenchmark "$@" | tee "$out"

# JMH's summary lines with parameters: "ModuleForwardBenchmark.linearModule  16  none  avgt  12
# 2345.6 ± 7.8  ns/op", or with -bm sample "ModuleForwardBenchmark.linearModule:p0.50  16  none
# sample  2304.0  ns/op".
awk '
  $1 ~ /^ModuleForwardBenchmark\.[A-Za-z]+$/ && $4 == "avgt" { split($1, n, "."); score[n[2] "/" $3] = $6; what = "mean" }
  $1 ~ /^ModuleForwardBenchmark\.[A-Za-z]+:p0\.50$/ && $4 == "sample" {
    split($1, n, "."); sub(/:.*/, "", n[2]); score[n[2] "/" $3] = $5; what = "median" }
  END {
    split("none forwardHook", hooks, " ")
    for (i = 1; i <= 2; i++) {
      h = hooks[i]
      if (("linearModule/" h) in score && ("linearFunctional/" h) in score)
        printf "Linear(16, 16) forward, hooks %-11s module/functional = %.3f (%s)\n", h ":",
          score["linearModule/" h] / score["linearFunctional/" h], what
    }
  }' "$out"
