package dev.shapetorch.vision.models;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.UnaryModule;
import dev.shapetorch.nn.activation.Hardsigmoid;
import dev.shapetorch.nn.activation.Hardswish;
import dev.shapetorch.nn.activation.ReLU;
import dev.shapetorch.nn.containers.Sequential;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * MobileNetV3's block, as torchvision's {@code mobilenetv3.InvertedResidual}: a 1x1 expansion to
 * {@code expanded} channels (left out when that equals the input width), a depthwise {@code
 * kernel}x{@code kernel} convolution with the block's stride, optionally a {@link
 * SqueezeExcitation} (ReLU, Hardsigmoid, {@code makeDivisible(expanded / 4, 8)} channels), then
 * a linear 1x1 projection; every convolution has batch norm (eps 0.001, momentum 0.01), the first
 * two Hardswish or ReLU. The input is added back when the stride is 1 and the width does not
 * change. Parameter names: {@code block.0.0.weight}, {@code block.0.1.*}, ..., {@code
 * block.2.fc1.weight} (with squeeze-excitation), ...
 *
 * <p>Shape: {@code [B, in, H, W] -> [B, out, (H-1)/stride+1, (W-1)/stride+1]}.
 *
 * @param block the expansion, depthwise, squeeze-excitation and projection layers
 * @param useResConnect whether the input is added to the output
 */
public record InvertedResidualV3(Sequential block, boolean useResConnect)
    implements UnaryModule {

  /**
   * Checks the components.
   *
   * @throws IllegalArgumentException if {@code block} is null
   */
  public InvertedResidualV3 {
    Arguments.requireNonNull(block, "block");
  }

  /**
   * A block as one row of torchvision's MobileNetV3 tables.
   *
   * @param kernel the depthwise kernel size (3 or 5)
   * @param useSe whether to squeeze and excite
   * @param useHardswish Hardswish ("HS") rather than ReLU ("RE")
   * @param stride 1 or 2
   * @throws IllegalArgumentException for non-positive sizes
   */
  public static InvertedResidualV3 create(long in, long kernel, long expanded, long out,
      boolean useSe, boolean useHardswish, long stride) {
    if (in < 1 || kernel < 1 || expanded < 1 || out < 1 || stride < 1) {
      throw Arguments.invalid(null, "in, kernel, expanded, out and stride must be positive, got"
          + " in=" + in + ", kernel=" + kernel + ", expanded=" + expanded + ", out=" + out
          + ", stride=" + stride);
    }
    List<UnaryModule> layers = new ArrayList<>();
    if (expanded != in) {
      layers.add(Blocks.convNormAct(in, expanded, 1, 1, 1, 1e-3, 0.01, activation(useHardswish)));
    }
    layers.add(Blocks.convNormAct(expanded, expanded, kernel, stride, expanded, 1e-3, 0.01,
        activation(useHardswish)));
    if (useSe) {
      layers.add(SqueezeExcitation.create(expanded, Blocks.makeDivisible(expanded / 4, 8),
          new ReLU(), new Hardsigmoid()));
    }
    layers.add(Blocks.convNormAct(expanded, out, 1, 1, 1, 1e-3, 0.01, null));
    return new InvertedResidualV3(new Sequential(layers), stride == 1 && in == out);
  }

  private static UnaryModule activation(boolean hardswish) {
    return hardswish ? new Hardswish() : new ReLU();
  }

  @Override
  public void visitChildren(ModuleVisitor v) {
    Arguments.requireNonNull(v, "v");
    v.module("block", block);
  }

  /**
   * The block's output.
   *
   * <p>Shape: {@code [B, in, H, W] -> [B, out, H', W']}.
   */
  @Override
  public @Shape({"B", "_", "_", "_"}) Tensor forward(@Shape({"B", "_", "H", "W"}) Tensor x) {
    Arguments.requireNonNull(x, "x");
    Tensor y = block.forward(x);
    return useResConnect ? y.add(x) : y;
  }
}
