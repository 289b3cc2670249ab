package dev.shapetorch.nn.normalization;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shapetorch.nn.fold.Fold;
import dev.shapetorch.nn.fold.Unfold;
import dev.shapetorch.nn.functional.F;
import dev.shapetorch.tensor.ShapeException;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * PyTorch's defaults of the new normalisation and fold layers, and their refusals: every bad
 * argument is refused before libtorch, with a message naming the op and what to change.
 */
class NormFoldErrorsTest {

  private static <T extends Throwable> String message(Class<T> type, Executable e,
      String... parts) {
    String m = assertThrows(type, e).getMessage();
    for (String p : parts) {
      assertTrue(m.contains(p), m);
    }
    return m;
  }

  private static void shape(String key, Executable e, String... parts) {
    ShapeException x = assertThrows(ShapeException.class, e);
    assertEquals(key, x.key(), x.getMessage());
    for (String p : parts) {
      assertTrue(x.getMessage().contains(p), x.getMessage());
    }
  }

  @Test
  void defaults_arePyTorchs() {
    InstanceNorm2d in = new InstanceNorm2d(3);
    assertEquals("InstanceNorm2d(3, eps=1e-05, momentum=0.1, affine=False,"
        + " track_running_stats=False)", in.toString());
    assertTrue(in.namedParameters().isEmpty());
    assertTrue(in.namedBuffers().isEmpty());
    InstanceNorm1d tracked = new InstanceNorm1d(2, 1e-5, 0.1, true, true);
    assertEquals(java.util.List.of("weight", "bias"),
        java.util.List.copyOf(tracked.namedParameters().keySet()));
    assertEquals(java.util.List.of("running_mean", "running_var", "num_batches_tracked"),
        java.util.List.copyOf(tracked.namedBuffers().keySet()));
    assertEquals("BatchNorm3d(4, eps=1e-05, momentum=0.1, affine=True,"
        + " track_running_stats=True)", new BatchNorm3d(4).toString());
    assertEquals("LocalResponseNorm(2, alpha=0.0001, beta=0.75, k=1.0)",
        new LocalResponseNorm(2).toString());
    assertEquals("Unfold(kernel_size=(2, 3), dilation=1, padding=0, stride=1)",
        new Unfold(2, 3).toString());
    assertEquals("Fold(output_size=(4, 4), kernel_size=2, dilation=1, padding=0, stride=1)",
        new Fold(new long[] {4, 4}, new long[] {2}).toString());
    Tensor x = Torch.randn(2, 3, 4, 5);
    assertArrayEquals(in.forward(x).toDoubleArray(), F.instanceNorm(x).toDoubleArray(), 0.0);
    assertArrayEquals(new LocalResponseNorm(3).forward(x).toDoubleArray(),
        F.localResponseNorm(x, 3).toDoubleArray(), 0.0);
    assertArrayEquals(new Unfold(2).forward(x).toDoubleArray(),
        F.unfold(x, 2).toDoubleArray(), 0.0);
  }

  @Test
  void instanceNorm_tracksWithoutCountingBatches_andEvaluatesWithRunningStats() {
    InstanceNorm2d in = new InstanceNorm2d(2, 1e-5, 0.1, false, true);
    Tensor x = Torch.randn(3, 2, 4, 4).mul(Torch.full(new long[0], 3.0)).add(
        Torch.full(new long[0], 5.0));
    in.forward(x);
    assertEquals(0, in.numBatchesTracked().get().itemLong());
    assertFalse(in.runningMean().get().toDoubleArray()[0] == 0.0);
    in.eval();
    Tensor y = in.forward(x);
    // The running mean moved a tenth of the way to the batch's: evaluation output keeps most of
    // the mean (about 4.5 of 5), while training output is centred.
    assertTrue(y.mean().item() > 1.0, "" + y.mean().item());
    in.resetRunningStats();
    assertEquals(0.0, in.runningMean().get().sum().item(), 0.0);
  }

  @Test
  void instanceNorm_refusesChannelsRanksAndSingleElements() {
    shape("shape.mismatch.norm.channels", () -> new InstanceNorm2d(3).forward(
        Torch.zeros(2, 4, 3, 3)), "InstanceNorm2d.forward", "4 channels (dim 1)", "expects 3");
    shape("shape.mismatch.norm.channels", () -> new InstanceNorm2d(3).forward(
        Torch.zeros(4, 3, 3)), "channels (dim 0)");
    shape("shape.rank", () -> new InstanceNorm1d(3).forward(Torch.zeros(2, 3, 4, 4)),
        "InstanceNorm1d.forward", "3-D [N, C, L] or unbatched 2-D [C, L]");
    shape("shape.rank", () -> new InstanceNorm3d(3).forward(Torch.zeros(3, 4, 4)));
    message(IllegalArgumentException.class, () -> new InstanceNorm1d(3).forward(
        Torch.zeros(2, 3, 1)), "F.instanceNorm", "more than 1 spatial element", "[2, 3, 1]");
    message(IllegalArgumentException.class, () -> new InstanceNorm2d(0), "numFeatures");
    message(IllegalArgumentException.class, () -> new InstanceNorm2d(3, 0.0, 0.1, false, false),
        "InstanceNorm2d", "eps must be positive");
    message(IllegalArgumentException.class, () -> new InstanceNorm3d(3, 1e-5, 1.5, false, false),
        "momentum must be in [0, 1]");
    message(IllegalArgumentException.class, () -> Torch.instanceNorm(Torch.zeros(2, 3, 4), null,
        null, null, null, false, 0.1, 1e-5), "Torch.instanceNorm", "pass them");
    message(IllegalArgumentException.class, () -> Torch.instanceNorm(Torch.zeros(2, 3, 4), null,
        null, Torch.zeros(3), null, true, 0.1, 1e-5), "both running statistics");
    shape("shape.mismatch.norm.channels", () -> F.instanceNorm(Torch.zeros(2, 3, 4),
        Torch.zeros(4), Torch.ones(4), null, null, true, 0.1, 1e-5), "F.instanceNorm");
    assertThrows(ShapeException.class, () -> new BatchNorm3d(3).forward(Torch.zeros(2, 3, 4, 4)));
  }

  @Test
  void localResponseNorm_refusesSizesAndRanks() {
    message(IllegalArgumentException.class, () -> new LocalResponseNorm(0), "LocalResponseNorm",
        "size");
    message(IllegalArgumentException.class, () -> new LocalResponseNorm(2, Double.NaN, 0.75, 1),
        "finite");
    shape("shape.rank", () -> new LocalResponseNorm(2).forward(Torch.zeros(2, 3)),
        "F.localResponseNorm", "at least 3 dims", "unsqueeze(2)");
    shape("shape.module.params", () -> F.localResponseNorm(Torch.zeros(2, 3, 4), -1),
        "size");
    message(IllegalArgumentException.class, () -> F.localResponseNorm(Torch.zeros(2, 3, 4),
        1L << 40), "at most 2147483647");
    // A window far wider than the channels costs no memory: every channel's window holds all.
    Tensor x = Torch.randn(1, 3, 2);
    Tensor wide = F.localResponseNorm(x, Integer.MAX_VALUE, 1.0, 1.0, 1.0);
    Tensor all = x.div(x.mul(x).sum(1, true).div(Torch.full(new long[0], Integer.MAX_VALUE))
        .add(Torch.full(new long[0], 1.0)));
    assertArrayEquals(all.toDoubleArray(), wide.toDoubleArray(), 1e-6);
  }

  @Test
  void unfoldAndFold_refuseBadArgumentsBeforeLibtorch() {
    Tensor image = Torch.zeros(1, 3, 6, 6);
    message(IllegalArgumentException.class, () -> new Unfold(0), "Unfold", "kernelSize",
        "positive");
    message(IllegalArgumentException.class, () -> new Unfold(2, 2, 2), "one value or two");
    message(IllegalArgumentException.class, () -> new Unfold(new long[] {2}, new long[] {1},
        new long[] {-1}, new long[] {1}), "padding", "non-negative");
    message(IllegalArgumentException.class, () -> new Fold(new long[] {0}, new long[] {2}),
        "Fold", "outputSize");
    shape("shape.conv.size", () -> F.unfold(image, 7), "F.unfold", "no block");
    shape("shape.conv.size", () -> F.unfold(image, 1L << 40));
    shape("shape.rank", () -> new Unfold(2).forward(Torch.zeros(6, 6)), "F.unfold",
        "4-D [N, C, H, W]");
    shape("shape.conv.params", () -> F.unfold(image, new long[] {2}, new long[] {0},
        new long[] {0}, new long[] {1}), "dilation must be positive");
    message(IllegalArgumentException.class, () -> F.unfold(image, new long[] {2},
        new long[] {1}, new long[] {0}, new long[] {1L << 40}), "F.unfold", "stride",
        "at most 2147483647");
    shape("shape.mismatch.argument", () -> F.fold(Torch.zeros(1, 12, 5), new long[] {3},
        new long[] {2}), "F.fold", "has 5 blocks", "holds 4 blocks");
    shape("shape.split.size", () -> new Fold(new long[] {3}, new long[] {2}).forward(
        Torch.zeros(1, 10, 4)), "10 columns");
    shape("shape.rank", () -> F.fold(Torch.zeros(1, 1, 4, 4), new long[] {3}, new long[] {2}));
    shape("shape.conv.size", () -> F.fold(Torch.zeros(1, 4, 4), new long[] {1},
        new long[] {2}), "holds no block");
  }

  @Test
  void foldOfUnfold_withBlocksThatDoNotOverlap_isTheImage() {
    Tensor x = Torch.randn(2, 3, 4, 6);
    long[] k = {2, 3};
    Tensor cols = F.unfold(x, k, new long[] {1}, new long[] {0}, k);
    assertArrayEquals(new long[] {2, 18, 4}, cols.shape());
    Tensor back = F.fold(cols, new long[] {4, 6}, k, new long[] {1}, new long[] {0}, k);
    assertArrayEquals(x.toDoubleArray(), back.toDoubleArray(), 0.0);
  }
}
