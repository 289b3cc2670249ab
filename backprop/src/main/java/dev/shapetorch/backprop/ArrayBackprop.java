package dev.shapetorch.backprop;

import java.util.Arrays;

/** The elementwise algebras of primitive arrays; {@code add} pads the shorter array with zeros. */
final class ArrayBackprop {
  /** {@code double[]}. */
  static final Backprop<double[]> DOUBLES = new Backprop<>() {
    @Override
    public double[] zero(double[] x) {
      return new double[x.length];
    }

    @Override
    public double[] add(double[] x, double[] y) {
      double[] longer = x.length >= y.length ? x : y;
      double[] shorter = longer == x ? y : x;
      double[] sum = Arrays.copyOf(longer, longer.length);
      for (int i = 0; i < shorter.length; i++) {
        sum[i] += shorter[i];
      }
      return sum;
    }

    @Override
    public double[] one(double[] x) {
      double[] ones = new double[x.length];
      Arrays.fill(ones, 1.0);
      return ones;
    }

    @Override
    public String toString() {
      return "Backprop.DOUBLE_ARRAY";
    }
  };

  /** {@code float[]}. */
  static final Backprop<float[]> FLOATS = new Backprop<>() {
    @Override
    public float[] zero(float[] x) {
      return new float[x.length];
    }

    @Override
    public float[] add(float[] x, float[] y) {
      float[] longer = x.length >= y.length ? x : y;
      float[] shorter = longer == x ? y : x;
      float[] sum = Arrays.copyOf(longer, longer.length);
      for (int i = 0; i < shorter.length; i++) {
        sum[i] += shorter[i];
      }
      return sum;
    }

    @Override
    public float[] one(float[] x) {
      float[] ones = new float[x.length];
      Arrays.fill(ones, 1f);
      return ones;
    }

    @Override
    public String toString() {
      return "Backprop.FLOAT_ARRAY";
    }
  };

  private ArrayBackprop() {}
}
