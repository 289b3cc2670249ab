package dev.shapetorch.backprop;

/** The algebras of the boxed floating-point scalars. */
final class ScalarBackprop {
  /** Doubles. */
  static final Backprop<Double> DOUBLE = new Backprop<>() {
    @Override
    public Double zero(Double x) {
      return 0.0;
    }

    @Override
    public Double add(Double x, Double y) {
      return x + y;
    }

    @Override
    public Double one(Double x) {
      return 1.0;
    }

    @Override
    public String toString() {
      return "Backprop.DOUBLE";
    }
  };

  /** Floats. */
  static final Backprop<Float> FLOAT = new Backprop<>() {
    @Override
    public Float zero(Float x) {
      return 0f;
    }

    @Override
    public Float add(Float x, Float y) {
      return x + y;
    }

    @Override
    public Float one(Float x) {
      return 1f;
    }

    @Override
    public String toString() {
      return "Backprop.FLOAT";
    }
  };

  private ScalarBackprop() {}
}
