package dev.shapetorch.backprop.testkit;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.shapetorch.backprop.Backprop;
import dev.shapetorch.backprop.Lens;
import dev.shapetorch.backprop.T2;
import dev.shapetorch.backprop.ops.TensorBackprop;
import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.TensorScope;
import dev.shapetorch.tensor.Torch;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link BackpropLaws} passes the module's instances and lenses, and fails broken ones with a
 * message naming each broken law.
 */
class BackpropLawsTest {
  private static final Coordinates<List<Double>> LIST = Coordinates.list(Coordinates.DOUBLE);

  @Test
  void theModulesInstances_obeyTheLaws() {
    BackpropLaws.check("DOUBLE", Backprop.DOUBLE, 1.5, -2.0, 4.0, Coordinates.DOUBLE);
    BackpropLaws.check("pair", Backprop.t2(Backprop.DOUBLE, Backprop.FLOAT), T2.of(1.0, 2f),
        T2.of(3.0, -1f), T2.of(0.5, 8f), Coordinates.t2(Coordinates.DOUBLE, Coordinates.FLOAT));
    BackpropLaws.check("list", Backprop.list(Backprop.DOUBLE), List.of(1.0, 2.0),
        List.of(3.0, 4.0), List.of(-1.0, 0.5), LIST);
    try (TensorScope scope = TensorScope.open()) {
      BackpropLaws.check("tensor", TensorBackprop.INSTANCE,
          Torch.randint(-9, 9, new long[] {2, 3}).to(DType.FLOAT64),
          Torch.randint(-9, 9, new long[] {2, 3}).to(DType.FLOAT64),
          Torch.randint(-9, 9, new long[] {2, 3}).to(DType.FLOAT64), Coordinates.tensor());
    }
    BackpropLaws.checkLens("lensSecond", T2.<Double, Double>lensSecond(), T2.of(1.0, 2.0), 5.0,
        7.0, Coordinates.t2(Coordinates.DOUBLE, Coordinates.DOUBLE), Coordinates.DOUBLE);
  }

  @Test
  void brokenInstance_failsNamingEveryBrokenLaw() {
    // one is 2 instead of 1
    Backprop<List<Double>> broken = Backprop.of(Backprop.list(Backprop.DOUBLE)::zero,
        Backprop.list(Backprop.DOUBLE)::add, x -> x.stream().map(v -> 2.0).toList());
    AssertionError e = assertThrows(AssertionError.class, () -> BackpropLaws.check("broken",
        broken, List.of(1.0, 2.0), List.of(3.0, 4.0), List.of(5.0, 6.0), LIST));
    assertThat(e).hasMessageThat().startsWith("BackpropLaws.check: broken breaks 1 law:"
        + " one(x) has every coordinate 1 (coordinate [0]: 2.0 vs 1.0)");
  }

  @Test
  void instanceWhoseAddLosesInformation_failsTheIdentityLaw() {
    // add truncates to the shorter list, and zero is empty: add(x, zero(y)) loses x
    Backprop<List<Double>> truncating = Backprop.of(x -> List.of(), (x, y) -> {
      List<Double> out = new ArrayList<>();
      for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
        out.add(x.get(i) + y.get(i));
      }
      return out;
    }, Backprop.list(Backprop.DOUBLE)::one);
    AssertionError e = assertThrows(AssertionError.class, () -> BackpropLaws.check(
        "truncating", truncating, List.of(1.0, 2.0), List.of(3.0, 4.0), List.of(5.0, 6.0),
        LIST));
    assertThat(e).hasMessageThat().contains("add(x, zero(y)) == x (the sides have 0 and 2"
        + " coordinates)");
  }

  @Test
  void instanceThatModifiesItsArgument_fails() {
    Backprop<double[]> mutating = Backprop.of(Backprop.DOUBLE_ARRAY::zero, (x, y) -> {
      for (int i = 0; i < x.length; i++) {
        x[i] += y[i];
      }
      return x;
    }, Backprop.DOUBLE_ARRAY::one);
    AssertionError e = assertThrows(AssertionError.class, () -> BackpropLaws.check("mutating",
        mutating, new double[] {1}, new double[] {2}, new double[] {3},
        Coordinates.DOUBLE_ARRAY));
    assertThat(e).hasMessageThat().contains("x is not modified");
  }

  @Test
  void brokenLens_failsNamingTheLaw() {
    Lens<T2<Double, Double>, Double> scaling = Lens.of(t -> t.first() * 2,
        (t, a) -> t.withFirst(a));
    AssertionError e = assertThrows(AssertionError.class, () -> BackpropLaws.checkLens(
        "scaling", scaling, T2.of(1.0, 2.0), 5.0, 7.0,
        Coordinates.t2(Coordinates.DOUBLE, Coordinates.DOUBLE), Coordinates.DOUBLE));
    assertThat(e).hasMessageThat().startsWith("BackpropLaws.checkLens: scaling breaks 2 laws:"
        + " get(set(s, a)) == a");
  }
}
