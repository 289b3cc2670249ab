package dev.shapetorch.vision.models;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.UnaryModule;
import dev.shapetorch.nn.activation.SiLU;
import dev.shapetorch.nn.activation.Sigmoid;
import dev.shapetorch.nn.containers.Sequential;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * EfficientNet's mobile inverted bottleneck, as torchvision's {@code efficientnet.MBConv}: a 1x1
 * expansion to {@code makeDivisible(in * expandRatio, 8)} channels (left out when that is the
 * input width), a depthwise {@code kernel}x{@code kernel} convolution with the block's stride, a
 * {@link SqueezeExcitation} (SiLU, Sigmoid, {@code max(1, in / 4)} channels) and a linear 1x1
 * projection; batch norm after every convolution, SiLU after the first two. When the stride is 1
 * and the width does not change, the output goes through {@link StochasticDepth} ("row") and the
 * input is added. Parameter names: {@code block.0.0.weight}, ..., {@code block.2.fc1.weight},
 * {@code block.3.0.weight}, {@code block.3.1.*}.
 *
 * <p>Shape: {@code [B, in, H, W] -> [B, out, (H-1)/stride+1, (W-1)/stride+1]}.
 *
 * @param block the expansion, depthwise, squeeze-excitation and projection layers
 * @param stochasticDepth applied to the residual branch
 * @param useResConnect whether the input is added to the output
 */
public record MBConv(Sequential block, StochasticDepth stochasticDepth, boolean useResConnect)
    implements UnaryModule {

  /**
   * Checks the components.
   *
   * @throws IllegalArgumentException naming the component that is null
   */
  public MBConv {
    Arguments.requireNonNull(block, "block");
    Arguments.requireNonNull(stochasticDepth, "stochasticDepth");
  }

  /**
   * A block as torchvision's {@code MBConvConfig} describes it.
   *
   * @param expandRatio the expansion of the input width
   * @param kernel the depthwise kernel size
   * @param stride 1 or 2
   * @param stochasticDepthProb the stochastic depth's drop probability
   * @param eps the batch norms' eps
   * @param momentum the batch norms' momentum
   * @throws IllegalArgumentException for non-positive sizes or a probability outside [0, 1]
   */
  public static MBConv create(double expandRatio, long kernel, long stride, long in, long out,
      double stochasticDepthProb, double eps, double momentum) {
    if (in < 1 || out < 1 || kernel < 1 || stride < 1 || !(expandRatio > 0)) {
      throw Arguments.invalid(null, "expandRatio, kernel, stride, in and out must be positive,"
          + " got expandRatio=" + expandRatio + ", kernel=" + kernel + ", stride=" + stride
          + ", in=" + in + ", out=" + out);
    }
    StochasticDepth sd = new StochasticDepth(stochasticDepthProb, "row");
    long expanded = Blocks.makeDivisible(in * expandRatio, 8);
    List<UnaryModule> layers = new ArrayList<>();
    if (expanded != in) {
      layers.add(Blocks.convNormAct(in, expanded, 1, 1, 1, eps, momentum, new SiLU()));
    }
    layers.add(Blocks.convNormAct(expanded, expanded, kernel, stride, expanded, eps, momentum,
        new SiLU()));
    layers.add(SqueezeExcitation.create(expanded, Math.max(1, in / 4), new SiLU(),
        new Sigmoid()));
    layers.add(Blocks.convNormAct(expanded, out, 1, 1, 1, eps, momentum, null));
    return new MBConv(new Sequential(layers), sd, stride == 1 && in == out);
  }

  @Override
  public void visitChildren(ModuleVisitor v) {
    Arguments.requireNonNull(v, "v");
    v.module("block", block);
    v.module("stochastic_depth", stochasticDepth);
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
    return useResConnect ? stochasticDepth.forward(y).add(x) : y;
  }
}
