package dev.shapetorch.vision.models;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.UnaryModule;
import dev.shapetorch.nn.activation.Hardswish;
import dev.shapetorch.nn.containers.Sequential;
import dev.shapetorch.nn.dropout.Dropout;
import dev.shapetorch.nn.linear.Linear;
import dev.shapetorch.nn.pooling.AdaptiveAvgPool2d;
import dev.shapetorch.shapes.Dim;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * MobileNetV3 (Howard et al.) as torchvision's {@code mobilenet_v3_large} and {@code
 * mobilenet_v3_small}: {@code features} (a 3x3 stride-2 convolution to 16 channels with
 * Hardswish, the {@link InvertedResidualV3} blocks of the paper's tables, a 1x1 convolution to six
 * times the last width with Hardswish; batch norm with eps 0.001 and momentum 0.01), {@code
 * avgpool} (to 1x1) and {@code classifier} (Linear, Hardswish, Dropout 0.2, Linear to the
 * classes). Parameter and buffer names equal torchvision's ({@code features.0.0.weight}, {@code
 * features.1.block.0.0.weight}, {@code features.4.block.2.fc1.weight}, {@code
 * classifier.3.bias}, ...). Initialised as torchvision does (Kaiming-normal convolutions with
 * fan-out, {@code N(0, 0.01)} linear weights, zero biases).
 *
 * <pre>{@code
 * MobileNetV3 net = MobileNetV3.mobilenet_v3_small();   // 2,542,856 parameters
 * Tensor logits = net.forward(images);                  // [B, 3, 224, 224] -> [B, 1000]
 * }</pre>
 *
 * <p>Type: {@code @Shape({"Classes"}) MobileNetV3}, the number of classes, as the builders
 * declare it, so that the checker types {@code MobileNetV3.mobilenet_v3_small(10).forward(x)} as
 * {@code [B, 10]}.
 *
 * <p>Shape: {@code [B, 3, H, W] -> [B, classes]}.
 *
 * @param features the convolutional part
 * @param avgpool adaptive average pooling to 1x1
 * @param classifier the fully connected part
 */
public record MobileNetV3(Sequential features, @Shape({"1", "1"}) AdaptiveAvgPool2d avgpool,
    Sequential classifier) implements UnaryModule {

  /** in, kernel, expanded, out, squeeze-excitation, Hardswish, stride: the large table. */
  private static final int[][] LARGE = {
      {16, 3, 16, 16, 0, 0, 1}, {16, 3, 64, 24, 0, 0, 2}, {24, 3, 72, 24, 0, 0, 1},
      {24, 5, 72, 40, 1, 0, 2}, {40, 5, 120, 40, 1, 0, 1}, {40, 5, 120, 40, 1, 0, 1},
      {40, 3, 240, 80, 0, 1, 2}, {80, 3, 200, 80, 0, 1, 1}, {80, 3, 184, 80, 0, 1, 1},
      {80, 3, 184, 80, 0, 1, 1}, {80, 3, 480, 112, 1, 1, 1}, {112, 3, 672, 112, 1, 1, 1},
      {112, 5, 672, 160, 1, 1, 2}, {160, 5, 960, 160, 1, 1, 1}, {160, 5, 960, 160, 1, 1, 1}};

  /** The small table, as {@link #LARGE}. */
  private static final int[][] SMALL = {
      {16, 3, 16, 16, 1, 0, 2}, {16, 3, 72, 24, 0, 0, 2}, {24, 3, 88, 24, 0, 0, 1},
      {24, 5, 96, 40, 1, 1, 2}, {40, 5, 240, 40, 1, 1, 1}, {40, 5, 240, 40, 1, 1, 1},
      {40, 5, 120, 48, 1, 1, 1}, {48, 5, 144, 48, 1, 1, 1}, {48, 5, 288, 96, 1, 1, 2},
      {96, 5, 576, 96, 1, 1, 1}, {96, 5, 576, 96, 1, 1, 1}};

  /**
   * Checks the components.
   *
   * @throws IllegalArgumentException naming the component that is null
   */
  public MobileNetV3 {
    Arguments.requireNonNull(features, "features");
    Arguments.requireNonNull(avgpool, "avgpool");
    Arguments.requireNonNull(classifier, "classifier");
  }

  /** MobileNetV3-Large with PyTorch's default of 1000 classes. */
  public static @Shape({"1000"}) MobileNetV3 mobilenet_v3_large() {
    return mobilenet_v3_large(1000);
  }

  /**
   * MobileNetV3-Large (width 1.0, 1280 hidden units in the classifier) with {@code numClasses}
   * outputs.
   *
   * @throws IllegalArgumentException if {@code numClasses} is not positive
   */
  public static @Shape({"numClasses"}) MobileNetV3 mobilenet_v3_large(@Dim int numClasses) {
    ResNet.requirePositive(numClasses);
    return create(LARGE, 1280, numClasses);
  }

  /** MobileNetV3-Small with PyTorch's default of 1000 classes. */
  public static @Shape({"1000"}) MobileNetV3 mobilenet_v3_small() {
    return mobilenet_v3_small(1000);
  }

  /**
   * MobileNetV3-Small (width 1.0, 1024 hidden units in the classifier) with {@code numClasses}
   * outputs.
   *
   * @throws IllegalArgumentException if {@code numClasses} is not positive
   */
  public static @Shape({"numClasses"}) MobileNetV3 mobilenet_v3_small(@Dim int numClasses) {
    ResNet.requirePositive(numClasses);
    return create(SMALL, 1024, numClasses);
  }

  private static MobileNetV3 create(int[][] table, long lastChannel, int numClasses) {
    List<UnaryModule> layers = new ArrayList<>();
    layers.add(Blocks.convNormAct(3, table[0][0], 3, 2, 1, 1e-3, 0.01, new Hardswish()));
    for (int[] r : table) {
      layers.add(InvertedResidualV3.create(r[0], r[1], r[2], r[3], r[4] == 1, r[5] == 1, r[6]));
    }
    long lastIn = table[table.length - 1][3];
    long lastOut = 6 * lastIn;
    layers.add(Blocks.convNormAct(lastIn, lastOut, 1, 1, 1, 1e-3, 0.01, new Hardswish()));
    Sequential classifier = new Sequential(new Linear(lastOut, lastChannel), new Hardswish(),
        new Dropout(0.2), new Linear(lastChannel, numClasses));
    MobileNetV3 net = new MobileNetV3(new Sequential(layers), new AdaptiveAvgPool2d(1),
        classifier);
    Blocks.initialise(net, 0.01);
    return net;
  }

  @Override
  public void visitChildren(ModuleVisitor v) {
    Arguments.requireNonNull(v, "v");
    v.module("features", features);
    v.module("avgpool", avgpool);
    v.module("classifier", classifier);
  }

  /**
   * The class scores.
   *
   * <p>Shape: {@code [B, 3, H, W] -> [B, classes]}.
   */
  @Override
  public @Shape({"B", "Classes"}) Tensor forward(
      @Shape({"Classes"}) MobileNetV3 this, @Shape({"B", "3", "H", "W"}) Tensor x) {
    Arguments.requireNonNull(x, "x");
    @Shape({"B", "_", "1", "1"}) Tensor pooled = avgpool.forward(features.forward(x));
    @Shape({"B", "_"}) Tensor flat = pooled.flatten(1, -1);
    return classifier.forward(flat);
  }
}
