package dev.shapetorch.vision.models;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.UnaryModule;
import dev.shapetorch.nn.activation.ReLU;
import dev.shapetorch.nn.containers.Sequential;
import dev.shapetorch.nn.conv.Conv2d;
import dev.shapetorch.nn.dropout.Dropout;
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
 * VGG (Simonyan and Zisserman) as torchvision builds it: {@code features} (3x3 convolutions
 * with ReLU, in the {@code _bn} variants each followed by batch norm, and 2x2 max pooling), {@code avgpool} (adaptive, to 7x7) and {@code classifier} (Linear
 * 25088-4096, ReLU, Dropout, Linear 4096-4096, ReLU, Dropout, Linear 4096-classes). Parameter
 * names equal torchvision's ({@code features.0.weight}, ..., {@code classifier.6.bias}); a
 * torchvision state dict loads into it. Initialised as torchvision does (Kaiming-normal
 * convolutions with fan-out, N(0, 0.01) linear weights, zero biases, unit batch-norm weights).
 * The builders are torchvision's: {@link #vgg11}, {@link #vgg13}, {@link #vgg16}, {@link #vgg19}
 * (configurations A, B, D, E) and their {@code _bn} twins.
 *
 * <pre>{@code
 * VGG vgg = VGG.vgg11(1000);     // 132,863,336 parameters
 * }</pre>
 *
 * <p>Type: {@code @Shape({"Classes"}) VGG}, the number of classes, as every builder declares it
 * from its argument (the no-argument builders: PyTorch's 1000), so that the checker types {@code VGG.vgg11(10).forward(x)} as {@code [B,
 * 10]}.
 *
 * <p>Shape: {@code [B, 3, H, W] -> [B, classes]} for H, W of at least 32.
 *
 * @param features the convolutional part
 * @param avgpool adaptive average pooling to 7x7
 * @param classifier the fully connected part
 */
public record VGG(Sequential features, @Shape({"7", "7"}) AdaptiveAvgPool2d avgpool,
    Sequential classifier) implements UnaryModule {

  /**
   * Checks the components.
   *
   * @throws IllegalArgumentException naming the component that is null
   */
  public VGG {
    Arguments.requireNonNull(features, "features");
    Arguments.requireNonNull(avgpool, "avgpool");
    Arguments.requireNonNull(classifier, "classifier");
  }

  /** Configuration "A" of the paper (VGG-11): channel counts, 0 for a max pooling. */
  private static final int[] A = {64, 0, 128, 0, 256, 256, 0, 512, 512, 0, 512, 512, 0};

  /** Configuration "B" (VGG-13). */
  private static final int[] B = {64, 64, 0, 128, 128, 0, 256, 256, 0, 512, 512, 0, 512, 512, 0};

  /** Configuration "D" (VGG-16). */
  private static final int[] D =
      {64, 64, 0, 128, 128, 0, 256, 256, 256, 0, 512, 512, 512, 0, 512, 512, 512, 0};

  /** Configuration "E" (VGG-19). */
  private static final int[] E = {64, 64, 0, 128, 128, 0, 256, 256, 256, 256, 0, 512, 512, 512,
      512, 0, 512, 512, 512, 512, 0};

  /**
   * VGG-11 (configuration A: 8 convolutions); 132,863,336 parameters for 1000 classes.
   *
   * <p>Shape: {@code [B, 3, H, W] -> [B, numClasses]}, H and W at least 32.
   *
   * @throws IllegalArgumentException if {@code numClasses} is not positive
   */
  public static @Shape({"numClasses"}) VGG vgg11(@Dim int numClasses) {
    return create(A, false, numClasses);
  }

  /**
   * {@link #vgg11(int)} with PyTorch's default of 1000 classes.
   *
   * <p>Shape: {@code [B, 3, H, W] -> [B, 1000]}, H and W at least 32.
   */
  public static @Shape({"1000"}) VGG vgg11() {
    return vgg11(1000);
  }

  /**
   * VGG-11 with batch norm after every convolution; 132,868,840 parameters for 1000 classes.
   *
   * <p>Shape: {@code [B, 3, H, W] -> [B, numClasses]}, H and W at least 32.
   *
   * @throws IllegalArgumentException if {@code numClasses} is not positive
   */
  public static @Shape({"numClasses"}) VGG vgg11_bn(@Dim int numClasses) {
    return create(A, true, numClasses);
  }

  /**
   * {@link #vgg11_bn(int)} with PyTorch's default of 1000 classes.
   *
   * <p>Shape: {@code [B, 3, H, W] -> [B, 1000]}, H and W at least 32.
   */
  public static @Shape({"1000"}) VGG vgg11_bn() {
    return vgg11_bn(1000);
  }

  /**
   * VGG-13 (configuration B: 10 convolutions); 133,047,848 parameters for 1000 classes.
   *
   * <p>Shape: {@code [B, 3, H, W] -> [B, numClasses]}, H and W at least 32.
   *
   * @throws IllegalArgumentException if {@code numClasses} is not positive
   */
  public static @Shape({"numClasses"}) VGG vgg13(@Dim int numClasses) {
    return create(B, false, numClasses);
  }

  /**
   * {@link #vgg13(int)} with PyTorch's default of 1000 classes.
   *
   * <p>Shape: {@code [B, 3, H, W] -> [B, 1000]}, H and W at least 32.
   */
  public static @Shape({"1000"}) VGG vgg13() {
    return vgg13(1000);
  }

  /**
   * VGG-13 with batch norm after every convolution; 133,053,736 parameters for 1000 classes.
   *
   * <p>Shape: {@code [B, 3, H, W] -> [B, numClasses]}, H and W at least 32.
   *
   * @throws IllegalArgumentException if {@code numClasses} is not positive
   */
  public static @Shape({"numClasses"}) VGG vgg13_bn(@Dim int numClasses) {
    return create(B, true, numClasses);
  }

  /**
   * {@link #vgg13_bn(int)} with PyTorch's default of 1000 classes.
   *
   * <p>Shape: {@code [B, 3, H, W] -> [B, 1000]}, H and W at least 32.
   */
  public static @Shape({"1000"}) VGG vgg13_bn() {
    return vgg13_bn(1000);
  }

  /**
   * VGG-16 (configuration D: 13 convolutions); 138,357,544 parameters for 1000 classes.
   *
   * <p>Shape: {@code [B, 3, H, W] -> [B, numClasses]}, H and W at least 32.
   *
   * @throws IllegalArgumentException if {@code numClasses} is not positive
   */
  public static @Shape({"numClasses"}) VGG vgg16(@Dim int numClasses) {
    return create(D, false, numClasses);
  }

  /**
   * {@link #vgg16(int)} with PyTorch's default of 1000 classes.
   *
   * <p>Shape: {@code [B, 3, H, W] -> [B, 1000]}, H and W at least 32.
   */
  public static @Shape({"1000"}) VGG vgg16() {
    return vgg16(1000);
  }

  /**
   * VGG-16 with batch norm after every convolution; 138,365,992 parameters for 1000 classes.
   *
   * <p>Shape: {@code [B, 3, H, W] -> [B, numClasses]}, H and W at least 32.
   *
   * @throws IllegalArgumentException if {@code numClasses} is not positive
   */
  public static @Shape({"numClasses"}) VGG vgg16_bn(@Dim int numClasses) {
    return create(D, true, numClasses);
  }

  /**
   * {@link #vgg16_bn(int)} with PyTorch's default of 1000 classes.
   *
   * <p>Shape: {@code [B, 3, H, W] -> [B, 1000]}, H and W at least 32.
   */
  public static @Shape({"1000"}) VGG vgg16_bn() {
    return vgg16_bn(1000);
  }

  /**
   * VGG-19 (configuration E: 16 convolutions); 143,667,240 parameters for 1000 classes.
   *
   * <p>Shape: {@code [B, 3, H, W] -> [B, numClasses]}, H and W at least 32.
   *
   * @throws IllegalArgumentException if {@code numClasses} is not positive
   */
  public static @Shape({"numClasses"}) VGG vgg19(@Dim int numClasses) {
    return create(E, false, numClasses);
  }

  /**
   * {@link #vgg19(int)} with PyTorch's default of 1000 classes.
   *
   * <p>Shape: {@code [B, 3, H, W] -> [B, 1000]}, H and W at least 32.
   */
  public static @Shape({"1000"}) VGG vgg19() {
    return vgg19(1000);
  }

  /**
   * VGG-19 with batch norm after every convolution; 143,678,248 parameters for 1000 classes.
   *
   * <p>Shape: {@code [B, 3, H, W] -> [B, numClasses]}, H and W at least 32.
   *
   * @throws IllegalArgumentException if {@code numClasses} is not positive
   */
  public static @Shape({"numClasses"}) VGG vgg19_bn(@Dim int numClasses) {
    return create(E, true, numClasses);
  }

  /**
   * {@link #vgg19_bn(int)} with PyTorch's default of 1000 classes.
   *
   * <p>Shape: {@code [B, 3, H, W] -> [B, 1000]}, H and W at least 32.
   */
  public static @Shape({"1000"}) VGG vgg19_bn() {
    return vgg19_bn(1000);
  }

  private static VGG create(int[] config, boolean batchNorm, int numClasses) {
    ResNet.requirePositive(numClasses);
    List<UnaryModule> layers = new ArrayList<>();
    long in = 3;
    for (int c : config) {
      if (c == 0) {
        layers.add(new MaxPool2d(2));
      } else {
        layers.add(new Conv2d(in, c, 3, 1, 1));
        if (batchNorm) {
          layers.add(new BatchNorm2d(c));
        }
        layers.add(new ReLU());
        in = c;
      }
    }
    Sequential classifier = new Sequential(new Linear(512 * 7 * 7, 4096), new ReLU(),
        new Dropout(), new Linear(4096, 4096), new ReLU(), new Dropout(),
        new Linear(4096, numClasses));
    VGG vgg = new VGG(new Sequential(layers), new AdaptiveAvgPool2d(7), classifier);
    vgg.initialise();
    return vgg;
  }

  private void initialise() {
    try (NoGradScope ng = Torch.noGrad()) {
      for (var m : modules()) {
        if (m instanceof Conv2d conv) {
          Init.kaimingNormal_(conv.weight().get(), 0.0, FanMode.FAN_OUT, Nonlinearity.RELU);
          Init.zeros_(conv.bias().get());
        } else if (m instanceof Linear lin) {
          Init.normal_(lin.weight().get(), 0, 0.01);
          Init.zeros_(lin.bias().get());
        }
      }
    }
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
      @Shape({"Classes"}) VGG this, @Shape({"B", "3", "H", "W"}) Tensor x) {
    Arguments.requireNonNull(x, "x");
    @Shape({"B", "512", "7", "7"}) Tensor pooled = avgpool.forward(features.forward(x));
    @Shape({"B", "25088"}) Tensor flat = pooled.flatten(1, -1);
    return classifier.forward(flat);
  }
}
