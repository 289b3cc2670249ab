package dev.shapetorch.vision.models;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.UnaryModule;
import dev.shapetorch.nn.conv.Conv2d;
import dev.shapetorch.nn.functional.F;
import dev.shapetorch.nn.linear.Linear;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/**
 * LeNet-5 for 28x28 grey images (MNIST, Fashion-MNIST), as PyTorch's tutorials write it: a
 * 5x5 convolution to 6 channels (padded, so the 28x28 size is kept), 2x2 max pooling, a 5x5
 * convolution to 16 channels, pooling, then fully connected layers 400-120-84-classes, with ReLU
 * activations. Parameter names: {@code conv1.weight}, {@code conv1.bias}, {@code conv2.*},
 * {@code fc1.*}, {@code fc2.*}, {@code fc3.*}. 61,706 parameters for 10 classes.
 *
 * <pre>{@code
 * LeNet5 net = LeNet5.create(10);
 * Tensor logits = net.forward(images);    // [B, 1, 28, 28] -> [B, 10]
 * }</pre>
 *
 * <p>Shape: {@code [B, 1, 28, 28] -> [B, classes]}.
 *
 * @param conv1 1 -> 6 channels, 5x5, padding 2
 * @param conv2 6 -> 16 channels, 5x5
 * @param fc1 400 -> 120
 * @param fc2 120 -> 84
 * @param fc3 84 -> classes
 */
public record LeNet5(
    @Shape({"1", "6", "5", "5", "1", "1", "2", "2", "1", "1"}) Conv2d conv1,
    @Shape({"6", "16", "5", "5", "1", "1", "0", "0", "1", "1"}) Conv2d conv2,
    @Shape({"400", "120"}) Linear fc1,
    @Shape({"120", "84"}) Linear fc2,
    @Shape({"84", "_"}) Linear fc3) implements UnaryModule {

  /**
   * Checks the components.
   *
   * @throws IllegalArgumentException naming the component that is null
   */
  public LeNet5 {
    Arguments.requireNonNull(conv1, "conv1");
    Arguments.requireNonNull(conv2, "conv2");
    Arguments.requireNonNull(fc1, "fc1");
    Arguments.requireNonNull(fc2, "fc2");
    Arguments.requireNonNull(fc3, "fc3");
  }

  /**
   * A freshly initialised LeNet-5 with {@code numClasses} outputs (PyTorch's default init).
   *
   * @throws IllegalArgumentException if {@code numClasses} is not positive
   */
  public static LeNet5 create(int numClasses) {
    ResNet.requirePositive(numClasses);
    return new LeNet5(new Conv2d(1, 6, 5, 1, 2), new Conv2d(6, 16, 5), new Linear(400, 120),
        new Linear(120, 84), new Linear(84, numClasses));
  }

  @Override
  public void visitChildren(ModuleVisitor v) {
    Arguments.requireNonNull(v, "v");
    v.module("conv1", conv1);
    v.module("conv2", conv2);
    v.module("fc1", fc1);
    v.module("fc2", fc2);
    v.module("fc3", fc3);
  }

  /**
   * The class scores (logits).
   *
   * <p>Shape: {@code [B, 1, 28, 28] -> [B, classes]}.
   */
  @Override
  public @Shape({"B", "_"}) Tensor forward(@Shape({"B", "1", "28", "28"}) Tensor x) {
    Arguments.requireNonNull(x, "x");
    @Shape({"B", "6", "14", "14"}) Tensor h1 = F.maxPool2d(F.relu(conv1.forward(x)), 2);
    @Shape({"B", "16", "5", "5"}) Tensor h2 = F.maxPool2d(F.relu(conv2.forward(h1)), 2);
    @Shape({"B", "400"}) Tensor flat = h2.flatten(1, -1);
    @Shape({"B", "120"}) Tensor f1 = F.relu(fc1.forward(flat));
    @Shape({"B", "84"}) Tensor f2 = F.relu(fc2.forward(f1));
    return fc3.forward(f2);
  }
}
