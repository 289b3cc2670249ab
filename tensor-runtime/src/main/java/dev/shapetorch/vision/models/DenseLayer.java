package dev.shapetorch.vision.models;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.UnaryModule;
import dev.shapetorch.nn.activation.ReLU;
import dev.shapetorch.nn.conv.Conv2d;
import dev.shapetorch.nn.normalization.BatchNorm2d;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/**
 * One layer of a DenseNet block, as torchvision's {@code _DenseLayer} (without dropout, its
 * default {@code drop_rate=0}): batch norm, ReLU, a 1x1 convolution to {@code bnSize *
 * growthRate} channels, batch norm, ReLU, a 3x3 convolution to {@code growthRate} channels. Its
 * input is the concatenation of the block's input and every earlier layer's output, which
 * {@link DenseBlock} makes. Parameter names: {@code norm1.*}, {@code conv1.weight}, {@code
 * norm2.*}, {@code conv2.weight}.
 *
 * <p>Shape: {@code [B, in, H, W] -> [B, growthRate, H, W]}.
 *
 * @param norm1 batch norm of in
 * @param relu1 the first activation
 * @param conv1 in -> bnSize * growthRate, 1x1, no bias
 * @param norm2 batch norm of bnSize * growthRate
 * @param relu2 the second activation
 * @param conv2 bnSize * growthRate -> growthRate, 3x3, padding 1, no bias
 */
public record DenseLayer(BatchNorm2d norm1, ReLU relu1, Conv2d conv1, BatchNorm2d norm2,
    ReLU relu2, Conv2d conv2) implements UnaryModule {

  /**
   * Checks the components.
   *
   * @throws IllegalArgumentException naming the component that is null
   */
  public DenseLayer {
    Arguments.requireNonNull(norm1, "norm1");
    Arguments.requireNonNull(relu1, "relu1");
    Arguments.requireNonNull(conv1, "conv1");
    Arguments.requireNonNull(norm2, "norm2");
    Arguments.requireNonNull(relu2, "relu2");
    Arguments.requireNonNull(conv2, "conv2");
  }

  /**
   * A layer of {@code in} input channels, as torchvision's {@code _DenseLayer(in, growth_rate,
   * bn_size, 0)}.
   *
   * <p>Shape: {@code [B, in, H, W] -> [B, growthRate, H, W]}.
   *
   * @throws IllegalArgumentException if a size is not positive
   */
  static DenseLayer create(long in, long growthRate, long bnSize) {
    if (in < 1 || growthRate < 1 || bnSize < 1) {
      throw Arguments.invalid(null, "in (" + in + "), growthRate (" + growthRate
          + ") and bnSize (" + bnSize + ") must be positive");
    }
    long mid = bnSize * growthRate;
    return new DenseLayer(new BatchNorm2d(in), new ReLU(),
        new Conv2d(in, mid, 1, 1, 1, 1, 0, 0, 1, 1, 1, false), new BatchNorm2d(mid), new ReLU(),
        new Conv2d(mid, growthRate, 3, 3, 1, 1, 1, 1, 1, 1, 1, false));
  }

  @Override
  public void visitChildren(ModuleVisitor v) {
    Arguments.requireNonNull(v, "v");
    v.module("norm1", norm1);
    v.module("relu1", relu1);
    v.module("conv1", conv1);
    v.module("norm2", norm2);
    v.module("relu2", relu2);
    v.module("conv2", conv2);
  }

  /**
   * The layer's new features.
   *
   * <p>Shape: {@code [B, in, H, W] -> [B, growthRate, H, W]}.
   */
  @Override
  public @Shape({"B", "_", "H", "W"}) Tensor forward(@Shape({"B", "_", "H", "W"}) Tensor x) {
    Arguments.requireNonNull(x, "x");
    Tensor h = conv1.forward(relu1.forward(norm1.forward(x)));
    return conv2.forward(relu2.forward(norm2.forward(h)));
  }
}
