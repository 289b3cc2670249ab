package dev.shapetorch.bench.backprop;

import dev.shapetorch.backprop.BVar;
import dev.shapetorch.backprop.BVars;
import dev.shapetorch.backprop.Backprop;
import dev.shapetorch.backprop.T2;
import dev.shapetorch.backprop.ops.NumericVars;

/**
 * A scalar expression of two inputs built from exactly 100 numeric ops, and its gradient
 * computed two ways: by {@link BVars} and by hand (a forward pass that stores the intermediates,
 * then a backward loop with the derivatives written out).
 *
 * <p>The expression repeats a block of ten ops ten times, starting from {@code z = x}:
 * {@code z*y, sin, +x, tanh, z*z, cos, -y, atan, *x, exp}. Every value stays bounded, so
 * the benchmark measures the same arithmetic at every iteration.
 */
public final class ScalarExpression {
  /** The number of ops in the expression. */
  public static final int OPS = 100;

  private static final int BLOCK = 10;
  private static final NumericVars<Double> V = NumericVars.DOUBLE;

  private ScalarExpression() {}

  /** The expression on {@code BVar}s. */
  public static BVar<Double> bvar(BVar<Double> x, BVar<Double> y) {
    BVar<Double> z = x;
    for (int i = 0; i < OPS; i++) {
      switch (i % BLOCK) {
        case 0: z = V.mul(z, y); break;
        case 1: z = V.sin(z); break;
        case 2: z = V.add(z, x); break;
        case 3: z = V.tanh(z); break;
        case 4: z = V.mul(z, z); break;
        case 5: z = V.cos(z); break;
        case 6: z = V.sub(z, y); break;
        case 7: z = V.atan(z); break;
        case 8: z = V.mul(z, x); break;
        default: z = V.exp(z); break;
      }
    }
    return z;
  }

  /** The gradient {@code (d/dx, d/dy)} by {@link BVars#gradBP2}. */
  public static T2<Double, Double> gradientByBVar(double x, double y) {
    return BVars.gradBP2(ScalarExpression::bvar, x, y, Backprop.DOUBLE, Backprop.DOUBLE);
  }

  /**
   * The gradient {@code (d/dx, d/dy)} written by hand.
   *
   * @param x the first input
   * @param y the second input
   * @param z scratch space for the intermediates, at least {@code OPS + 1} long
   * @return {@code {d/dx, d/dy}}
   */
  public static double[] gradientByHand(double x, double y, double[] z) {
    z[0] = x;
    for (int i = 0; i < OPS; i++) {
      double v = z[i];
      double r;
      switch (i % BLOCK) {
        case 0: r = v * y; break;
        case 1: r = Math.sin(v); break;
        case 2: r = v + x; break;
        case 3: r = Math.tanh(v); break;
        case 4: r = v * v; break;
        case 5: r = Math.cos(v); break;
        case 6: r = v - y; break;
        case 7: r = Math.atan(v); break;
        case 8: r = v * x; break;
        default: r = Math.exp(v); break;
      }
      z[i + 1] = r;
    }
    double g = 1;
    double gx = 0;
    double gy = 0;
    for (int i = OPS - 1; i >= 0; i--) {
      double v = z[i];
      double r = z[i + 1];
      switch (i % BLOCK) {
        case 0: gy += g * v; g *= y; break;
        case 1: g *= Math.cos(v); break;
        case 2: gx += g; break;
        case 3: g *= 1 - r * r; break;
        case 4: g *= 2 * v; break;
        case 5: g *= -Math.sin(v); break;
        case 6: gy -= g; break;
        case 7: g /= 1 + v * v; break;
        case 8: gx += g * v; g *= x; break;
        default: g *= r; break;
      }
    }
    return new double[] {gx + g, gy};
  }
}
