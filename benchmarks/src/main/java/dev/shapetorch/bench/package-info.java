/**
 * JMH benchmarks: ShapeTorch against the raw JavaCPP presets ({@link
 * dev.shapetorch.bench.RuntimeOverheadBenchmark}). Scripts in {@code benchmarks/} build and run
 * them with the flags the runtime wants.
 */
package dev.shapetorch.bench;
