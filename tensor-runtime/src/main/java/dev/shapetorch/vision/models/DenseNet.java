package dev.shapetorch.vision.models;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.UnaryModule;
import dev.shapetorch.nn.activation.ReLU;
import dev.shapetorch.nn.containers.Sequential;
import dev.shapetorch.nn.conv.Conv2d;
import dev.shapetorch.nn.init.Init;
import dev.shapetorch.nn.linear.Linear;
import dev.shapetorch.nn.normalization.BatchNorm2d;
import dev.shapetorch.nn.pooling.AdaptiveAvgPool2d;
import dev.shapetorch.nn.pooling.AvgPool2d;
import dev.shapetorch.nn.pooling.MaxPool2d;
import dev.shapetorch.shapes.Dim;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.NoGradScope;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * DenseNet (Huang et al.), as torchvision's {@code densenet121}, {@code densenet161}, {@code
 * densenet169} and {@code densenet201}: {@code features} (a 7x7 stride-2 stem {@code conv0},
 * {@code norm0}, {@code relu0}, {@code pool0}; four {@link DenseBlock}s {@code denseblock1..4}
 * with {@code transition1..3} between them (batch norm, ReLU, a 1x1 convolution halving the
 * channels, 2x2 average pooling); a final batch norm {@code norm5}), then ReLU, global average
 * pooling and the linear {@code classifier}. Parameter names equal torchvision's ({@code
 * features.denseblock1.denselayer1.norm1.weight}, {@code features.transition1.conv.weight},
 * {@code classifier.bias}, ...). Initialised as torchvision does: Kaiming-normal convolutions,
 * unit batch-norm weights, zero linear bias. Without dropout ({@code drop_rate=0}, torchvision's
 * default); the memory-efficient checkpointing option does not apply.
 *
 * <pre>{@code
 * DenseNet net = DenseNet.densenet121();     // 7,978,856 parameters, 1000 classes
 * }</pre>
 *
 * <p>Type: {@code @Shape({"Classes"}) DenseNet}, the number of classes, as the builders declare
 * it from their argument, so that the checker types {@code DenseNet.densenet121(10).forward(x)}
 * as {@code [B, 10]}.
 *
 * <p>Shape: {@code [B, 3, H, W] -> [B, classes]} for H, W of at least 29.
 *
 * @param features the stem, the dense blocks and transitions, and the final batch norm
 * @param classifier features -> classes
 */
public record DenseNet(Sequential features, Linear classifier) implements UnaryModule {

  /**
   * Checks the components.
   *
   * @throws IllegalArgumentException naming the component that is null
   */
  public DenseNet {
    Arguments.requireNonNull(features, "features");
    Arguments.requireNonNull(classifier, "classifier");
  }

  /**
   * DenseNet-121: growth rate 32, 6, 12, 24, 16 layers per block, 64 stem channels; 7,978,856
   * parameters for 1000 classes.
   *
   * <p>Shape: {@code [B, 3, H, W] -> [B, numClasses]}.
   *
   * @throws IllegalArgumentException if {@code numClasses} is not positive
   */
  public static @Shape({"numClasses"}) DenseNet densenet121(@Dim int numClasses) {
    return create(32, new int[] {6, 12, 24, 16}, 64, numClasses);
  }

  /**
   * {@link #densenet121(int)} with PyTorch's default of 1000 classes.
   *
   * <p>Shape: {@code [B, 3, H, W] -> [B, 1000]}.
   */
  public static @Shape({"1000"}) DenseNet densenet121() {
    return densenet121(1000);
  }

  /**
   * DenseNet-161: growth rate 48, 6, 12, 36, 24 layers per block, 96 stem channels; 28,681,000
   * parameters for 1000 classes.
   *
   * <p>Shape: {@code [B, 3, H, W] -> [B, numClasses]}.
   *
   * @throws IllegalArgumentException if {@code numClasses} is not positive
   */
  public static @Shape({"numClasses"}) DenseNet densenet161(@Dim int numClasses) {
    return create(48, new int[] {6, 12, 36, 24}, 96, numClasses);
  }

  /**
   * {@link #densenet161(int)} with PyTorch's default of 1000 classes.
   *
   * <p>Shape: {@code [B, 3, H, W] -> [B, 1000]}.
   */
  public static @Shape({"1000"}) DenseNet densenet161() {
    return densenet161(1000);
  }

  /**
   * DenseNet-169: growth rate 32, 6, 12, 32, 32 layers per block, 64 stem channels; 14,149,480
   * parameters for 1000 classes.
   *
   * <p>Shape: {@code [B, 3, H, W] -> [B, numClasses]}.
   *
   * @throws IllegalArgumentException if {@code numClasses} is not positive
   */
  public static @Shape({"numClasses"}) DenseNet densenet169(@Dim int numClasses) {
    return create(32, new int[] {6, 12, 32, 32}, 64, numClasses);
  }

  /**
   * {@link #densenet169(int)} with PyTorch's default of 1000 classes.
   *
   * <p>Shape: {@code [B, 3, H, W] -> [B, 1000]}.
   */
  public static @Shape({"1000"}) DenseNet densenet169() {
    return densenet169(1000);
  }

  /**
   * DenseNet-201: growth rate 32, 6, 12, 48, 32 layers per block, 64 stem channels; 20,013,928
   * parameters for 1000 classes.
   *
   * <p>Shape: {@code [B, 3, H, W] -> [B, numClasses]}.
   *
   * @throws IllegalArgumentException if {@code numClasses} is not positive
   */
  public static @Shape({"numClasses"}) DenseNet densenet201(@Dim int numClasses) {
    return create(32, new int[] {6, 12, 48, 32}, 64, numClasses);
  }

  /**
   * {@link #densenet201(int)} with PyTorch's default of 1000 classes.
   *
   * <p>Shape: {@code [B, 3, H, W] -> [B, 1000]}.
   */
  public static @Shape({"1000"}) DenseNet densenet201() {
    return densenet201(1000);
  }

  private static DenseNet create(long growthRate, int[] blocks, long initFeatures,
      int numClasses) {
    ResNet.requirePositive(numClasses);
    Map<String, UnaryModule> features = new LinkedHashMap<>();
    features.put("conv0", new Conv2d(3, initFeatures, 7, 7, 2, 2, 3, 3, 1, 1, 1, false));
    features.put("norm0", new BatchNorm2d(initFeatures));
    features.put("relu0", new ReLU());
    features.put("pool0", new MaxPool2d(3, 2, 1));
    long channels = initFeatures;
    for (int i = 0; i < blocks.length; i++) {
      features.put("denseblock" + (i + 1), DenseBlock.create(blocks[i], channels, growthRate, 4));
      channels += blocks[i] * growthRate;
      if (i != blocks.length - 1) {
        Map<String, UnaryModule> transition = new LinkedHashMap<>();
        transition.put("norm", new BatchNorm2d(channels));
        transition.put("relu", new ReLU());
        transition.put("conv", new Conv2d(channels, channels / 2, 1, 1, 1, 1, 0, 0, 1, 1, 1,
            false));
        transition.put("pool", new AvgPool2d(2, 2));
        features.put("transition" + (i + 1), new Sequential(transition));
        channels /= 2;
      }
    }
    features.put("norm5", new BatchNorm2d(channels));
    DenseNet net = new DenseNet(new Sequential(features), new Linear(channels, numClasses));
    try (NoGradScope ng = Torch.noGrad()) {
      for (var m : net.modules()) {
        if (m instanceof Conv2d conv) {
          Init.kaimingNormal_(conv.weight().get());
        }
      }
      Init.zeros_(net.classifier.bias().get());
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
      @Shape({"Classes"}) DenseNet this, @Shape({"B", "3", "H", "W"}) Tensor x) {
    Arguments.requireNonNull(x, "x");
    Tensor h = features.forward(x).relu();
    @Shape({"B", "_", "1", "1"}) Tensor pooled = Torch.adaptiveAvgPool2d(h, 1, 1);
    @Shape({"B", "_"}) Tensor flat = pooled.flatten(1, -1);
    return classifier.forward(flat);
  }
}
