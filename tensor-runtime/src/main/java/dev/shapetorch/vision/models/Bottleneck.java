package dev.shapetorch.vision.models;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.UnaryModule;
import dev.shapetorch.nn.activation.ReLU;
import dev.shapetorch.nn.containers.Sequential;
import dev.shapetorch.nn.conv.Conv2d;
import dev.shapetorch.nn.normalization.BatchNorm2d;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/**
 * ResNet's bottleneck block, as torchvision's {@code Bottleneck} (ResNet-50 and deeper, the wide
 * ResNets and ResNeXt): a 1x1 convolution down to {@code width} channels, a 3x3 convolution (the
 * block's stride, {@code groups} groups), a 1x1 convolution up to {@code 4 planes}, each with
 * batch norm; the input added back (through {@code downsample}, a 1x1 convolution and batch norm,
 * when the block changes the stride or the width), then ReLU. {@code width = floor(planes *
 * widthPerGroup / 64) * groups}. Parameter names: {@code conv1.weight}, {@code bn1.*}, {@code
 * conv2.weight}, {@code bn2.*}, {@code conv3.weight}, {@code bn3.*}, {@code downsample.0.weight},
 * {@code downsample.1.*}.
 *
 * <p>Shape: {@code [B, in, H, W] -> [B, 4 planes, (H-1)/stride+1, (W-1)/stride+1]}.
 *
 * @param conv1 in -> width, 1x1, no bias
 * @param bn1 batch norm of width
 * @param conv2 width -> width, 3x3, the block's stride, padding 1, {@code groups} groups, no bias
 * @param bn2 batch norm of width
 * @param conv3 width -> 4 planes, 1x1, no bias
 * @param bn3 batch norm of 4 planes
 * @param relu the activation (no parameters)
 * @param downsample the shortcut's projection, or null for the identity
 */
public record Bottleneck(Conv2d conv1, BatchNorm2d bn1, Conv2d conv2, BatchNorm2d bn2,
    Conv2d conv3, BatchNorm2d bn3, ReLU relu, Sequential downsample) implements UnaryModule {

  /** The ratio of a bottleneck block's output channels to its {@code planes}: 4. */
  public static final int EXPANSION = 4;

  /**
   * Checks the components.
   *
   * @throws IllegalArgumentException naming the component that is null (only {@code
   *     downsample} may be)
   */
  public Bottleneck {
    Arguments.requireNonNull(conv1, "conv1");
    Arguments.requireNonNull(bn1, "bn1");
    Arguments.requireNonNull(conv2, "conv2");
    Arguments.requireNonNull(bn2, "bn2");
    Arguments.requireNonNull(conv3, "conv3");
    Arguments.requireNonNull(bn3, "bn3");
    Arguments.requireNonNull(relu, "relu");
  }

  /**
   * A block from {@code in} to {@code 4 planes} channels with this stride, {@code groups} groups
   * in its 3x3 convolution and {@code widthPerGroup} channels per group for {@code planes} 64
   * (torchvision's {@code base_width}; 64 and 1 group for ResNet-50).
   *
   * <p>Shape: {@code [B, in, H, W] -> [B, 4 planes, (H-1)/stride+1, (W-1)/stride+1]}.
   *
   * @throws IllegalArgumentException if a size is not positive, or the width is not divisible
   *     by {@code groups}
   */
  public static Bottleneck create(long in, long planes, long stride, long groups,
      long widthPerGroup) {
    if (in < 1 || planes < 1 || stride < 1 || groups < 1 || widthPerGroup < 1) {
      throw Arguments.invalid(null, "in (" + in + "), planes (" + planes
          + "), stride (" + stride + "), groups (" + groups + ") and widthPerGroup ("
          + widthPerGroup + ") must be positive");
    }
    long width = (long) (planes * (widthPerGroup / 64.0)) * groups;
    if (width < 1) {
      throw Arguments.invalid(null, "planes " + planes + " with widthPerGroup "
          + widthPerGroup + " gives no channels; use a larger planes or widthPerGroup");
    }
    long out = planes * EXPANSION;
    Sequential down = stride != 1 || in != out
        ? new Sequential(new Conv2d(in, out, 1, 1, stride, stride, 0, 0, 1, 1, 1, false),
            new BatchNorm2d(out))
        : null;
    return new Bottleneck(new Conv2d(in, width, 1, 1, 1, 1, 0, 0, 1, 1, 1, false),
        new BatchNorm2d(width),
        new Conv2d(width, width, 3, 3, stride, stride, 1, 1, 1, 1, groups, false),
        new BatchNorm2d(width),
        new Conv2d(width, out, 1, 1, 1, 1, 0, 0, 1, 1, 1, false),
        new BatchNorm2d(out), new ReLU(), down);
  }

  @Override
  public void visitChildren(ModuleVisitor v) {
    Arguments.requireNonNull(v, "v");
    v.module("conv1", conv1);
    v.module("bn1", bn1);
    v.module("conv2", conv2);
    v.module("bn2", bn2);
    v.module("conv3", conv3);
    v.module("bn3", bn3);
    v.module("relu", relu);
    v.module("downsample", downsample);
  }

  /**
   * The block's output.
   *
   * <p>Shape: {@code [B, in, H, W] -> [B, 4 planes, H', W']}.
   */
  @Override
  public @Shape({"B", "_", "_", "_"}) Tensor forward(@Shape({"B", "_", "H", "W"}) Tensor x) {
    Arguments.requireNonNull(x, "x");
    Tensor out = relu.forward(bn1.forward(conv1.forward(x)));
    out = relu.forward(bn2.forward(conv2.forward(out)));
    out = bn3.forward(conv3.forward(out));
    Tensor identity = downsample == null ? x : downsample.forward(x);
    return relu.forward(out.add(identity));
  }
}
