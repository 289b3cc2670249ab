package dev.shapetorch.nn.normalization;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.internal.ForwardContract;
import dev.shapetorch.internal.Guard;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.shapes.Dim;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.shapes.ShapeRule;
import dev.shapetorch.shapes.rules.Rule;
import dev.shapetorch.tensor.Tensor;

/**
 * Batch normalisation of features or sequences, per channel: PyTorch's {@code nn.BatchNorm1d};
 * training and evaluation as {@link BatchNorm} says.
 *
 * <p>Type: {@code @Shape({"C"}) BatchNorm1d}, the channel count; by name, {@link
 * BatchNorm.Spec}.
 *
 * <p>Shape: {@code [N, C] -> [N, C]} or {@code [N, C, L] -> [N, C, L]}.
 *
 * <p>Parameters: {@code weight}, {@code bias} {@code [C]} (ones and zeros; absent when not
 * affine). Buffers: {@code running_mean}, {@code running_var} {@code [C]}, {@code
 * num_batches_tracked} (int64, 0-d) (absent when not tracking).
 */
public final class BatchNorm1d extends BatchNorm {
  private static final ForwardContract FORWARD = Guard.forward(BatchNorm1d.class, "input");

  /** With PyTorch's defaults: eps 1e-5, momentum 0.1, affine, tracking running statistics. */
  public @Shape({"c"}) BatchNorm1d(@Dim long c) {
    this(c, 1e-5, 0.1, true, true);
  }

  /**
   * Every option.
   *
   * @param eps added to the variance
   * @param momentum the weight of the current batch in the running statistics, in {@code [0,
   *     1]}; null (PyTorch's {@code momentum=None}) for a cumulative moving average, where the
   *     {@code n}-th training batch weighs {@code 1/n} ({@code n} counted by {@code
   *     num_batches_tracked}, which a loaded state dict restores)
   * @param affine whether to learn a scale and shift
   * @param trackRunningStats whether to keep running statistics (without them, evaluation
   *     mode uses batch statistics too)
   * @throws IllegalArgumentException as {@link BatchNorm.Spec}'s constructor
   */
  public @Shape({"c"}) BatchNorm1d(
      @Dim long c, double eps, Double momentum, boolean affine, boolean trackRunningStats) {
    super(new Spec(c, eps, momentum, affine, trackRunningStats));
  }

  /**
   * Normalises.
   *
   * <p>Shape: {@code [N, C] -> [N, C]} or {@code [N, C, L] -> [N, C, L]} ({@link
   * Rule#BATCH_NORM1D_LAYER}).
   *
   * @throws dev.shapetorch.tensor.ShapeException {@code [shape.rank]} if the input is not 2-D or
   *     3-D, {@code [shape.mismatch.norm.channels]} if its dim 1 is not {@code C}
   */
  @Override
  @ShapeRule(value = Rule.BATCH_NORM1D_LAYER, args = {"this", "input"})
  public Tensor forward(Tensor input) {
    return runForward(input, this::forwardBody);
  }

  private Tensor forwardBody(Tensor input) {
    FORWARD.check(spec().typeVector(), input);
    return normalize(input);
  }

  @Override
  public void visitChildren(ModuleVisitor visitor) {
    Arguments.requireNonNull(visitor, "visitor");
    visitState(visitor);
  }
}
