package dev.shapetorch.tensor;

import static com.google.common.truth.Truth.assertWithMessage;

import java.util.List;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.ScalarType;
import org.junit.jupiter.api.Test;

/**
 * A grouped, dilated, channels-last convolution that kills the JVM inside libtorch's oneDNN
 * kernel on an AVX-512/AVX512-BF16 CPU (SIGSEGV in {@code brgemm_convolution_fwd_t}) runs
 * through ShapeTorch without reaching oneDNN, and gets float64's values. In a child JVM, so a
 * regression fails this test instead of the whole run.
 */
class ConvCrashRegressionTest {

  @Test
  void groupedDilatedChannelsLastConvolution_neverReachesTheCrashingKernel() throws Exception {
    ChildJvm.Result r = ChildJvm.run(Child.class, List.of(), 120);
    assertWithMessage("child output:\n%s", r.output()).that(r.exitCode()).isEqualTo(0);
    assertWithMessage("child output:\n%s", r.output()).that(r.output())
        .contains("max difference from float64: ok");
  }

  /** Runs the convolution of the crash report and compares it with float64. */
  public static final class Child {
    public static void main(String[] args) {
      torch.manual_seed(110);
      var x = Torch.randn(1, 8, 5, 2).contiguous(MemoryFormat.CHANNELS_LAST);
      var w = Torch.randn(2, 4, 3, 1);
      long[] stride = {3, 3};
      long[] padding = {1, 1};
      long[] dilation = {1, 3};
      Tensor y = Torch.conv2d(x, w, null, stride, padding, dilation, 2);
      var exact = torch.conv2d(x.h().to(ScalarType.Double), w.h().to(ScalarType.Double),
          new TensorOptional(), stride, padding, dilation, 2);
      double diff = torch.sub(y.h().to(ScalarType.Double), exact).abs().max().item_double();
      System.out.println("max difference from float64: " + (diff < 1e-4 ? "ok" : diff));
    }
  }
}
