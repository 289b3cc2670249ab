/**
 * A test kit for libraries that equip their own types with backprop: {@link
 * dev.shapetorch.backprop.testkit.BackpropLaws} checks a {@link dev.shapetorch.backprop.Backprop}
 * instance's laws (and a {@link dev.shapetorch.backprop.Lens}'s), {@link
 * dev.shapetorch.backprop.testkit.GradientCheck} checks an op's or a {@code BVar} function's
 * gradient against central finite differences, and {@link
 * dev.shapetorch.backprop.testkit.Coordinates} reads values as vectors of doubles for both.
 *
 * <p>The kit lives in backprop's main jar (it needs nothing but backprop), so a library's tests
 * use it with the dependency they already have. Failures throw {@link AssertionError}, which
 * JUnit, jqwik and TestNG report as test failures.
 *
 * <pre>{@code
 * GradientCheck.defaults().op("mul", NumericOps.DOUBLE.mul(), T2.of(3.0, 5.0),
 *     Coordinates.t2(Coordinates.DOUBLE, Coordinates.DOUBLE), Coordinates.DOUBLE);
 * }</pre>
 */
package dev.shapetorch.backprop.testkit;
