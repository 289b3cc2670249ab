package dev.shapetorch.vision.models;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.UnaryModule;
import dev.shapetorch.nn.activation.ReLU;
import dev.shapetorch.nn.containers.ModuleList;
import dev.shapetorch.nn.conv.Conv2d;
import dev.shapetorch.nn.init.FanMode;
import dev.shapetorch.nn.init.Init;
import dev.shapetorch.nn.init.Nonlinearity;
import dev.shapetorch.nn.linear.Linear;
import dev.shapetorch.nn.normalization.BatchNorm2d;
import dev.shapetorch.nn.pooling.AdaptiveAvgPool2d;
import dev.shapetorch.nn.pooling.MaxPool2d;
import dev.shapetorch.shapes.Dim;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.NoGradScope;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.util.ArrayList;
import java.util.List;

/**
 * ResNet (He et al.), the wide ResNets (Zagoruyko and Komodakis) and ResNeXt (Xie et al.), as
 * torchvision builds them: a 7x7 stride-2 stem with batch norm and 3x3 max pooling, four stages
 * of residual blocks (64, 128, 256, 512 planes; stages 2-4 halve the resolution), global average
 * pooling and a linear classifier. {@code resnet18} and {@code resnet34} use {@link BasicBlock}s
 * (512 features), the others {@link Bottleneck}s (2048 features; the wide ResNets double the
 * bottleneck width, ResNeXt groups its 3x3 convolutions). Parameter and buffer names equal torchvision's ({@code conv1.weight}, {@code
 * bn1.running_mean}, {@code layer1.0.conv1.weight}, {@code layer2.0.downsample.0.weight}, {@code
 * fc.bias}, ...), so a torchvision state dict loads into it. Initialised as torchvision does
 * (Kaiming-normal convolutions with fan-out, unit batch-norm weights).
 *
 * <pre>{@code
 * ResNet net = ResNet.resnet50();        // 25,557,032 parameters, 1000 classes
 * Tensor logits = net.forward(images);    // [B, 3, 224, 224] -> [B, 1000]
 * }</pre>
 *
 * <p>Type: {@code @Shape({"Classes"}) ResNet}, the number of classes, as every builder ({@link
 * #resnet18}, {@link #resnet50}, {@link #resnext50_32x4d}, ...) declares it from its argument, so
 * that the checker types {@code ResNet.resnet50(10).forward(x)} as {@code [B, 10]}; the no-argument
 * builders give PyTorch's 1000 classes.
 *
 * <p>Shape: {@code [B, 3, H, W] -> [B, classes]}.
 *
 * @param conv1 the stem: 3 -> 64, 7x7, stride 2, padding 3, no bias
 * @param bn1 batch norm of 64
 * @param relu the activation
 * @param maxpool 3x3, stride 2, padding 1
 * @param layer1 blocks ({@link BasicBlock} or {@link Bottleneck}) of 64 planes
 * @param layer2 blocks of 128 planes, the first with stride 2
 * @param layer3 blocks of 256 planes, the first with stride 2
 * @param layer4 blocks of 512 planes, the first with stride 2
 * @param avgpool adaptive average pooling to 1x1
 * @param fc 512 (basic blocks) or 2048 (bottlenecks) -> classes
 */
public record ResNet(
    @Shape({"3", "64", "7", "7", "2", "2", "3", "3", "1", "1"}) Conv2d conv1,
    @Shape({"64"}) BatchNorm2d bn1,
    ReLU relu,
    MaxPool2d maxpool,
    ModuleList<UnaryModule> layer1,
    ModuleList<UnaryModule> layer2,
    ModuleList<UnaryModule> layer3,
    ModuleList<UnaryModule> layer4,
    @Shape({"1", "1"}) AdaptiveAvgPool2d avgpool,
    @Shape({"_", "_"}) Linear fc) implements UnaryModule {

  /**
   * Checks the components.
   *
   * @throws IllegalArgumentException naming the component that is null
   */
  public ResNet {
    Arguments.requireNonNull(conv1, "conv1");
    Arguments.requireNonNull(bn1, "bn1");
    Arguments.requireNonNull(relu, "relu");
    Arguments.requireNonNull(maxpool, "maxpool");
    Arguments.requireNonNull(layer1, "layer1");
    Arguments.requireNonNull(layer2, "layer2");
    Arguments.requireNonNull(layer3, "layer3");
    Arguments.requireNonNull(layer4, "layer4");
    Arguments.requireNonNull(avgpool, "avgpool");
    Arguments.requireNonNull(fc, "fc");
  }

  /**
   * ResNet-18: basic blocks, 2, 2, 2, 2 per stage; 11,689,512 parameters for 1000 classes.
   *
   * <p>Shape: {@code [B, 3, H, W] -> [B, numClasses]}.
   *
   * @throws IllegalArgumentException if {@code numClasses} is not positive
   */
  public static @Shape({"numClasses"}) ResNet resnet18(@Dim int numClasses) {
    return create(false, new int[] {2, 2, 2, 2}, 1, 64, numClasses);
  }

  /**
   * {@link #resnet18(int)} with PyTorch's default of 1000 classes.
   *
   * <p>Shape: {@code [B, 3, H, W] -> [B, 1000]}.
   */
  public static @Shape({"1000"}) ResNet resnet18() {
    return resnet18(1000);
  }

  /**
   * ResNet-34: basic blocks, 3, 4, 6, 3 per stage; 21,797,672 parameters for 1000 classes.
   *
   * <p>Shape: {@code [B, 3, H, W] -> [B, numClasses]}.
   *
   * @throws IllegalArgumentException if {@code numClasses} is not positive
   */
  public static @Shape({"numClasses"}) ResNet resnet34(@Dim int numClasses) {
    return create(false, new int[] {3, 4, 6, 3}, 1, 64, numClasses);
  }

  /**
   * {@link #resnet34(int)} with PyTorch's default of 1000 classes.
   *
   * <p>Shape: {@code [B, 3, H, W] -> [B, 1000]}.
   */
  public static @Shape({"1000"}) ResNet resnet34() {
    return resnet34(1000);
  }

  /**
   * ResNet-50: bottlenecks, 3, 4, 6, 3 per stage; 25,557,032 parameters for 1000 classes.
   *
   * <p>Shape: {@code [B, 3, H, W] -> [B, numClasses]}.
   *
   * @throws IllegalArgumentException if {@code numClasses} is not positive
   */
  public static @Shape({"numClasses"}) ResNet resnet50(@Dim int numClasses) {
    return create(true, new int[] {3, 4, 6, 3}, 1, 64, numClasses);
  }

  /**
   * {@link #resnet50(int)} with PyTorch's default of 1000 classes.
   *
   * <p>Shape: {@code [B, 3, H, W] -> [B, 1000]}.
   */
  public static @Shape({"1000"}) ResNet resnet50() {
    return resnet50(1000);
  }

  /**
   * ResNet-101: bottlenecks, 3, 4, 23, 3 per stage; 44,549,160 parameters for 1000 classes.
   *
   * <p>Shape: {@code [B, 3, H, W] -> [B, numClasses]}.
   *
   * @throws IllegalArgumentException if {@code numClasses} is not positive
   */
  public static @Shape({"numClasses"}) ResNet resnet101(@Dim int numClasses) {
    return create(true, new int[] {3, 4, 23, 3}, 1, 64, numClasses);
  }

  /**
   * {@link #resnet101(int)} with PyTorch's default of 1000 classes.
   *
   * <p>Shape: {@code [B, 3, H, W] -> [B, 1000]}.
   */
  public static @Shape({"1000"}) ResNet resnet101() {
    return resnet101(1000);
  }

  /**
   * ResNet-152: bottlenecks, 3, 8, 36, 3 per stage; 60,192,808 parameters for 1000 classes.
   *
   * <p>Shape: {@code [B, 3, H, W] -> [B, numClasses]}.
   *
   * @throws IllegalArgumentException if {@code numClasses} is not positive
   */
  public static @Shape({"numClasses"}) ResNet resnet152(@Dim int numClasses) {
    return create(true, new int[] {3, 8, 36, 3}, 1, 64, numClasses);
  }

  /**
   * {@link #resnet152(int)} with PyTorch's default of 1000 classes.
   *
   * <p>Shape: {@code [B, 3, H, W] -> [B, 1000]}.
   */
  public static @Shape({"1000"}) ResNet resnet152() {
    return resnet152(1000);
  }

  /**
   * Wide ResNet-50-2: ResNet-50 with bottlenecks twice as wide (128 channels per group); 68,883,240 parameters for 1000 classes.
   *
   * <p>Shape: {@code [B, 3, H, W] -> [B, numClasses]}.
   *
   * @throws IllegalArgumentException if {@code numClasses} is not positive
   */
  public static @Shape({"numClasses"}) ResNet wide_resnet50_2(@Dim int numClasses) {
    return create(true, new int[] {3, 4, 6, 3}, 1, 128, numClasses);
  }

  /**
   * {@link #wide_resnet50_2(int)} with PyTorch's default of 1000 classes.
   *
   * <p>Shape: {@code [B, 3, H, W] -> [B, 1000]}.
   */
  public static @Shape({"1000"}) ResNet wide_resnet50_2() {
    return wide_resnet50_2(1000);
  }

  /**
   * Wide ResNet-101-2: ResNet-101 with bottlenecks twice as wide (128 channels per group); 126,886,696 parameters for 1000 classes.
   *
   * <p>Shape: {@code [B, 3, H, W] -> [B, numClasses]}.
   *
   * @throws IllegalArgumentException if {@code numClasses} is not positive
   */
  public static @Shape({"numClasses"}) ResNet wide_resnet101_2(@Dim int numClasses) {
    return create(true, new int[] {3, 4, 23, 3}, 1, 128, numClasses);
  }

  /**
   * {@link #wide_resnet101_2(int)} with PyTorch's default of 1000 classes.
   *
   * <p>Shape: {@code [B, 3, H, W] -> [B, 1000]}.
   */
  public static @Shape({"1000"}) ResNet wide_resnet101_2() {
    return wide_resnet101_2(1000);
  }

  /**
   * ResNeXt-50 32x4d: ResNet-50's stages, 3x3 convolutions of 32 groups of 4 channels (per 64 planes); 25,028,904 parameters for 1000 classes.
   *
   * <p>Shape: {@code [B, 3, H, W] -> [B, numClasses]}.
   *
   * @throws IllegalArgumentException if {@code numClasses} is not positive
   */
  public static @Shape({"numClasses"}) ResNet resnext50_32x4d(@Dim int numClasses) {
    return create(true, new int[] {3, 4, 6, 3}, 32, 4, numClasses);
  }

  /**
   * {@link #resnext50_32x4d(int)} with PyTorch's default of 1000 classes.
   *
   * <p>Shape: {@code [B, 3, H, W] -> [B, 1000]}.
   */
  public static @Shape({"1000"}) ResNet resnext50_32x4d() {
    return resnext50_32x4d(1000);
  }

  /**
   * ResNeXt-101 32x8d: ResNet-101's stages, 3x3 convolutions of 32 groups of 8 channels (per 64 planes); 88,791,336 parameters for 1000 classes.
   *
   * <p>Shape: {@code [B, 3, H, W] -> [B, numClasses]}.
   *
   * @throws IllegalArgumentException if {@code numClasses} is not positive
   */
  public static @Shape({"numClasses"}) ResNet resnext101_32x8d(@Dim int numClasses) {
    return create(true, new int[] {3, 4, 23, 3}, 32, 8, numClasses);
  }

  /**
   * {@link #resnext101_32x8d(int)} with PyTorch's default of 1000 classes.
   *
   * <p>Shape: {@code [B, 3, H, W] -> [B, 1000]}.
   */
  public static @Shape({"1000"}) ResNet resnext101_32x8d() {
    return resnext101_32x8d(1000);
  }

  /**
   * ResNeXt-101 64x4d: ResNet-101's stages, 3x3 convolutions of 64 groups of 4 channels (per 64 planes); 83,455,272 parameters for 1000 classes.
   *
   * <p>Shape: {@code [B, 3, H, W] -> [B, numClasses]}.
   *
   * @throws IllegalArgumentException if {@code numClasses} is not positive
   */
  public static @Shape({"numClasses"}) ResNet resnext101_64x4d(@Dim int numClasses) {
    return create(true, new int[] {3, 4, 23, 3}, 64, 4, numClasses);
  }

  /**
   * {@link #resnext101_64x4d(int)} with PyTorch's default of 1000 classes.
   *
   * <p>Shape: {@code [B, 3, H, W] -> [B, 1000]}.
   */
  public static @Shape({"1000"}) ResNet resnext101_64x4d() {
    return resnext101_64x4d(1000);
  }

  private static ResNet create(boolean bottleneck, int[] blocks, int groups, int widthPerGroup,
      int numClasses) {
    requirePositive(numClasses);
    int expansion = bottleneck ? Bottleneck.EXPANSION : 1;
    List<ModuleList<UnaryModule>> stages = new ArrayList<>();
    long in = 64;
    for (int i = 0; i < 4; i++) {
      long planes = 64L << i;
      List<UnaryModule> list = new ArrayList<>();
      for (int b = 0; b < blocks[i]; b++) {
        long stride = i > 0 && b == 0 ? 2 : 1;
        list.add(bottleneck ? Bottleneck.create(in, planes, stride, groups, widthPerGroup)
            : BasicBlock.create(in, planes, stride));
        in = planes * expansion;
      }
      stages.add(new ModuleList<>(list));
    }
    ResNet net = new ResNet(new Conv2d(3, 64, 7, 7, 2, 2, 3, 3, 1, 1, 1, false),
        new BatchNorm2d(64), new ReLU(), new MaxPool2d(3, 2, 1),
        stages.get(0), stages.get(1), stages.get(2), stages.get(3),
        new AdaptiveAvgPool2d(1), new Linear(512L * expansion, numClasses));
    try (NoGradScope ng = Torch.noGrad()) {
      for (var m : net.modules()) {
        if (m instanceof Conv2d conv) {
          Init.kaimingNormal_(conv.weight().get(), 0.0, FanMode.FAN_OUT, Nonlinearity.RELU);
        }
      }
    }
    return net;
  }

  /** Checked before any layer is built (a ResNet has millions of parameters to initialise). */
  static void requirePositive(int numClasses) {
    if (numClasses < 1) {
      throw Arguments.invalid(null, "numClasses must be positive, got " + numClasses);
    }
  }

  @Override
  public void visitChildren(ModuleVisitor v) {
    Arguments.requireNonNull(v, "v");
    v.module("conv1", conv1);
    v.module("bn1", bn1);
    v.module("relu", relu);
    v.module("maxpool", maxpool);
    v.module("layer1", layer1);
    v.module("layer2", layer2);
    v.module("layer3", layer3);
    v.module("layer4", layer4);
    v.module("avgpool", avgpool);
    v.module("fc", fc);
  }

  /**
   * The class scores.
   *
   * <p>Shape: {@code [B, 3, H, W] -> [B, classes]}.
   */
  @Override
  public @Shape({"B", "Classes"}) Tensor forward(
      @Shape({"Classes"}) ResNet this, @Shape({"B", "3", "H", "W"}) Tensor x) {
    Arguments.requireNonNull(x, "x");
    Tensor h = maxpool.forward(relu.forward(bn1.forward(conv1.forward(x))));
    for (ModuleList<UnaryModule> stage : List.of(layer1, layer2, layer3, layer4)) {
      for (UnaryModule block : stage) {
        h = block.forward(h);
      }
    }
    @Shape({"B", "_", "1", "1"}) Tensor pooled = avgpool.forward(h);
    @Shape({"B", "_"}) Tensor flat = pooled.flatten(1, -1);
    return fc.forward(flat);
  }
}
