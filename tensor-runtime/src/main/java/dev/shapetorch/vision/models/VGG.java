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
 * with ReLU, 2x2 max pooling), {@code avgpool} (adaptive, to 7x7) and {@code classifier} (Linear
 * 25088-4096, ReLU, Dropout, Linear 4096-4096, ReLU, Dropout, Linear 4096-classes). Parameter
 * names equal torchvision's ({@code features.0.weight}, ..., {@code classifier.6.bias}); a
 * torchvision state dict loads into it. Initialised as torchvision does (Kaiming-normal
 * convolutions with fan-out, N(0, 0.01) linear weights, zero biases).
 *
 * <pre>{@code
 * VGG vgg = VGG.vgg11(1000);     // 132,863,336 parameters
 * }</pre>
 *
 * <p>Type: {@code @Shape({"Classes"}) VGG}, the number of classes, as {@link #vgg11} declares it
 * from its argument, so that the checker types {@code VGG.vgg11(10).forward(x)} as {@code [B,
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

  /** Configuration "A" of the paper: channel counts, 0 for a max pooling. */
  private static final int[] VGG11 = {64, 0, 128, 0, 256, 256, 0, 512, 512, 0, 512, 512, 0};

  /**
   * VGG-11 (configuration A, without batch norm) with {@code numClasses} outputs.
   *
   * @throws IllegalArgumentException if {@code numClasses} is not positive
   */
  public static @Shape({"numClasses"}) VGG vgg11(@Dim int numClasses) {
    ResNet.requirePositive(numClasses);
    List<UnaryModule> layers = new ArrayList<>();
    long in = 3;
    for (int c : VGG11) {
      if (c == 0) {
        layers.add(new MaxPool2d(2));
      } else {
        Conv2d conv = new Conv2d(in, c, 3, 1, 1);
        layers.add(conv);
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
