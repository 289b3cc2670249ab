package dev.shapetorch.backprop.testkit;

import dev.shapetorch.backprop.BVar;
import dev.shapetorch.backprop.BVars;
import dev.shapetorch.backprop.Backprop;
import dev.shapetorch.backprop.Op;
import dev.shapetorch.backprop.OpResult;
import dev.shapetorch.backprop.Tup;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Checks an op's (or a whole {@code BVar} function's) gradient against central finite
 * differences of its value: the test kit for a library's primitive ops.
 *
 * <p>The result is reduced to a number with fixed pseudo-random weights {@code w} (drawn from
 * {@link #withSeed the seed}, each of magnitude between 0.5 and 1.5): {@code phi(x) = sum_j
 * w_j y_j(x)}. The backward pass seeded with {@code w} (the result's gradient) must give
 * {@code d phi / d x_i} for every input coordinate {@code i}, which is compared with {@code
 * (phi(x + h e_i) - phi(x - h e_i)) / 2h}, {@code h = step * max(1, |x_i|)}. Coordinates are
 * read with {@link Coordinates}. A mismatch throws {@link AssertionError} (any test framework
 * reports it as a failure) listing every coordinate that differs.
 *
 * <pre>{@code
 * GradientCheck.defaults().op("sin", NumericOps.DOUBLE.sin(), T1.of(0.3),
 *     Coordinates.t1(Coordinates.DOUBLE), Coordinates.DOUBLE);
 * }</pre>
 *
 * <p>Check at points where the function is smooth (not at the kink of {@code abs} or {@code
 * relu}), with doubles or float64 tensors: float rounding swamps finite differences.
 */
public final class GradientCheck {
  private static final GradientCheck DEFAULTS = new GradientCheck(1e-6, 1e-6, 0);

  private final double step;
  private final double tolerance;
  private final long seed;

  private GradientCheck(double step, double tolerance, long seed) {
    this.step = step;
    this.tolerance = tolerance;
    this.seed = seed;
  }

  /** Step {@code 1e-6}, tolerance {@code 1e-6}, seed 0. */
  public static GradientCheck defaults() {
    return DEFAULTS;
  }

  /**
   * The same check with another relative step {@code h / max(1, |x_i|)}.
   *
   * @param step a positive step
   */
  public GradientCheck withStep(double step) {
    if (!(step > 0)) {
      throw new IllegalArgumentException("GradientCheck.withStep: step is " + step
          + "; pass a small positive number such as 1e-6");
    }
    return new GradientCheck(step, tolerance, seed);
  }

  /**
   * The same check with another tolerance: a coordinate passes when {@code |gradient -
   * difference| <= tolerance * max(1, |difference|)}.
   *
   * @param tolerance a non-negative tolerance
   */
  public GradientCheck withTolerance(double tolerance) {
    if (!(tolerance >= 0)) {
      throw new IllegalArgumentException("GradientCheck.withTolerance: tolerance is "
          + tolerance + "; pass a non-negative number such as 1e-6");
    }
    return new GradientCheck(step, tolerance, seed);
  }

  /**
   * The same check with other weights for the result's coordinates.
   *
   * @param seed the seed of the weights
   */
  public GradientCheck withSeed(long seed) {
    return new GradientCheck(step, tolerance, seed);
  }

  /**
   * Checks {@code op}'s gradient ({@link Op#gradOpWith}) at {@code at}.
   *
   * @param name the op's name, for the failure message
   * @param op the op
   * @param at where to check
   * @param inputs the inputs' coordinates
   * @param result the result's coordinates
   * @throws AssertionError when a coordinate of the gradient differs from finite differences
   */
  public <As extends Tup, B> void op(String name, Op<As, B> op, As at, Coordinates<As> inputs,
      Coordinates<B> result) {
    Objects.requireNonNull(op, "op");
    check("GradientCheck.op", name, op::evalOp, x -> op.run(x), at, inputs, result);
  }

  /**
   * Checks the gradient of a function of a {@code BVar} ({@link BVars#backpropWith}) at {@code
   * at}: a whole model or loss built from ops, or one op lifted with {@link BVars#liftOp1}.
   *
   * @param name the function's name, for the failure message
   * @param f the function
   * @param at where to check
   * @param input the input's gradient algebra
   * @param inputs the input's coordinates
   * @param result the result's coordinates
   * @throws AssertionError when a coordinate of the gradient differs from finite differences
   */
  public <A, B> void function(String name, Function<? super BVar<A>, ? extends BVar<B>> f, A at,
      Backprop<A> input, Coordinates<A> inputs, Coordinates<B> result) {
    Objects.requireNonNull(f, "f");
    Objects.requireNonNull(input, "input");
    check("GradientCheck.function", name, x -> BVars.evalBP(f, x),
        x -> BVars.backpropWith(f, x, input), at, inputs, result);
  }

  private <A, B> void check(String method, String name, Function<A, B> eval,
      Function<A, OpResult<A, B>> run, A at, Coordinates<A> inputs, Coordinates<B> result) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(inputs, "inputs");
    Objects.requireNonNull(result, "result");
    OpResult<A, B> r = run.apply(at);
    double[] y = result.toArray(r.value());
    double[] w = weights(y.length);
    double[] gradient = inputs.toArray(r.gradient(result.fromArray(r.value(), w)));
    double[] x = inputs.toArray(at);
    if (gradient.length != x.length) {
      throw new AssertionError(method + ": " + name + ": the gradient has " + gradient.length
          + " coordinates but the input has " + x.length + "; the backward continuation must"
          + " return a value with the input's structure");
    }
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < x.length; i++) {
      double h = step * Math.max(1, Math.abs(x[i]));
      double[] plus = x.clone();
      plus[i] += h;
      double[] minus = x.clone();
      minus[i] -= h;
      double difference = (phi(eval, inputs, result, at, plus, w)
          - phi(eval, inputs, result, at, minus, w)) / (2 * h);
      if (!(Math.abs(gradient[i] - difference) <= tolerance * Math.max(1, Math.abs(difference)))) {
        failures.add(name(inputs.describe(at, i), i) + ": gradient " + gradient[i]
            + ", finite difference " + difference);
      }
    }
    if (!failures.isEmpty()) {
      throw new AssertionError(method + ": " + name + ": the gradient differs from central"
          + " finite differences at " + failures.size() + " of " + x.length + " input"
          + " coordinates (step " + step + ", tolerance " + tolerance + "): "
          + String.join("; ", failures) + ". Fix the backward continuation, or check at a"
          + " point where the function is smooth, with doubles or float64 tensors");
    }
  }

  /** A coordinate's name, or {@code [i]} for a number's only coordinate. */
  private static String name(String described, int index) {
    return described.isEmpty() ? "[" + index + "]" : described;
  }

  private static <A, B> double phi(Function<A, B> eval, Coordinates<A> inputs,
      Coordinates<B> result, A like, double[] x, double[] w) {
    double[] y = result.toArray(eval.apply(inputs.fromArray(like, x)));
    double sum = 0;
    for (int j = 0; j < y.length; j++) {
      sum += w[j] * y[j];
    }
    return sum;
  }

  private double[] weights(int n) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] w = new double[n];
    for (int j = 0; j < n; j++) {
      double magnitude = 0.5 + random.nextDouble();
      w[j] = random.nextBoolean() ? magnitude : -magnitude;
    }
    return w;
  }

  @Override
  public String toString() {
    return "GradientCheck[step=" + step + ", tolerance=" + tolerance + ", seed=" + seed + "]";
  }
}
