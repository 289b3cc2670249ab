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
 * ResNet's basic residual block, as torchvision's {@code BasicBlock}: two 3x3 convolutions with
 * batch norm, the input added back (through {@code downsample}, a 1x1 convolution and batch norm,
 * when the block changes the stride or the width), then ReLU. Parameter names: {@code
 * conv1.weight}, {@code bn1.*}, {@code conv2.weight}, {@code bn2.*}, {@code downsample.0.weight},
 * {@code downsample.1.*}.
 *
 * <p>Shape: {@code [B, in, H, W] -> [B, planes, (H-1)/stride+1, (W-1)/stride+1]}.
 *
 * @param conv1 in -> planes, 3x3, the block's stride, padding 1, no bias
 * @param bn1 batch norm of planes
 * @param relu the activation (no parameters)
 * @param conv2 planes -> planes, 3x3, padding 1, no bias
 * @param bn2 batch norm of planes
 * @param downsample the shortcut's projection, or null for the identity
 */
public record BasicBlock(Conv2d conv1, BatchNorm2d bn1, ReLU relu, Conv2d conv2,
    BatchNorm2d bn2, Sequential downsample) implements UnaryModule {

  /**
   * Checks the components.
   *
   * @throws IllegalArgumentException naming the component that is null (only {@code
   *     downsample} may be)
   */
  public BasicBlock {
    Arguments.requireNonNull(conv1, "conv1");
    Arguments.requireNonNull(bn1, "bn1");
    Arguments.requireNonNull(relu, "relu");
    Arguments.requireNonNull(conv2, "conv2");
    Arguments.requireNonNull(bn2, "bn2");
  }

  /** A block from {@code in} to {@code planes} channels with this stride. */
  public static BasicBlock create(long in, long planes, long stride) {
    Sequential down = stride != 1 || in != planes
        ? new Sequential(new Conv2d(in, planes, 1, 1, stride, stride, 0, 0, 1, 1, 1, false),
            new BatchNorm2d(planes))
        : null;
    return new BasicBlock(new Conv2d(in, planes, 3, 3, stride, stride, 1, 1, 1, 1, 1, false),
        new BatchNorm2d(planes), new ReLU(),
        new Conv2d(planes, planes, 3, 3, 1, 1, 1, 1, 1, 1, 1, false),
        new BatchNorm2d(planes), down);
  }

  @Override
  public void visitChildren(ModuleVisitor v) {
    Arguments.requireNonNull(v, "v");
    v.module("conv1", conv1);
    v.module("bn1", bn1);
    v.module("relu", relu);
    v.module("conv2", conv2);
    v.module("bn2", bn2);
    v.module("downsample", downsample);
  }

  /**
   * The block's output.
   *
   * <p>Shape: {@code [B, in, H, W] -> [B, planes, H', W']}.
   */
  @Override
  public @Shape({"B", "_", "_", "_"}) Tensor forward(@Shape({"B", "_", "H", "W"}) Tensor x) {
    Arguments.requireNonNull(x, "x");
    Tensor out = relu.forward(bn1.forward(conv1.forward(x)));
    out = bn2.forward(conv2.forward(out));
    Tensor identity = downsample == null ? x : downsample.forward(x);
    return relu.forward(out.add(identity));
  }
}
