package dev.shapetorch.vision.models;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.UnaryModule;
import dev.shapetorch.nn.activation.SiLU;
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
 * EfficientNet (Tan and Le) B0 to B7 as torchvision builds them: {@code features} (a 3x3
 * stride-2 convolution with SiLU, seven stages of {@link MBConv} blocks, a 1x1 convolution to
 * four times the last width with SiLU), {@code avgpool} (to 1x1) and {@code classifier}
 * (Dropout, Linear to the classes). B1 to B7 scale B0's widths ({@code makeDivisible(c * width,
 * 8)}), depths ({@code ceil(n * depth)}) and classifier dropout; the blocks' stochastic depth
 * grows linearly from 0 to 0.2 over the network; B5 to B7 use batch norm with eps 0.001 and
 * momentum 0.01, the others PyTorch's defaults. Parameter and buffer names equal torchvision's
 * ({@code features.0.0.weight}, {@code features.1.0.block.0.0.weight}, {@code
 * features.2.0.block.2.fc1.bias}, {@code classifier.1.weight}, ...). Initialised as torchvision
 * does (Kaiming-normal convolutions with fan-out, linear weights {@code U(-r, r)} with {@code r =
 * 1/sqrt(classes)}, zero biases).
 *
 * <pre>{@code
 * EfficientNet net = EfficientNet.efficientnet_b0();   // 5,288,548 parameters
 * Tensor logits = net.forward(images);                 // [B, 3, 224, 224] -> [B, 1000]
 * }</pre>
 *
 * <p>Type: {@code @Shape({"Classes"}) EfficientNet}, the number of classes, as the builders
 * declare it, so that the checker types {@code EfficientNet.efficientnet_b0(10).forward(x)} as
 * {@code [B, 10]}.
 *
 * <p>Shape: {@code [B, 3, H, W] -> [B, classes]}.
 *
 * @param features the convolutional part
 * @param avgpool adaptive average pooling to 1x1
 * @param classifier dropout and the linear layer
 */
public record EfficientNet(Sequential features, @Shape({"1", "1"}) AdaptiveAvgPool2d avgpool,
    Sequential classifier) implements UnaryModule {

  /** B0's stages: expansion, kernel, stride, in, out, blocks (torchvision's MBConvConfig). */
  private static final int[][] STAGES = {
      {1, 3, 1, 32, 16, 1}, {6, 3, 2, 16, 24, 2}, {6, 5, 2, 24, 40, 2}, {6, 3, 2, 40, 80, 3},
      {6, 5, 1, 80, 112, 3}, {6, 5, 2, 112, 192, 4}, {6, 3, 1, 192, 320, 1}};

  private static final double STOCHASTIC_DEPTH_PROB = 0.2;

  /**
   * Checks the components.
   *
   * @throws IllegalArgumentException naming the component that is null
   */
  public EfficientNet {
    Arguments.requireNonNull(features, "features");
    Arguments.requireNonNull(avgpool, "avgpool");
    Arguments.requireNonNull(classifier, "classifier");
  }

  /** EfficientNet-B0 with PyTorch's default of 1000 classes. */
  public static @Shape({"1000"}) EfficientNet efficientnet_b0() {
    return efficientnet_b0(1000);
  }

  /**
   * EfficientNet-B0 (width 1.0, depth 1.0, dropout 0.2) with {@code numClasses} outputs.
   *
   * @throws IllegalArgumentException if {@code numClasses} is not positive
   */
  public static @Shape({"numClasses"}) EfficientNet efficientnet_b0(@Dim int numClasses) {
    return create(1.0, 1.0, 0.2, false, numClasses);
  }

  /** EfficientNet-B1 with PyTorch's default of 1000 classes. */
  public static @Shape({"1000"}) EfficientNet efficientnet_b1() {
    return efficientnet_b1(1000);
  }

  /**
   * EfficientNet-B1 (width 1.0, depth 1.1, dropout 0.2) with {@code numClasses} outputs.
   *
   * @throws IllegalArgumentException if {@code numClasses} is not positive
   */
  public static @Shape({"numClasses"}) EfficientNet efficientnet_b1(@Dim int numClasses) {
    return create(1.0, 1.1, 0.2, false, numClasses);
  }

  /** EfficientNet-B2 with PyTorch's default of 1000 classes. */
  public static @Shape({"1000"}) EfficientNet efficientnet_b2() {
    return efficientnet_b2(1000);
  }

  /**
   * EfficientNet-B2 (width 1.1, depth 1.2, dropout 0.3) with {@code numClasses} outputs.
   *
   * @throws IllegalArgumentException if {@code numClasses} is not positive
   */
  public static @Shape({"numClasses"}) EfficientNet efficientnet_b2(@Dim int numClasses) {
    return create(1.1, 1.2, 0.3, false, numClasses);
  }

  /** EfficientNet-B3 with PyTorch's default of 1000 classes. */
  public static @Shape({"1000"}) EfficientNet efficientnet_b3() {
    return efficientnet_b3(1000);
  }

  /**
   * EfficientNet-B3 (width 1.2, depth 1.4, dropout 0.3) with {@code numClasses} outputs.
   *
   * @throws IllegalArgumentException if {@code numClasses} is not positive
   */
  public static @Shape({"numClasses"}) EfficientNet efficientnet_b3(@Dim int numClasses) {
    return create(1.2, 1.4, 0.3, false, numClasses);
  }

  /** EfficientNet-B4 with PyTorch's default of 1000 classes. */
  public static @Shape({"1000"}) EfficientNet efficientnet_b4() {
    return efficientnet_b4(1000);
  }

  /**
   * EfficientNet-B4 (width 1.4, depth 1.8, dropout 0.4) with {@code numClasses} outputs.
   *
   * @throws IllegalArgumentException if {@code numClasses} is not positive
   */
  public static @Shape({"numClasses"}) EfficientNet efficientnet_b4(@Dim int numClasses) {
    return create(1.4, 1.8, 0.4, false, numClasses);
  }

  /** EfficientNet-B5 with PyTorch's default of 1000 classes. */
  public static @Shape({"1000"}) EfficientNet efficientnet_b5() {
    return efficientnet_b5(1000);
  }

  /**
   * EfficientNet-B5 (width 1.6, depth 2.2, dropout 0.4; batch norm eps 0.001, momentum 0.01)
   * with {@code numClasses} outputs.
   *
   * @throws IllegalArgumentException if {@code numClasses} is not positive
   */
  public static @Shape({"numClasses"}) EfficientNet efficientnet_b5(@Dim int numClasses) {
    return create(1.6, 2.2, 0.4, true, numClasses);
  }

  /** EfficientNet-B6 with PyTorch's default of 1000 classes. */
  public static @Shape({"1000"}) EfficientNet efficientnet_b6() {
    return efficientnet_b6(1000);
  }

  /**
   * EfficientNet-B6 (width 1.8, depth 2.6, dropout 0.5; batch norm eps 0.001, momentum 0.01)
   * with {@code numClasses} outputs.
   *
   * @throws IllegalArgumentException if {@code numClasses} is not positive
   */
  public static @Shape({"numClasses"}) EfficientNet efficientnet_b6(@Dim int numClasses) {
    return create(1.8, 2.6, 0.5, true, numClasses);
  }

  /** EfficientNet-B7 with PyTorch's default of 1000 classes. */
  public static @Shape({"1000"}) EfficientNet efficientnet_b7() {
    return efficientnet_b7(1000);
  }

  /**
   * EfficientNet-B7 (width 2.0, depth 3.1, dropout 0.5; batch norm eps 0.001, momentum 0.01)
   * with {@code numClasses} outputs.
   *
   * @throws IllegalArgumentException if {@code numClasses} is not positive
   */
  public static @Shape({"numClasses"}) EfficientNet efficientnet_b7(@Dim int numClasses) {
    return create(2.0, 3.1, 0.5, true, numClasses);
  }

  private static EfficientNet create(double width, double depth, double dropout,
      boolean slowNorm, int numClasses) {
    ResNet.requirePositive(numClasses);
    double eps = slowNorm ? 1e-3 : 1e-5;
    double momentum = slowNorm ? 0.01 : 0.1;
    int total = 0;
    for (int[] s : STAGES) {
      total += blocks(s[5], depth);
    }
    List<UnaryModule> layers = new ArrayList<>();
    long first = Blocks.makeDivisible(STAGES[0][3] * width, 8);
    layers.add(Blocks.convNormAct(3, first, 3, 2, 1, eps, momentum, new SiLU()));
    int id = 0;
    long out = first;
    for (int[] s : STAGES) {
      List<UnaryModule> stage = new ArrayList<>();
      long in = Blocks.makeDivisible(s[3] * width, 8);
      out = Blocks.makeDivisible(s[4] * width, 8);
      for (int i = 0; i < blocks(s[5], depth); i++) {
        double sd = STOCHASTIC_DEPTH_PROB * id / total;
        stage.add(MBConv.create(s[0], s[1], i == 0 ? s[2] : 1, i == 0 ? in : out, out, sd, eps,
            momentum));
        id++;
      }
      layers.add(new Sequential(stage));
    }
    long last = 4 * out;
    layers.add(Blocks.convNormAct(out, last, 1, 1, 1, eps, momentum, new SiLU()));
    EfficientNet net = new EfficientNet(new Sequential(layers), new AdaptiveAvgPool2d(1),
        new Sequential(new Dropout(dropout), new Linear(last, numClasses)));
    Blocks.initialise(net, 0.0);
    return net;
  }

  private static int blocks(int n, double depth) {
    return (int) Math.ceil(n * depth);
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
      @Shape({"Classes"}) EfficientNet this, @Shape({"B", "3", "H", "W"}) Tensor x) {
    Arguments.requireNonNull(x, "x");
    @Shape({"B", "_", "1", "1"}) Tensor pooled = avgpool.forward(features.forward(x));
    @Shape({"B", "_"}) Tensor flat = pooled.flatten(1, -1);
    return classifier.forward(flat);
  }
}
