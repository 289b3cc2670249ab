#!/usr/bin/env bash
# Benchmarks in CI: every JMH benchmark and the checker benchmark run once, briefly, so that
# they keep working and their ratios are printed in every CI log. One short iteration on a
# shared machine makes these figures indicative only; the goals are judged with the commands
# and settings in benchmarks/README.md. The training benchmark against PyTorch is not run here:
# it needs Debian's python3-torch, which CI does not install.
set -euo pipefail
cd "$(dirname "$0")/.."

short=(-f 1 -wi 1 -i 2 -w 1s -r 1s)
# One build for all the JMH benchmarks (each runner would otherwise build the reactor again).
mvn -q -B -pl benchmarks -am package -DskipTests
export BENCH_BUILT=1
echo "== benchmark smoke: runtime overhead (ShapeTorch / raw presets)"
bash benchmarks/run-runtime-bench.sh "${short[@]}" | tail -3
echo "== benchmark smoke: module forward (Linear.forward / F.linear, without and with a hook)"
bash benchmarks/run-module-bench.sh "${short[@]}" | tail -2
echo "== benchmark smoke: backprop (BVar / hand-written; MLP and transformer steps, backprop / autograd)"
bash benchmarks/run-backprop-bench.sh "${short[@]}" | tail -4
echo "== benchmark smoke: optimizer step (fused / single-tensor)"
bash benchmarks/run-optimizer-bench.sh "${short[@]}" -p threads=1 | tail -3
echo "== benchmark smoke: checker compile time (ShapeChecker / Nullness Checker)"
bash benchmarks/checker/run.sh 1 | tail -4
