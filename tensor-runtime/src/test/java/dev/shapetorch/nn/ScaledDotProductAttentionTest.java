package dev.shapetorch.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shapetorch.nn.functional.F;
import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.ShapeException;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import org.junit.jupiter.api.Test;

/**
 * F.scaledDotProductAttention against softmax(QK^T/sqrt(E) + mask) V as PyTorch 1.13 computes it
 * (nn_seq_golden.py: 1.13 has no F.scaled_dot_product_attention): no mask, boolean and float
 * masks, causal, 4-D heads, gradients; and its errors.
 */
class ScaledDotProductAttentionTest {

  @Test
  void defaults_matchTheFormula_withGradients() {
    Golden g = Golden.load("sdpa");
    Tensor q = g.leaf("in.q");
    Tensor k = g.leaf("in.k");
    Tensor v = g.leaf("in.v");
    Tensor out = F.scaledDotProductAttention(q, k, v);
    g.assertClose("out.plain", out);
    out.sum().backward();
    g.assertClose("grad.q", q.grad(), 1e-5, 1e-4);
    g.assertClose("grad.k", k.grad(), 1e-5, 1e-4);
    g.assertClose("grad.v", v.grad(), 1e-5, 1e-4);
  }

  @Test
  void masksAndCausal_matchTheFormula() {
    Golden g = Golden.load("sdpa");
    Tensor q = g.tensor("in.q");
    Tensor k = g.tensor("in.k");
    Tensor v = g.tensor("in.v");
    Tensor allowed = g.tensor("in.bool_mask").to(DType.BOOL);
    g.assertClose("out.bool_mask", F.scaledDotProductAttention(q, k, v, allowed, 0.0, false));
    g.assertClose("out.float_mask",
        F.scaledDotProductAttention(q, k, v, g.tensor("in.float_mask"), 0.0, false));
    g.assertClose("out.causal", Torch.scaledDotProductAttention(q, k, v, null, 0.0, true));
    g.assertClose("out.heads", F.scaledDotProductAttention(g.tensor("in.q4"),
        g.tensor("in.k4"), g.tensor("in.v4")));
  }

  @Test
  void dropoutOfOne_zeroesTheOutput() {
    Tensor out = F.scaledDotProductAttention(Torch.randn(2, 3, 4), Torch.randn(2, 5, 4),
        Torch.randn(2, 5, 6), null, 1.0, false);
    assertArrayEquals(new long[] {2, 3, 6}, out.shape());
    assertTrue(out.abs().max().item() == 0.0);
  }

  @Test
  void errors_nameTheOpAndTheShapes() {
    ShapeException e = assertThrows(ShapeException.class, () -> F.scaledDotProductAttention(
        Torch.zeros(2, 3, 4), Torch.zeros(2, 5, 3), Torch.zeros(2, 5, 6)));
    assertTrue(e.getMessage().contains("scaledDotProductAttention"), e.getMessage());
    IllegalArgumentException p = assertThrows(IllegalArgumentException.class,
        () -> F.scaledDotProductAttention(Torch.zeros(2, 3, 4), Torch.zeros(2, 5, 4),
            Torch.zeros(2, 5, 6), null, 1.5, false));
    assertTrue(p.getMessage().contains("dropoutP must be in [0, 1], got 1.5"), p.getMessage());
    IllegalArgumentException both = assertThrows(IllegalArgumentException.class,
        () -> F.scaledDotProductAttention(Torch.zeros(2, 3, 4), Torch.zeros(2, 5, 4),
            Torch.zeros(2, 5, 6), Torch.zeros(3, 5), 0.0, true));
    assertTrue(both.getMessage().contains("isCausal"), both.getMessage());
  }
}
