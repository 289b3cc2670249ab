/**
 * JMH benchmarks: ShapeTorch against the raw JavaCPP presets ({@link
 * dev.shapetorch.bench.RuntimeOverheadBenchmark}), and the shape algebra's cost on the runtime's
 * concrete shapes ({@link dev.shapetorch.bench.ShapeRuleBenchmark}, with {@link
 * dev.shapetorch.bench.ShapeRuleCpuTime} for loaded machines). Scripts in {@code benchmarks/}
 * build and run them with the flags the runtime wants.
 */
package dev.shapetorch.bench;
