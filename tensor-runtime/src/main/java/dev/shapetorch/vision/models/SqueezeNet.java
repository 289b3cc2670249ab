package dev.shapetorch.vision.models;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.UnaryModule;
import dev.shapetorch.nn.activation.ReLU;
import dev.shapetorch.nn.containers.Sequential;
import dev.shapetorch.nn.conv.Conv2d;
import dev.shapetorch.nn.dropout.Dropout;
import dev.shapetorch.nn.init.Init;
import dev.shapetorch.nn.pooling.AdaptiveAvgPool2d;
import dev.shapetorch.nn.pooling.MaxPool2d;
import dev.shapetorch.shapes.Dim;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.NoGradScope;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/**
 * SqueezeNet (Iandola et al.), as torchvision's {@code squeezenet1_0} and {@code squeezenet1_1}:
 * {@code features} (a strided stem convolution, {@link Fire} modules and 3x3 stride-2 max
 * poolings that round up) and {@code classifier} (Dropout, a 1x1 convolution to the classes,
 * ReLU, adaptive average pooling to 1x1). Parameter names equal torchvision's ({@code
 * features.0.weight}, {@code features.3.squeeze.weight}, {@code classifier.1.bias}, ...).
 * Initialised as torchvision does: Kaiming-uniform convolutions, N(0, 0.01) for the final one,
 * zero biases.
 *
 * <pre>{@code
 * SqueezeNet net = SqueezeNet.squeezenet1_1();     // 1,235,496 parameters, 1000 classes
 * }</pre>
 *
 * <p>Type: {@code @Shape({"Classes"}) SqueezeNet}, the number of classes, as the builders declare
 * it from their argument, so that the checker types {@code SqueezeNet.squeezenet1_1(10).forward(x)}
 * as {@code [B, 10]}.
 *
 * <p>Shape: {@code [B, 3, H, W] -> [B, classes]} for H, W of at least 21 (1.0) or 17 (1.1).
 *
 * @param features the convolutional part
 * @param classifier dropout, the final 1x1 convolution, ReLU and pooling
 */
public record SqueezeNet(Sequential features, Sequential classifier) implements UnaryModule {

  /**
   * Checks the components.
   *
   * @throws IllegalArgumentException naming the component that is null
   */
  public SqueezeNet {
    Arguments.requireNonNull(features, "features");
    Arguments.requireNonNull(classifier, "classifier");
  }

  /**
   * SqueezeNet 1.0 (a 7x7 stem of 96 channels); 1,248,424 parameters for 1000 classes.
   *
   * <p>Shape: {@code [B, 3, H, W] -> [B, numClasses]}.
   *
   * @throws IllegalArgumentException if {@code numClasses} is not positive
   */
  public static @Shape({"numClasses"}) SqueezeNet squeezenet1_0(@Dim int numClasses) {
    ResNet.requirePositive(numClasses);
    Sequential features = new Sequential(
        new Conv2d(3, 96, 7, 2), new ReLU(), pool(),
        Fire.create(96, 16, 64, 64), Fire.create(128, 16, 64, 64),
        Fire.create(128, 32, 128, 128), pool(),
        Fire.create(256, 32, 128, 128), Fire.create(256, 48, 192, 192),
        Fire.create(384, 48, 192, 192), Fire.create(384, 64, 256, 256), pool(),
        Fire.create(512, 64, 256, 256));
    return create(features, numClasses);
  }

  /**
   * {@link #squeezenet1_0(int)} with PyTorch's default of 1000 classes.
   *
   * <p>Shape: {@code [B, 3, H, W] -> [B, 1000]}.
   */
  public static @Shape({"1000"}) SqueezeNet squeezenet1_0() {
    return squeezenet1_0(1000);
  }

  /**
   * SqueezeNet 1.1 (a 3x3 stem of 64 channels, earlier pooling: about 2.4 times less computation
   * than 1.0); 1,235,496 parameters for 1000 classes.
   *
   * <p>Shape: {@code [B, 3, H, W] -> [B, numClasses]}.
   *
   * @throws IllegalArgumentException if {@code numClasses} is not positive
   */
  public static @Shape({"numClasses"}) SqueezeNet squeezenet1_1(@Dim int numClasses) {
    ResNet.requirePositive(numClasses);
    Sequential features = new Sequential(
        new Conv2d(3, 64, 3, 2), new ReLU(), pool(),
        Fire.create(64, 16, 64, 64), Fire.create(128, 16, 64, 64), pool(),
        Fire.create(128, 32, 128, 128), Fire.create(256, 32, 128, 128), pool(),
        Fire.create(256, 48, 192, 192), Fire.create(384, 48, 192, 192),
        Fire.create(384, 64, 256, 256), Fire.create(512, 64, 256, 256));
    return create(features, numClasses);
  }

  /**
   * {@link #squeezenet1_1(int)} with PyTorch's default of 1000 classes.
   *
   * <p>Shape: {@code [B, 3, H, W] -> [B, 1000]}.
   */
  public static @Shape({"1000"}) SqueezeNet squeezenet1_1() {
    return squeezenet1_1(1000);
  }

  private static MaxPool2d pool() {
    return new MaxPool2d(3, 3, 2, 2, 0, 0, 1, 1, true);
  }

  private static SqueezeNet create(Sequential features, int numClasses) {
    Conv2d finalConv = new Conv2d(512, numClasses, 1);
    SqueezeNet net = new SqueezeNet(features, new Sequential(new Dropout(0.5), finalConv,
        new ReLU(), new AdaptiveAvgPool2d(1)));
    try (NoGradScope ng = Torch.noGrad()) {
      for (var m : net.modules()) {
        if (m instanceof Conv2d conv) {
          if (conv == finalConv) {
            Init.normal_(conv.weight().get(), 0.0, 0.01);
          } else {
            Init.kaimingUniform_(conv.weight().get());
          }
          Init.zeros_(conv.bias().get());
        }
      }
    }
    return net;
  }

  @Override
  public void visitChildren(ModuleVisitor v) {
    Arguments.requireNonNull(v, "v");
    v.module("features", features);
    v.module("classifier", classifier);
  }

  /**
   * The class scores.
   *
   * <p>Shape: {@code [B, 3, H, W] -> [B, classes]}.
   */
  @Override
  public @Shape({"B", "Classes"}) Tensor forward(
      @Shape({"Classes"}) SqueezeNet this, @Shape({"B", "3", "H", "W"}) Tensor x) {
    Arguments.requireNonNull(x, "x");
    @Shape({"B", "_", "1", "1"}) Tensor pooled = classifier.forward(features.forward(x));
    return pooled.flatten(1, -1);
  }
}
