package dev.shapetorch.vision.models;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.UnaryModule;
import dev.shapetorch.nn.activation.ReLU;
import dev.shapetorch.nn.conv.Conv2d;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.util.List;

/**
 * SqueezeNet's Fire module, as torchvision's {@code Fire}: a 1x1 "squeeze" convolution with
 * ReLU, then two "expand" convolutions of its output (1x1, and 3x3 with padding 1), each with
 * ReLU, concatenated along the channels. Parameter names: {@code squeeze.*}, {@code
 * expand1x1.*}, {@code expand3x3.*}.
 *
 * <p>Shape: {@code [B, in, H, W] -> [B, expand1x1 + expand3x3, H, W]}.
 *
 * @param squeeze in -> squeeze planes, 1x1
 * @param squeezeActivation ReLU ({@code squeeze_activation})
 * @param expand1x1 squeeze -> expand1x1 planes, 1x1
 * @param expand1x1Activation ReLU ({@code expand1x1_activation})
 * @param expand3x3 squeeze -> expand3x3 planes, 3x3, padding 1
 * @param expand3x3Activation ReLU ({@code expand3x3_activation})
 */
public record Fire(Conv2d squeeze, ReLU squeezeActivation, Conv2d expand1x1,
    ReLU expand1x1Activation, Conv2d expand3x3, ReLU expand3x3Activation)
    implements UnaryModule {

  /**
   * Checks the components.
   *
   * @throws IllegalArgumentException naming the component that is null
   */
  public Fire {
    Arguments.requireNonNull(squeeze, "squeeze");
    Arguments.requireNonNull(squeezeActivation, "squeezeActivation");
    Arguments.requireNonNull(expand1x1, "expand1x1");
    Arguments.requireNonNull(expand1x1Activation, "expand1x1Activation");
    Arguments.requireNonNull(expand3x3, "expand3x3");
    Arguments.requireNonNull(expand3x3Activation, "expand3x3Activation");
  }

  /**
   * A Fire module as torchvision's {@code Fire(inplanes, squeeze_planes, expand1x1_planes,
   * expand3x3_planes)}.
   *
   * <p>Shape: {@code [B, inplanes, H, W] -> [B, expand1x1Planes + expand3x3Planes, H, W]}.
   *
   * @throws IllegalArgumentException if a size is not positive
   */
  public static Fire create(long inplanes, long squeezePlanes, long expand1x1Planes,
      long expand3x3Planes) {
    if (inplanes < 1 || squeezePlanes < 1 || expand1x1Planes < 1 || expand3x3Planes < 1) {
      throw Arguments.invalid(null, "inplanes (" + inplanes + "), squeezePlanes ("
          + squeezePlanes + "), expand1x1Planes (" + expand1x1Planes + ") and expand3x3Planes ("
          + expand3x3Planes + ") must be positive");
    }
    return new Fire(new Conv2d(inplanes, squeezePlanes, 1), new ReLU(),
        new Conv2d(squeezePlanes, expand1x1Planes, 1), new ReLU(),
        new Conv2d(squeezePlanes, expand3x3Planes, 3, 1, 1), new ReLU());
  }

  @Override
  public void visitChildren(ModuleVisitor v) {
    Arguments.requireNonNull(v, "v");
    v.module("squeeze", squeeze);
    v.module("squeeze_activation", squeezeActivation);
    v.module("expand1x1", expand1x1);
    v.module("expand1x1_activation", expand1x1Activation);
    v.module("expand3x3", expand3x3);
    v.module("expand3x3_activation", expand3x3Activation);
  }

  /**
   * The two expansions, concatenated along the channels.
   *
   * <p>Shape: {@code [B, in, H, W] -> [B, expand1x1 + expand3x3, H, W]}.
   */
  @Override
  public @Shape({"B", "_", "H", "W"}) Tensor forward(@Shape({"B", "_", "H", "W"}) Tensor x) {
    Arguments.requireNonNull(x, "x");
    Tensor s = squeezeActivation.forward(squeeze.forward(x));
    return Torch.cat(List.of(expand1x1Activation.forward(expand1x1.forward(s)),
        expand3x3Activation.forward(expand3x3.forward(s))), 1);
  }
}
