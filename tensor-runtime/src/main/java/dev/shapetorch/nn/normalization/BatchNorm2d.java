package dev.shapetorch.nn.normalization;

import dev.shapetorch.nn.AbstractModule;
import dev.shapetorch.nn.Buffer;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.Parameter;
import dev.shapetorch.nn.UnaryModule;
import dev.shapetorch.nn.internal.ForwardSignature;
import dev.shapetorch.shapes.Dim;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Arguments;
import dev.shapetorch.tensor.Tensor;

/**
 * Batch normalisation of images, per channel: PyTorch's {@code nn.BatchNorm2d}. In training
 * mode it normalises with the batch's mean and (biased) variance and updates the running
 * statistics ({@code running = (1 - momentum) * running + momentum * batch}, with the unbiased
 * variance); in evaluation mode ({@link #eval()}) it normalises with the running statistics.
 *
 * <p>Type: {@code @Shape({"C"}) BatchNorm2d}, the channel count.
 *
 * <p>Shape: {@code [N, C, H, W] -> [N, C, H, W]}.
 *
 * <p>Parameters: {@code weight}, {@code bias} {@code [C]} (ones and zeros; absent when not
 * affine). Buffers: {@code running_mean}, {@code running_var} {@code [C]}, {@code
 * num_batches_tracked} (int64, 0-d) (absent when not tracking).
 */
public final class BatchNorm2d extends AbstractModule implements UnaryModule {
  private static final ForwardSignature FORWARD = ForwardSignature.of(BatchNorm2d.class, "input");

  private final BatchNormCore core;

  /** With PyTorch's defaults: eps 1e-5, momentum 0.1, affine, tracking running statistics. */
  public @Shape({"c"}) BatchNorm2d(@Dim long c) {
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
   */
  public @Shape({"c"}) BatchNorm2d(
      @Dim long c, double eps, Double momentum, boolean affine, boolean trackRunningStats) {
    this.core = new BatchNormCore("BatchNorm2d", c, eps, momentum, affine, trackRunningStats);
  }

  /**
   * Normalises.
   *
   * <p>Shape: {@code [N, C, H, W] -> [N, C, H, W]}.
   */
  @Override
  public @Shape({"N", "C", "H", "W"}) Tensor forward(
      @Shape({"C"}) BatchNorm2d this, @Shape({"N", "C", "H", "W"}) Tensor input) {
    FORWARD.check(new long[] {core.numFeatures}, input);
    return core.forward(input, isTraining());
  }

  /** The scale, {@code [C]}, or null when not affine. */
  public Parameter weight() {
    return core.weight;
  }

  /** The shift, {@code [C]}, or null when not affine. */
  public Parameter bias() {
    return core.bias;
  }

  /** The running mean, {@code [C]}, or null when not tracking. */
  public Buffer runningMean() {
    return core.runningMean;
  }

  /** The running variance, {@code [C]}, or null when not tracking. */
  public Buffer runningVar() {
    return core.runningVar;
  }

  /** How many training batches have updated the running statistics (int64, 0-d), or null. */
  public Buffer numBatchesTracked() {
    return core.numBatchesTracked;
  }

  @Override
  public void visitChildren(ModuleVisitor visitor) {
    Arguments.requireNonNull(visitor, "visitor");
    core.visit(visitor);
  }

  /** As PyTorch prints it. */
  @Override
  public String toString() {
    return core.describe("BatchNorm2d");
  }
}
