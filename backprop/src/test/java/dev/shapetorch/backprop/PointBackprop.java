package dev.shapetorch.backprop;

/**
 * The hand-written equivalent of the class {@link BackpropRecord}'s processor generates for
 * {@link Point}: the algebra (componentwise {@link Backprop#DOUBLE}) and one lens per component.
 */
final class PointBackprop implements Backprop<Point> {
  /** The one instance. */
  static final PointBackprop INSTANCE = new PointBackprop();

  private static final Lens<Point, Double> X = Lens.of(Point::x, (p, v) -> new Point(v, p.y()));
  private static final Lens<Point, Double> Y = Lens.of(Point::y, (p, v) -> new Point(p.x(), v));

  private PointBackprop() {}

  /** The lens onto {@link Point#x()}. */
  static Lens<Point, Double> x() {
    return X;
  }

  /** The lens onto {@link Point#y()}. */
  static Lens<Point, Double> y() {
    return Y;
  }

  @Override
  public Point zero(Point p) {
    return new Point(Backprop.DOUBLE.zero(p.x()), Backprop.DOUBLE.zero(p.y()));
  }

  @Override
  public Point add(Point p, Point q) {
    return new Point(Backprop.DOUBLE.add(p.x(), q.x()), Backprop.DOUBLE.add(p.y(), q.y()));
  }

  @Override
  public Point one(Point p) {
    return new Point(Backprop.DOUBLE.one(p.x()), Backprop.DOUBLE.one(p.y()));
  }
}
