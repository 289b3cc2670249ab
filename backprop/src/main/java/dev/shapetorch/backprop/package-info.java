/**
 * Reverse-mode automatic differentiation over any type with a gradient algebra, after Justin
 * Le's Haskell {@code backprop} library.
 *
 * <p>Two layers:
 *
 * <ul>
 *   <li>{@link dev.shapetorch.backprop.Op}: a pure differentiable function from a tuple of
 *       inputs ({@link dev.shapetorch.backprop.Tup}: {@link dev.shapetorch.backprop.T0}, {@link
 *       dev.shapetorch.backprop.T1}, {@link dev.shapetorch.backprop.T2}, {@link
 *       dev.shapetorch.backprop.T3}, {@link dev.shapetorch.backprop.TN}) to a result, which
 *       returns the result and the continuation from the result's gradient to the inputs'
 *       ({@link dev.shapetorch.backprop.OpResult}). Ops compose and run on their own ({@code
 *       runOp}, {@code evalOp}, {@code gradOp}, {@code gradOpWith}).
 *   <li>{@link dev.shapetorch.backprop.BVar}: a value tracked on a tape during one run of
 *       {@link dev.shapetorch.backprop.BVars#backprop}; ops are lifted onto it with {@link
 *       dev.shapetorch.backprop.BVars#liftOp1} and friends, and the whole function is
 *       differentiated at once, whatever Java control flow built it.
 * </ul>
 *
 * <p>The gradient algebra of a type ({@code zero}, {@code add}, {@code one}, with laws) is
 * {@link dev.shapetorch.backprop.Backprop}; records get theirs generated with {@link
 * dev.shapetorch.backprop.BackpropRecord}. Op libraries for doubles, floats and tensors are in
 * {@link dev.shapetorch.backprop.ops}; a test kit for libraries that give their own types
 * backprop (law checks, gradient checks against finite differences) is in {@link
 * dev.shapetorch.backprop.testkit}; the tape is internal ({@code
 * dev.shapetorch.backprop.internal}).
 *
 * <pre>{@code
 * var d = NumericVars.DOUBLE;
 * double slope = BVars.gradBP(x -> d.mul(x, d.sin(x)), 2.0, Backprop.DOUBLE);
 * }</pre>
 */
package dev.shapetorch.backprop;
