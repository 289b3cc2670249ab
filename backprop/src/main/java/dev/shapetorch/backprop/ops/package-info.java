/**
 * Op libraries: {@link dev.shapetorch.backprop.ops.NumericOps} (the numeric ops with their
 * gradients, written once over {@link dev.shapetorch.backprop.ops.Floating} for doubles and
 * floats) and {@link dev.shapetorch.backprop.ops.NumericVars} (the same lifted to {@code BVar}s).
 *
 * <pre>{@code
 * var d = NumericVars.DOUBLE;
 * double g = BVars.gradBP(x -> d.mul(x, d.exp(x)), 1.0, Backprop.DOUBLE);  // 2e
 * }</pre>
 */
package dev.shapetorch.backprop.ops;
