package dev.shapetorch.vision.models;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.UnaryModule;
import dev.shapetorch.nn.activation.ReLU6;
import dev.shapetorch.nn.containers.Sequential;
import dev.shapetorch.nn.conv.Conv2d;
import dev.shapetorch.nn.normalization.BatchNorm2d;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/**
 * MobileNetV2's inverted residual block, as torchvision's {@code mobilenetv2.InvertedResidual}:
 * a 1x1 expansion to {@code in * expandRatio} channels with batch norm and ReLU6 (left out when
 * the ratio is 1), a 3x3 depthwise convolution with the block's stride, batch norm and ReLU6,
 * then a linear 1x1 projection with batch norm; the input is added back when the stride is 1 and
 * the width does not change. Parameter names: {@code conv.0.0.weight}, {@code conv.0.1.*}, ...,
 * {@code conv.2.weight}, {@code conv.3.*} (with expansion).
 *
 * <p>Shape: {@code [B, in, H, W] -> [B, out, (H-1)/stride+1, (W-1)/stride+1]}.
 *
 * @param conv the expansion, depthwise and projection layers
 * @param useResConnect whether the input is added to the output
 */
public record InvertedResidual(Sequential conv, boolean useResConnect) implements UnaryModule {

  /**
   * Checks the components.
   *
   * @throws IllegalArgumentException if {@code conv} is null
   */
  public InvertedResidual {
    Arguments.requireNonNull(conv, "conv");
  }

  /**
   * A block from {@code in} to {@code out} channels with this stride (1 or 2) and expansion
   * ratio, with PyTorch's batch norm (eps 1e-5, momentum 0.1), as torchvision builds it.
   *
   * @throws IllegalArgumentException for non-positive sizes or ratio
   */
  public static InvertedResidual create(long in, long out, long stride, int expandRatio) {
    if (in < 1 || out < 1 || stride < 1 || expandRatio < 1) {
      throw Arguments.invalid(null, "in, out, stride and expandRatio must be positive, got in="
          + in + ", out=" + out + ", stride=" + stride + ", expandRatio=" + expandRatio);
    }
    long hidden = Math.round(in * (double) expandRatio);
    Sequential layers = expandRatio == 1
        ? new Sequential(
            Blocks.convNormAct(hidden, hidden, 3, stride, hidden, 1e-5, 0.1, new ReLU6()),
            new Conv2d(hidden, out, 1, 1, 1, 1, 0, 0, 1, 1, 1, false),
            new BatchNorm2d(out))
        : new Sequential(
            Blocks.convNormAct(in, hidden, 1, 1, 1, 1e-5, 0.1, new ReLU6()),
            Blocks.convNormAct(hidden, hidden, 3, stride, hidden, 1e-5, 0.1, new ReLU6()),
            new Conv2d(hidden, out, 1, 1, 1, 1, 0, 0, 1, 1, 1, false),
            new BatchNorm2d(out));
    return new InvertedResidual(layers, stride == 1 && in == out);
  }

  @Override
  public void visitChildren(ModuleVisitor v) {
    Arguments.requireNonNull(v, "v");
    v.module("conv", conv);
  }

  /**
   * The block's output.
   *
   * <p>Shape: {@code [B, in, H, W] -> [B, out, H', W']}.
   */
  @Override
  public @Shape({"B", "_", "_", "_"}) Tensor forward(@Shape({"B", "_", "H", "W"}) Tensor x) {
    Arguments.requireNonNull(x, "x");
    Tensor y = conv.forward(x);
    return useResConnect ? x.add(y) : y;
  }
}
