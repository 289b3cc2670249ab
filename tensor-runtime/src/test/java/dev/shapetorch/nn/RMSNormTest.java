package dev.shapetorch.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shapetorch.nn.functional.F;
import dev.shapetorch.nn.normalization.RMSNorm;
import dev.shapetorch.tensor.ShapeException;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * RMSNorm and F.rmsNorm against PyTorch 2's definition computed by PyTorch 1.13
 * (nn_rmsnorm_golden.py): values and gradients of the input and the weight, over one and two
 * trailing dims, with the default eps (the dtype's machine epsilon, which matters for inputs
 * near zero) and a given one; reprs and errors.
 */
class RMSNormTest {

  private static void check(String fixture, RMSNorm m) {
    Golden g = Golden.load(fixture);
    g.loadInto(m);
    Tensor x = g.leaf("in.x");
    Tensor y = m.forward(x);
    g.assertClose("out.y", y);
    y.sum().backward();
    g.assertClose("grad.x", x.grad(), 1e-5, 1e-4);
    g.assertParameterGrads(m);
  }

  @Test
  void lastDim_defaultEps() {
    RMSNorm m = new RMSNorm(6);
    check("rms_norm_last_dim", m);
    assertEquals("RMSNorm((6,), eps=None, elementwise_affine=True)", m.toString());
  }

  @Test
  void twoDims_givenEps() {
    RMSNorm m = new RMSNorm(new long[] {3, 4}, OptionalDouble.of(1e-2), true);
    check("rms_norm_two_dims_eps", m);
    assertEquals("RMSNorm((3, 4), eps=0.01, elementwise_affine=True)", m.toString());
  }

  @Test
  void withoutAffine_smallInputs_useTheDtypesEpsilon() {
    RMSNorm m = new RMSNorm(new long[] {5}, OptionalDouble.empty(), false);
    assertNull(m.weight());
    assertTrue(m.parameters().isEmpty());
    check("rms_norm_no_affine", m);
  }

  @Test
  void functionalForm_equalsTheModule() {
    Golden g = Golden.load("rms_norm_last_dim");
    g.assertClose("out.y", F.rmsNorm(g.tensor("in.x"), new long[] {6}, g.tensor("state.weight")));
  }

  @Test
  void errors_nameTheOpAndShapes() {
    ShapeException e = assertThrows(ShapeException.class,
        () -> Torch.rmsNorm(Torch.zeros(2, 5), new long[] {6}, null));
    assertTrue(e.getMessage().contains("rmsNorm"), e.getMessage());
    IllegalArgumentException w = assertThrows(IllegalArgumentException.class,
        () -> Torch.rmsNorm(Torch.zeros(2, 6), new long[] {6}, Torch.ones(5)));
    assertTrue(w.getMessage().contains("weight is [5] but the normalized shape is [6]"),
        w.getMessage());
    IllegalArgumentException eps = assertThrows(IllegalArgumentException.class,
        () -> Torch.rmsNorm(Torch.zeros(2, 6), new long[] {6}, null, -1));
    assertTrue(eps.getMessage().contains("eps must be a finite number >= 0"), eps.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> new RMSNorm(new long[] {}, OptionalDouble.empty(), true));
    assertThrows(IllegalArgumentException.class,
        () -> new RMSNorm(new long[] {4}, OptionalDouble.of(Double.NaN), true));
  }
}
