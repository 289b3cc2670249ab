package dev.shapetorch.nn.functional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shapetorch.nn.Golden;
import dev.shapetorch.tensor.ShapeException;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.util.function.BinaryOperator;
import org.junit.jupiter.api.Test;

/**
 * {@code F.normalize}, {@code F.cosineSimilarity} and {@code F.pairwiseDistance} against
 * PyTorch 1.13: values and both inputs' gradients at PyTorch's defaults and another setting
 * (broadcasting one input), and the shape errors they raise.
 */
class DistanceGoldenTest {

  private static void check(String name, String other, BinaryOperator<Tensor> f) {
    Golden g = Golden.load("distances");
    Tensor a = g.leaf("in.x1");
    Tensor b = g.leaf("in." + other);
    Tensor y = f.apply(a, b);
    g.assertClose("out." + name, y);
    y.mul(Torch.arange(1.0, y.numel() + 1.0, 1.0).reshape(y.shape())).sum().backward();
    g.assertClose("grad." + name + ".x1", a.grad(), 1e-5, 1e-3);
    if (g.has("grad." + name + "." + other)) {
      g.assertClose("grad." + name + "." + other, b.grad(), 1e-5, 1e-3);
    }
  }

  @Test
  void normalize_defaultsAndP1AlongDim0() {
    check("normalize", "x2", (a, b) -> F.normalize(a));
    check("normalize_p1_dim0", "x2", (a, b) -> F.normalize(a, 1.0, 0, 1e-3));
  }

  @Test
  void cosineSimilarity_defaultsAndBroadcastAlongTheLastDim() {
    check("cosine", "x2", F::cosineSimilarity);
    check("cosine_broadcast", "x2b", (a, b) -> F.cosineSimilarity(a, b, -1, 1e-4));
    check("cosine", "x2", Torch::cosineSimilarity);
  }

  @Test
  void pairwiseDistance_defaultsAndP1Keepdim() {
    check("pairwise", "x2", F::pairwiseDistance);
    check("pairwise_p1_keepdim", "x2b", (a, b) -> F.pairwiseDistance(a, b, 1.0, 1e-3, true));
  }

  @Test
  void shapeErrors_nameTheFunctionAndTheShapes() {
    ShapeException broadcast = assertThrows(ShapeException.class,
        () -> F.cosineSimilarity(Torch.zeros(3, 4), Torch.zeros(2, 4)));
    assertEquals("shape.broadcast", broadcast.key());
    assertTrue(broadcast.getMessage().contains("F.cosineSimilarity"), broadcast.getMessage());
    ShapeException range = assertThrows(ShapeException.class,
        () -> F.cosineSimilarity(Torch.zeros(4), Torch.zeros(4)));
    assertEquals("shape.dim.range", range.key());
    ShapeException pd = assertThrows(ShapeException.class,
        () -> F.pairwiseDistance(Torch.zeros(3, 4), Torch.zeros(3, 5)));
    assertTrue(pd.getMessage().contains("F.pairwiseDistance"), pd.getMessage());
    ShapeException norm = assertThrows(ShapeException.class,
        () -> F.normalize(Torch.zeros(4)));
    assertEquals("shape.dim.range", norm.key());
    assertTrue(norm.getMessage().contains("F.normalize"), norm.getMessage());
  }

  @Test
  void results_haveTheReducedShape() {
    assertEquals(java.util.List.of(3L, 1L), java.util.Arrays.stream(
        F.pairwiseDistance(Torch.ones(3, 4), Torch.zeros(4), 2.0, 0.0, true).shape())
        .boxed().toList());
    assertEquals(2.0, F.pairwiseDistance(Torch.ones(4), Torch.zeros(4), 2.0, 0.0, false)
        .item(), 1e-6);
    assertEquals(0, F.cosineSimilarity(Torch.ones(4), Torch.ones(4), 0, 1e-8).dim());
  }
}
