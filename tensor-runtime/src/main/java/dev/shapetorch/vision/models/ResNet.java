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
 * ResNet (He et al.) with basic blocks, as torchvision's {@code resnet18} and {@code resnet34}:
 * a 7x7 stride-2 stem with batch norm and 3x3 max pooling, four stages of {@link BasicBlock}s
 * (64, 128, 256, 512 channels; stages 2-4 halve the resolution), global average pooling and a
 * linear classifier. Parameter and buffer names equal torchvision's ({@code conv1.weight}, {@code
 * bn1.running_mean}, {@code layer1.0.conv1.weight}, {@code layer2.0.downsample.0.weight}, {@code
 * fc.bias}, ...), so a torchvision state dict loads into it. Initialised as torchvision does
 * (Kaiming-normal convolutions with fan-out, unit batch-norm weights).
 *
 * <pre>{@code
 * ResNet net = ResNet.resnet18(1000);     // 11,689,512 parameters
 * Tensor logits = net.forward(images);    // [B, 3, 224, 224] -> [B, 1000]
 * }</pre>
 *
 * <p>Type: {@code @Shape({"Classes"}) ResNet}, the number of classes, as {@link #resnet18} and
 * {@link #resnet34} declare it from their argument, so that the checker types {@code
 * ResNet.resnet18(10).forward(x)} as {@code [B, 10]}.
 *
 * <p>Shape: {@code [B, 3, H, W] -> [B, classes]}.
 *
 * @param conv1 the stem: 3 -> 64, 7x7, stride 2, padding 3, no bias
 * @param bn1 batch norm of 64
 * @param relu the activation
 * @param maxpool 3x3, stride 2, padding 1
 * @param layer1 blocks at 64 channels
 * @param layer2 blocks at 128 channels, the first with stride 2
 * @param layer3 blocks at 256 channels, the first with stride 2
 * @param layer4 blocks at 512 channels, the first with stride 2
 * @param avgpool adaptive average pooling to 1x1
 * @param fc 512 -> classes
 */
public record ResNet(
    @Shape({"3", "64", "7", "7", "2", "2", "3", "3", "1", "1"}) Conv2d conv1,
    @Shape({"64"}) BatchNorm2d bn1,
    ReLU relu,
    MaxPool2d maxpool,
    ModuleList<BasicBlock> layer1,
    ModuleList<BasicBlock> layer2,
    ModuleList<BasicBlock> layer3,
    ModuleList<BasicBlock> layer4,
    @Shape({"1", "1"}) AdaptiveAvgPool2d avgpool,
    @Shape({"512", "_"}) Linear fc) implements UnaryModule {

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
   * ResNet-18: 2, 2, 2, 2 blocks.
   *
   * @throws IllegalArgumentException if {@code numClasses} is not positive
   */
  public static @Shape({"numClasses"}) ResNet resnet18(@Dim int numClasses) {
    return create(new int[] {2, 2, 2, 2}, numClasses);
  }

  /**
   * ResNet-34: 3, 4, 6, 3 blocks.
   *
   * @throws IllegalArgumentException if {@code numClasses} is not positive
   */
  public static @Shape({"numClasses"}) ResNet resnet34(@Dim int numClasses) {
    return create(new int[] {3, 4, 6, 3}, numClasses);
  }

  private static ResNet create(int[] blocks, int numClasses) {
    requirePositive(numClasses);
    ResNet net = new ResNet(new Conv2d(3, 64, 7, 7, 2, 2, 3, 3, 1, 1, 1, false),
        new BatchNorm2d(64), new ReLU(), new MaxPool2d(3, 2, 1),
        stage(64, 64, blocks[0], 1), stage(64, 128, blocks[1], 2),
        stage(128, 256, blocks[2], 2), stage(256, 512, blocks[3], 2),
        new AdaptiveAvgPool2d(1), new Linear(512, numClasses));
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

  private static ModuleList<BasicBlock> stage(long in, long planes, int n, long stride) {
    List<BasicBlock> list = new ArrayList<>();
    list.add(BasicBlock.create(in, planes, stride));
    for (int i = 1; i < n; i++) {
      list.add(BasicBlock.create(planes, planes, 1));
    }
    return new ModuleList<>(list);
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
    for (ModuleList<BasicBlock> stage : List.of(layer1, layer2, layer3, layer4)) {
      for (BasicBlock block : stage) {
        h = block.forward(h);
      }
    }
    @Shape({"B", "512", "1", "1"}) Tensor pooled = avgpool.forward(h);
    @Shape({"B", "512"}) Tensor flat = pooled.flatten(1, -1);
    return fc.forward(flat);
  }
}
