package dev.shapetorch.vision.models;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.UnaryModule;
import dev.shapetorch.nn.activation.ReLU;
import dev.shapetorch.nn.containers.Sequential;
import dev.shapetorch.nn.conv.Conv2d;
import dev.shapetorch.nn.dropout.Dropout;
import dev.shapetorch.nn.linear.Linear;
import dev.shapetorch.nn.pooling.AdaptiveAvgPool2d;
import dev.shapetorch.nn.pooling.MaxPool2d;
import dev.shapetorch.shapes.Dim;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/**
 * AlexNet (Krizhevsky et al., in the one-GPU form of "One weird trick"), as torchvision's {@code
 * alexnet}: {@code features} (five convolutions with ReLU, three 3x3 stride-2 max poolings),
 * {@code avgpool} (adaptive, to 6x6) and {@code classifier} (Dropout, Linear 9216-4096, ReLU,
 * Dropout, Linear 4096-4096, ReLU, Linear 4096-classes). Parameter names equal torchvision's
 * ({@code features.0.weight}, ..., {@code classifier.6.bias}); layers keep PyTorch's default
 * initialisation, as torchvision's do.
 *
 * <pre>{@code
 * AlexNet net = AlexNet.alexnet();     // 61,100,840 parameters, 1000 classes
 * }</pre>
 *
 * <p>Type: {@code @Shape({"Classes"}) AlexNet}, the number of classes, as {@link #alexnet(int)}
 * declares it from its argument, so that the checker types {@code AlexNet.alexnet(10).forward(x)}
 * as {@code [B, 10]}.
 *
 * <p>Shape: {@code [B, 3, H, W] -> [B, classes]} for H, W of at least 63.
 *
 * @param features the convolutional part
 * @param avgpool adaptive average pooling to 6x6
 * @param classifier the fully connected part
 */
public record AlexNet(Sequential features, @Shape({"6", "6"}) AdaptiveAvgPool2d avgpool,
    Sequential classifier) implements UnaryModule {

  /**
   * Checks the components.
   *
   * @throws IllegalArgumentException naming the component that is null
   */
  public AlexNet {
    Arguments.requireNonNull(features, "features");
    Arguments.requireNonNull(avgpool, "avgpool");
    Arguments.requireNonNull(classifier, "classifier");
  }

  /**
   * AlexNet with {@code numClasses} outputs; 61,100,840 parameters for 1000 classes.
   *
   * <p>Shape: {@code [B, 3, H, W] -> [B, numClasses]}, H and W at least 63.
   *
   * @throws IllegalArgumentException if {@code numClasses} is not positive
   */
  public static @Shape({"numClasses"}) AlexNet alexnet(@Dim int numClasses) {
    ResNet.requirePositive(numClasses);
    Sequential features = new Sequential(
        new Conv2d(3, 64, 11, 11, 4, 4, 2, 2, 1, 1, 1, true), new ReLU(), new MaxPool2d(3, 2),
        new Conv2d(64, 192, 5, 1, 2), new ReLU(), new MaxPool2d(3, 2),
        new Conv2d(192, 384, 3, 1, 1), new ReLU(),
        new Conv2d(384, 256, 3, 1, 1), new ReLU(),
        new Conv2d(256, 256, 3, 1, 1), new ReLU(), new MaxPool2d(3, 2));
    Sequential classifier = new Sequential(new Dropout(0.5), new Linear(256 * 6 * 6, 4096),
        new ReLU(), new Dropout(0.5), new Linear(4096, 4096), new ReLU(),
        new Linear(4096, numClasses));
    return new AlexNet(features, new AdaptiveAvgPool2d(6), classifier);
  }

  /**
   * {@link #alexnet(int)} with PyTorch's default of 1000 classes.
   *
   * <p>Shape: {@code [B, 3, H, W] -> [B, 1000]}.
   */
  public static @Shape({"1000"}) AlexNet alexnet() {
    return alexnet(1000);
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
      @Shape({"Classes"}) AlexNet this, @Shape({"B", "3", "H", "W"}) Tensor x) {
    Arguments.requireNonNull(x, "x");
    @Shape({"B", "256", "6", "6"}) Tensor pooled = avgpool.forward(features.forward(x));
    @Shape({"B", "9216"}) Tensor flat = pooled.flatten(1, -1);
    return classifier.forward(flat);
  }
}
