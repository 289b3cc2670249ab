/**
 * Op libraries and the bridges to the rest of ShapeTorch.
 *
 * <ul>
 *   <li>Numbers: {@link dev.shapetorch.backprop.ops.NumericOps} (the 25 numeric ops with their
 *       gradients, written once over {@link dev.shapetorch.backprop.ops.Floating} for doubles and
 *       floats) and {@link dev.shapetorch.backprop.ops.NumericVars} (the same on {@code BVar}s).
 *   <li>Ops as numbers: {@link dev.shapetorch.backprop.ops.OpMath} (arithmetic on whole ops over
 *       the same inputs, their gradients combined), over a {@link
 *       dev.shapetorch.backprop.ops.FloatingOps}: {@code NumericOps}, or {@link
 *       dev.shapetorch.backprop.ops.TensorFloatingOps} (the same 25 ops on tensors).
 *   <li>Tensors: {@link dev.shapetorch.backprop.ops.TensorOps} (ops with written-out gradients:
 *       pointwise with broadcasting, matmul, linear, reductions over one or several dims,
 *       softmax, reshape, transpose, cat, narrow, conv1d, conv2d, maxPool2d, avgPool2d,
 *       adaptiveAvgPool2d, embedding, layerNorm, batchNorm, dropout, losses with PyTorch's
 *       options), {@link dev.shapetorch.backprop.ops.TensorVars} (the same on
 *       {@code BVar<Tensor>}s, with shapes in their signatures) and {@link
 *       dev.shapetorch.backprop.ops.TensorBackprop} (the tensor gradient algebra).
 *   <li>Bridges: {@link dev.shapetorch.backprop.ops.AutogradOp} (an op differentiated by
 *       libtorch autograd) and {@link dev.shapetorch.backprop.ops.TensorGradients} (gradients
 *       into parameters' {@code .grad()} for optimizers, or a plain SGD step).
 * </ul>
 *
 * <pre>{@code
 * var d = NumericVars.DOUBLE;
 * double g = BVars.gradBP(x -> d.mul(x, d.exp(x)), 1.0, Backprop.DOUBLE);  // 2e
 * }</pre>
 *
 * <p>Shape: see {@link dev.shapetorch.backprop.ops.TensorOps} and each family.
 */
package dev.shapetorch.backprop.ops;
