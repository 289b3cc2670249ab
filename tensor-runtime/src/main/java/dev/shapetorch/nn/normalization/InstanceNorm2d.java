package dev.shapetorch.nn.normalization;

import dev.shapetorch.internal.ForwardContract;
import dev.shapetorch.internal.Guard;
import dev.shapetorch.shapes.Dim;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.shapes.ShapeRule;
import dev.shapetorch.shapes.rules.Rule;
import dev.shapetorch.tensor.Tensor;

/**
 * Instance normalisation of images: each channel of each sample normalised over its
 * spatial dims, PyTorch's {@code nn.InstanceNorm2d}; training, evaluation and unbatched
 * inputs as {@link InstanceNorm} says.
 *
 * <p>Type: {@code @Shape({"C"}) InstanceNorm2d}, the channel count; by name, {@link
 * InstanceNorm.Spec}.
 *
 * <p>Shape: {@code [N, C, H, W] -> [N, C, H, W]} or unbatched {@code [C, H, W] -> [C,
 * H, W]}.
 *
 * <p>Parameters (when affine): {@code weight}, {@code bias} {@code [C]} (ones and zeros).
 * Buffers (when tracking): {@code running_mean}, {@code running_var} {@code [C]}, {@code
 * num_batches_tracked} (int64, 0-d).
 */
public final class InstanceNorm2d extends InstanceNorm {
  private static final ForwardContract FORWARD = Guard.forward(InstanceNorm2d.class, "input");

  /**
   * With PyTorch's defaults: eps 1e-5, momentum 0.1, no affine transform, no running
   * statistics.
   */
  public @Shape({"c"}) InstanceNorm2d(@Dim long c) {
    this(c, 1e-5, 0.1, false, false);
  }

  /**
   * Every option.
   *
   * @param eps added to the variance
   * @param momentum the weight of the current batch in the running statistics, in {@code [0,
   *     1]}
   * @param affine whether to learn a scale and shift per channel
   * @param trackRunningStats whether to keep running statistics, which evaluation mode then
   *     normalises with
   * @throws IllegalArgumentException as {@link InstanceNorm.Spec}'s constructor
   */
  public @Shape({"c"}) InstanceNorm2d(
      @Dim long c, double eps, double momentum, boolean affine, boolean trackRunningStats) {
    super(new Spec(c, eps, momentum, affine, trackRunningStats), 2);
  }

  /**
   * Normalises.
   *
   * <p>Shape: {@code [N, C, H, W] -> [N, C, H, W]} or {@code [C, H, W] -> [C, H, W]}
   * ({@link Rule#INSTANCE_NORM2D_LAYER}).
   *
   * @throws dev.shapetorch.tensor.ShapeException {@code [shape.rank]} if the input is not
   *     4-D or 3-D, {@code [shape.mismatch.norm.channels]} if its channel dim is not {@code C}
   * @throws IllegalArgumentException while using the input's statistics, for an input with one
   *     spatial element per channel
   */
  @Override
  @ShapeRule(value = Rule.INSTANCE_NORM2D_LAYER, args = {"this", "input"})
  public Tensor forward(Tensor input) {
    return runForward(input, this::forwardBody);
  }

  private Tensor forwardBody(Tensor input) {
    FORWARD.check(spec().typeVector(), input);
    return normalize(input);
  }
}
