/**
 * JMH benchmarks of the backprop module: the 100-op scalar expression ({@link
 * dev.shapetorch.bench.backprop.ScalarExpressionBenchmark}, BVar against a hand-written
 * gradient), one MLP training step and one step of a small transformer block ({@link
 * dev.shapetorch.bench.backprop.TransformerStepBenchmark}; backprop tensor ops against libtorch
 * autograd). Run them with {@code benchmarks/run-backprop-bench.sh}.
 */
package dev.shapetorch.bench.backprop;
