package dev.shapetorch.backprop;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Op#opCoerce} and {@link Coercion}, the explicit-arity constants ({@link Op#opConst1}..
 * {@link Op#opConstN}), and the tuple utilities ({@code only}, {@code head}, {@code tail},
 * {@code prepend}).
 */
class OpUtilitiesTest {
  private static final Backprop<Double> D = Backprop.DOUBLE;

  /** A record of four components, coerced to a TN. */
  record Quad(double a, double b, double c, double d) {}

  /** A record whose constructor checks its argument. */
  record Positive(double value) {
    Positive {
      if (value <= 0) {
        throw new IllegalArgumentException("value must be positive");
      }
    }
  }

  @Test
  void recordCoercion_convertsBetweenARecordAndTheTupleOfItsComponents() {
    Coercion<T2<Double, Double>, Point> c = Coercion.record(Point.class);
    assertThat(c.to(T2.of(1.0, 2.0))).isEqualTo(new Point(1, 2));
    assertThat(c.from(new Point(3, 4))).isEqualTo(T2.of(3.0, 4.0));
    assertThat(c.reverse().to(new Point(5, 6))).isEqualTo(T2.of(5.0, 6.0));
    Coercion<TN<Double>, Quad> quad = Coercion.record(Quad.class);
    assertThat(quad.from(new Quad(1, 2, 3, 4))).isEqualTo(TN.of(1.0, 2.0, 3.0, 4.0));
    assertThat(quad.to(TN.of(1.0, 2.0, 3.0, 4.0))).isEqualTo(new Quad(1, 2, 3, 4));
    Coercion<T1<Double>, Positive> one = Coercion.record(Positive.class);
    assertThat(one.from(new Positive(2))).isEqualTo(T1.of(2.0));
    assertThat(Coercion.<String>identity().to("x")).isEqualTo("x");
  }

  @Test
  void opCoerce_isTheConversion_andItsGradientIsTheResultsGradientConvertedBack() {
    Op<T1<T2<Double, Double>>, Point> toPoint = Op.opCoerce(Coercion.record(Point.class));
    assertThat(toPoint.evalOp(T1.of(T2.of(1.0, 2.0)))).isEqualTo(new Point(1, 2));
    assertThat(toPoint.gradOpWith(T1.of(T2.of(1.0, 2.0)), new Point(5, 6)))
        .isEqualTo(T1.of(T2.of(5.0, 6.0)));
    assertThat(toPoint.gradOp(T1.of(T2.of(1.0, 2.0)), PointBackprop.INSTANCE))
        .isEqualTo(T1.of(T2.of(1.0, 1.0)));
  }

  @Test
  void recordCoercion_errorsNameTheRecordAndWhatToDo() {
    IllegalArgumentException notRecord = assertThrows(IllegalArgumentException.class,
        () -> Coercion.record(fakeRecordClass()));
    assertThat(notRecord).hasMessageThat().contains("is not a record");
    Coercion<T3<Double, Double, Double>, Point> wrongArity = Coercion.record(Point.class);
    IllegalArgumentException arity = assertThrows(IllegalArgumentException.class,
        () -> wrongArity.to(T3.of(1.0, 2.0, 3.0)));
    assertThat(arity).hasMessageThat().startsWith("Coercion.record: the tuple");
    assertThat(arity).hasMessageThat().contains("has 3 elements but Point[double x, double y]"
        + " has 2 components");
    Coercion<T2<String, Double>, Point> wrongType = Coercion.record(Point.class);
    IllegalArgumentException type = assertThrows(IllegalArgumentException.class,
        () -> wrongType.to(T2.of("one", 2.0)));
    assertThat(type).hasMessageThat().contains("does not fit the components of"
        + " Point[double x, double y]");
    Coercion<T1<Double>, Positive> positive = Coercion.record(Positive.class);
    IllegalArgumentException rejected = assertThrows(IllegalArgumentException.class,
        () -> positive.to(T1.of(-1.0)));
    assertThat(rejected).hasMessageThat().contains("rejected T1[first=-1.0]");
  }

  @SuppressWarnings({"unchecked", "rawtypes"}) // a class that is not a record, typed as one
  private static Class<Record> fakeRecordClass() {
    return (Class) String.class;
  }

  @Test
  void opConstOfEachArity_ignoresItsInputs_withZeroGradients() {
    assertThat(Op.opConst1(D, "c").runOp(T1.of(3.0), Backprop.of(s -> s, (a, b) -> a, s -> s)))
        .isEqualTo(new ValueGrad<>("c", T1.of(0.0)));
    assertThat(Op.opConst2(D, Backprop.FLOAT, 10.0).gradOp(T2.of(1.0, 2f), D))
        .isEqualTo(T2.of(0.0, 0f));
    assertThat(Op.opConst3(D, D, Backprop.list(D), 10.0)
        .gradOp(T3.of(1.0, 2.0, List.of(3.0, 4.0)), D))
        .isEqualTo(T3.of(0.0, 0.0, List.of(0.0, 0.0)));
    assertThat(Op.opConstN(D, 10.0).gradOp(TN.of(1.0, 2.0, 3.0), D))
        .isEqualTo(TN.of(0.0, 0.0, 0.0));
  }

  @Test
  void tupleUtilities_buildAndTakeApartTuples() {
    T1<Double> only = T1.only(1.0);
    assertThat(only).isEqualTo(T1.of(1.0));
    assertThat(only.head()).isEqualTo(1.0);
    T3<String, Integer, Double> built = T0.of().prepend(1.0).prepend(2).prepend("a");
    assertThat(built).isEqualTo(T3.of("a", 2, 1.0));
    assertThat(built.head()).isEqualTo("a");
    assertThat(built.tail()).isEqualTo(T2.of(2, 1.0));
    assertThat(built.tail().tail()).isEqualTo(T1.of(1.0));
    assertThat(built.tail().head()).isEqualTo(2);
    TN<Integer> n = TN.of(2, 3).prepend(1);
    assertThat(n).isEqualTo(TN.of(1, 2, 3));
    assertThat(n.head()).isEqualTo(1);
    assertThat(n.tail()).isEqualTo(TN.of(2, 3));
    assertThrows(java.util.NoSuchElementException.class, () -> TN.of().head());
  }
}
