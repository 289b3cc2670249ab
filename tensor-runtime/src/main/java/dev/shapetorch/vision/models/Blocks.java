package dev.shapetorch.vision.models;

import dev.shapetorch.nn.Module;
import dev.shapetorch.nn.UnaryModule;
import dev.shapetorch.nn.conv.Conv2d;
import dev.shapetorch.nn.init.FanMode;
import dev.shapetorch.nn.init.Init;
import dev.shapetorch.nn.init.Nonlinearity;
import dev.shapetorch.nn.linear.Linear;
import dev.shapetorch.nn.containers.Sequential;
import dev.shapetorch.nn.normalization.BatchNorm2d;
import dev.shapetorch.tensor.NoGradScope;
import dev.shapetorch.tensor.Torch;
import java.util.ArrayList;
import java.util.List;

/**
 * The pieces torchvision's mobile networks share: {@code Conv2dNormActivation} (a Sequential of
 * a bias-free convolution with "same" padding, batch norm and an optional activation, named
 * {@code 0}, {@code 1}, {@code 2}), {@code _make_divisible} and their common initialisation.
 */
final class Blocks {
  private Blocks() {}

  /**
   * Convolution ({@code kernel}x{@code kernel}, padding {@code (kernel-1)/2}, no bias), batch
   * norm with this eps and momentum, then {@code activation} unless it is null.
   */
  static Sequential convNormAct(long in, long out, long kernel, long stride, long groups,
      double eps, double momentum, UnaryModule activation) {
    long pad = (kernel - 1) / 2;
    List<UnaryModule> layers = new ArrayList<>();
    layers.add(new Conv2d(in, out, kernel, kernel, stride, stride, pad, pad, 1, 1, groups, false));
    layers.add(new BatchNorm2d(out, eps, momentum, true, true));
    if (activation != null) {
      layers.add(activation);
    }
    return new Sequential(layers);
  }

  /**
   * torchvision's {@code _make_divisible(v, divisor)}: {@code v} rounded to the nearest multiple
   * of {@code divisor} (at least {@code divisor}), and one multiple more if that lost over 10%.
   */
  static long makeDivisible(double v, long divisor) {
    long rounded = Math.max(divisor, (long) (v + divisor / 2.0) / divisor * divisor);
    return rounded < 0.9 * v ? rounded + divisor : rounded;
  }

  /**
   * torchvision's initialisation of its mobile networks: convolutions Kaiming-normal with fan-out
   * and zero biases; batch norm ones and zeros (already so); linear layers {@code N(0, 0.01)}
   * with zero biases when {@code linearStd} is positive, else {@code U(-r, r)} with {@code r = 1
   * / sqrt(out)} (EfficientNet's).
   */
  static void initialise(Module net, double linearStd) {
    try (var ng = Torch.noGrad()) {
      for (Module m : net.modules()) {
        if (m instanceof Conv2d conv) {
          Init.kaimingNormal_(conv.weight().get(), 0.0, FanMode.FAN_OUT, Nonlinearity.RELU);
          if (conv.bias() != null) {
            Init.zeros_(conv.bias().get());
          }
        } else if (m instanceof Linear lin) {
          if (linearStd > 0) {
            Init.normal_(lin.weight().get(), 0, linearStd);
          } else {
            double r = 1.0 / Math.sqrt(lin.outFeatures());
            Init.uniform_(lin.weight().get(), -r, r);
          }
          Init.zeros_(lin.bias().get());
        }
      }
    }
  }
}
