package dev.shapetorch.vision.models;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.UnaryModule;
import dev.shapetorch.nn.conv.Conv2d;
import dev.shapetorch.nn.pooling.AdaptiveAvgPool2d;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/**
 * Squeeze-and-excitation (Hu et al.), as torchvision's {@code ops.SqueezeExcitation}: each
 * channel is scaled by {@code scaleActivation(fc2(activation(fc1(avgpool(x)))))}, where {@code
 * fc1} and {@code fc2} are 1x1 convolutions (with biases) through {@code squeeze} channels.
 * MobileNetV3 uses ReLU and Hardsigmoid, EfficientNet SiLU and Sigmoid. Parameter names: {@code
 * fc1.weight}, {@code fc1.bias}, {@code fc2.weight}, {@code fc2.bias}.
 *
 * <p>Shape: {@code [B, C, H, W] -> [B, C, H, W]}.
 *
 * @param avgpool adaptive average pooling to 1x1
 * @param fc1 C -> squeeze channels, 1x1
 * @param fc2 squeeze -> C channels, 1x1
 * @param activation between {@code fc1} and {@code fc2}
 * @param scaleActivation applied to the scales
 */
public record SqueezeExcitation(AdaptiveAvgPool2d avgpool, Conv2d fc1, Conv2d fc2,
    UnaryModule activation, UnaryModule scaleActivation) implements UnaryModule {

  /**
   * Checks the components.
   *
   * @throws IllegalArgumentException naming the component that is null
   */
  public SqueezeExcitation {
    Arguments.requireNonNull(avgpool, "avgpool");
    Arguments.requireNonNull(fc1, "fc1");
    Arguments.requireNonNull(fc2, "fc2");
    Arguments.requireNonNull(activation, "activation");
    Arguments.requireNonNull(scaleActivation, "scaleActivation");
  }

  /**
   * A block on {@code channels} channels through {@code squeeze} channels.
   *
   * @throws IllegalArgumentException if a size is not positive or an activation is null
   */
  public static SqueezeExcitation create(long channels, long squeeze, UnaryModule activation,
      UnaryModule scaleActivation) {
    if (channels < 1 || squeeze < 1) {
      throw Arguments.invalid(null, "channels and squeeze must be positive, got channels="
          + channels + ", squeeze=" + squeeze);
    }
    return new SqueezeExcitation(new AdaptiveAvgPool2d(1), new Conv2d(channels, squeeze, 1),
        new Conv2d(squeeze, channels, 1), activation, scaleActivation);
  }

  @Override
  public void visitChildren(ModuleVisitor v) {
    Arguments.requireNonNull(v, "v");
    v.module("avgpool", avgpool);
    v.module("fc1", fc1);
    v.module("fc2", fc2);
    v.module("activation", activation);
    v.module("scale_activation", scaleActivation);
  }

  /**
   * The input with each channel scaled.
   *
   * <p>Shape: {@code [B, C, H, W] -> [B, C, H, W]}.
   */
  @Override
  public @Shape({"B", "C", "H", "W"}) Tensor forward(@Shape({"B", "C", "H", "W"}) Tensor x) {
    Arguments.requireNonNull(x, "x");
    Tensor scale = fc2.forward(activation.forward(fc1.forward(avgpool.forward(x))));
    return scaleActivation.forward(scale).mul(x);
  }
}
