package dev.shapetorch.backprop.ops;

import static com.google.common.truth.Truth.assertThat;

import dev.shapetorch.backprop.BVars;
import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.TensorScope;
import dev.shapetorch.tensor.Torch;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The {@link dev.shapetorch.backprop.Backprop} laws for {@link TensorBackprop}, on tensors of
 * random shapes holding small integers (so float addition is exact).
 */
class TensorBackpropLawsPropertyTest {
  private static final TensorBackprop T = TensorBackprop.INSTANCE;

  @Provide
  Arbitrary<long[]> shapes() {
    return Arbitraries.longs().between(1, 4).array(long[].class).ofMinSize(0).ofMaxSize(3);
  }

  @Property(tries = 50)
  void tensorAlgebra_obeysTheLaws(@ForAll("shapes") long[] shape, @ForAll long seed) {
    try (TensorScope scope = TensorScope.open()) {
      Torch.manualSeed(seed);
      Tensor x = Torch.randint(-100, 100, shape).to(DType.FLOAT32);
      Tensor y = Torch.randint(-100, 100, shape).to(DType.FLOAT32);
      Tensor z = Torch.randint(-100, 100, shape).to(DType.FLOAT32);
      assertEqual(T.add(x, T.zero(y)), x);
      assertEqual(T.add(T.zero(x), y), y);
      assertEqual(T.add(x, y), T.add(y, x));
      assertEqual(T.add(x, T.add(y, z)), T.add(T.add(x, y), z));
      assertEqual(T.zero(T.zero(x)), T.zero(x));
      assertEqual(T.one(T.one(x)), T.one(x));
      assertEqual(BVars.gradBP(v -> v, x, T), T.one(x));
      assertThat(T.one(x).toFloatArray()).usingExactEquality()
          .containsExactlyElementsIn(java.util.Collections.nCopies((int) x.numel(), 1f));
    }
  }

  private static void assertEqual(Tensor actual, Tensor expected) {
    assertThat(actual.shape()).isEqualTo(expected.shape());
    assertThat(actual.dtype()).isEqualTo(expected.dtype());
    assertThat(actual.toFloatArray()).isEqualTo(expected.toFloatArray());
  }
}
