package dev.shapetorch.vision.transforms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.ShapeException;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The transforms' shape effect, declared once ({@code Rule.IMAGE_*}) and read by the checker
 * and by {@code apply}: the result shapes the checker infers are the ones {@code apply} makes,
 * and the mistakes processor-tests' TransformShapesRejected makes fail here with the same text.
 */
class TransformShapesTest {
  private final Tensor grey = Torch.zeros(new long[] {28, 28}, DType.UINT8);
  private final Tensor rgb = Torch.zeros(new long[] {3, 40, 30}, DType.UINT8);
  private final Tensor batch = Torch.zeros(2, 3, 40, 30);

  @Test
  void shapeEffects_areTheDeclaredOnes() {
    assertShape(new long[] {1, 28, 28}, new ToTensor().apply(grey));
    assertShape(new long[] {3, 40, 30}, new ToTensor().apply(rgb));
    assertShape(new long[] {2, 3, 40, 30}, new ToTensor().apply(batch));
    assertShape(new long[] {3, 32, 16}, new Resize(32, 16).apply(rgb));
    assertShape(new long[] {2, 3, 24, 24}, new Resize(24).apply(batch));
    assertShape(new long[] {3, 10, 50}, new CenterCrop(10, 50).apply(rgb)); // padded where small
    assertShape(new long[] {10, 10}, new CenterCrop(10).apply(grey));
    assertShape(new long[] {2, 1, 40, 30}, new Grayscale().apply(batch));
    assertShape(new long[] {3, 40, 30}, new Grayscale(3).apply(rgb));
    assertShape(new long[] {2, 3, 40, 30},
        new Normalize(new double[] {0.5, 0.5, 0.5}, new double[] {0.2, 0.2, 0.2}).apply(batch));
    assertShape(new long[] {28, 28}, new RandomHorizontalFlip(1.0).apply(grey));
    assertShape(new long[] {28, 28}, new RandomVerticalFlip(1.0).apply(grey));
    assertShape(new long[] {3, 8, 8}, new RandomResizedCrop(8).apply(rgb));
  }

  /** The same mistakes as processor-tests' TransformShapesRejected, with the same text. */
  @Test
  void wrongImages_haveTheCheckersText() {
    shapeError("[shape.rank] Resize.apply: image [28, 28] is 2-D, required an image [C, H, W]"
        + " or a batch [B, C, H, W]; add the channel dim first (ToTensor does, or"
        + " unsqueeze(0))", () -> new Resize(32, 32).apply(grey));
    shapeError("[shape.rank] RandomResizedCrop.apply: image [28, 28] is 2-D, required an image"
        + " [C, H, W] or a batch [B, C, H, W]; add the channel dim first (ToTensor does, or"
        + " unsqueeze(0))", () -> new RandomResizedCrop(32).apply(grey));
    shapeError("[shape.rank] ToTensor.apply: image [5] is 1-D, required an image [H, W] or"
        + " [C, H, W], or a batch [*batch, C, H, W]; a 1-D signal is not an image; reshape it to"
        + " [H, W]", () -> new ToTensor().apply(Torch.zeros(5)));
    shapeError("[shape.rank] Normalize.apply: image [28, 28] is 2-D, required an image [C, H, W]"
        + " or a batch [*batch, C, H, W]; add the channel dim first (ToTensor does, or"
        + " unsqueeze(0))",
        () -> new Normalize(new double[] {0.5}, new double[] {0.5}).apply(Torch.zeros(28, 28)));
    shapeError("[shape.image.channels] Grayscale.apply: image [2, 4, 40, 30] has 4 channels"
        + " (dim 1), but a grey conversion takes 1 (grey) or 3 (RGB)",
        () -> new Grayscale().apply(Torch.zeros(2, 4, 40, 30)));
    shapeError("[shape.rank] CenterCrop.apply: image [5] is 1-D, required an image [..., H, W];"
        + " reshape it to [H, W]", () -> new CenterCrop(3).apply(Torch.zeros(5)));
    shapeError("[shape.rank] RandomHorizontalFlip.apply: image [5] is 1-D, required an image"
        + " [..., H, W]; reshape it to [H, W]",
        () -> new RandomHorizontalFlip().apply(Torch.zeros(5)));
  }

  @Test
  void normalize_stillChecksTheMeansAgainstTheChannels() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Normalize(new double[] {0.5, 0.5}, new double[] {1, 1}).apply(batch));
    assertEquals("Normalize: 2 means for an image of 3 channels (shape [2, 3, 40, 30])",
        e.getMessage());
  }

  private static void assertShape(long[] expected, Tensor t) {
    assertArrayEquals(expected, t.shape());
  }

  private static void shapeError(String expected, Executable call) {
    ShapeException e = assertThrows(ShapeException.class, call);
    assertEquals(expected, e.getMessage());
  }
}
