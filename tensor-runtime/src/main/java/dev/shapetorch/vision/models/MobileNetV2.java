package dev.shapetorch.vision.models;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.UnaryModule;
import dev.shapetorch.nn.activation.ReLU6;
import dev.shapetorch.nn.containers.Sequential;
import dev.shapetorch.nn.dropout.Dropout;
import dev.shapetorch.nn.linear.Linear;
import dev.shapetorch.shapes.Dim;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.util.ArrayList;
import java.util.List;

/**
 * MobileNetV2 (Sandler et al.) as torchvision's {@code mobilenet_v2}: {@code features} (a 3x3
 * stride-2 convolution to 32 channels, 17 {@link InvertedResidual} blocks, a 1x1 convolution to
 * 1280 channels, each convolution with batch norm and ReLU6), global average pooling and {@code
 * classifier} (Dropout 0.2, Linear 1280-classes). Parameter and buffer names equal torchvision's
 * ({@code features.0.0.weight}, {@code features.1.conv.0.0.weight}, {@code
 * features.18.1.running_var}, {@code classifier.1.weight}, ...), so a torchvision state dict
 * loads into it. Initialised as torchvision does (Kaiming-normal convolutions with fan-out,
 * {@code N(0, 0.01)} linear weights, zero biases).
 *
 * <pre>{@code
 * MobileNetV2 net = MobileNetV2.mobilenet_v2();   // 3,504,872 parameters
 * Tensor logits = net.forward(images);            // [B, 3, 224, 224] -> [B, 1000]
 * }</pre>
 *
 * <p>Type: {@code @Shape({"Classes"}) MobileNetV2}, the number of classes, as the builders
 * declare it, so that the checker types {@code MobileNetV2.mobilenet_v2(10).forward(x)} as
 * {@code [B, 10]}.
 *
 * <p>Shape: {@code [B, 3, H, W] -> [B, classes]}.
 *
 * @param features the convolutional part
 * @param classifier dropout and the linear layer
 */
public record MobileNetV2(Sequential features, Sequential classifier) implements UnaryModule {

  /** Expansion ratio, output channels, repeats, first stride of each stage (torchvision's). */
  private static final int[][] SETTINGS = {
      {1, 16, 1, 1}, {6, 24, 2, 2}, {6, 32, 3, 2}, {6, 64, 4, 2}, {6, 96, 3, 1},
      {6, 160, 3, 2}, {6, 320, 1, 1}};

  /**
   * Checks the components.
   *
   * @throws IllegalArgumentException naming the component that is null
   */
  public MobileNetV2 {
    Arguments.requireNonNull(features, "features");
    Arguments.requireNonNull(classifier, "classifier");
  }

  /** MobileNetV2 with PyTorch's default of 1000 classes. */
  public static @Shape({"1000"}) MobileNetV2 mobilenet_v2() {
    return mobilenet_v2(1000);
  }

  /**
   * MobileNetV2 (width 1.0) with {@code numClasses} outputs.
   *
   * @throws IllegalArgumentException if {@code numClasses} is not positive
   */
  public static @Shape({"numClasses"}) MobileNetV2 mobilenet_v2(@Dim int numClasses) {
    ResNet.requirePositive(numClasses);
    List<UnaryModule> layers = new ArrayList<>();
    long in = 32;
    layers.add(Blocks.convNormAct(3, in, 3, 2, 1, 1e-5, 0.1, new ReLU6()));
    for (int[] s : SETTINGS) {
      for (int i = 0; i < s[2]; i++) {
        layers.add(InvertedResidual.create(in, s[1], i == 0 ? s[3] : 1, s[0]));
        in = s[1];
      }
    }
    layers.add(Blocks.convNormAct(in, 1280, 1, 1, 1, 1e-5, 0.1, new ReLU6()));
    MobileNetV2 net = new MobileNetV2(new Sequential(layers),
        new Sequential(new Dropout(0.2), new Linear(1280, numClasses)));
    Blocks.initialise(net, 0.01);
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
      @Shape({"Classes"}) MobileNetV2 this, @Shape({"B", "3", "H", "W"}) Tensor x) {
    Arguments.requireNonNull(x, "x");
    @Shape({"B", "1280", "1", "1"}) Tensor pooled =
        Torch.adaptiveAvgPool2d(features.forward(x), 1, 1);
    @Shape({"B", "1280"}) Tensor flat = pooled.flatten(1, -1);
    return classifier.forward(flat);
  }
}
