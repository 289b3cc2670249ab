package dev.shapetorch.nn.normalization;

import dev.shapetorch.nn.AbstractModule;
import dev.shapetorch.nn.Buffer;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.Parameter;
import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.Torch;

/**
 * What {@link BatchNorm} and {@link InstanceNorm} share, as PyTorch's {@code _NormBase}: the
 * per-channel scale and shift, the running statistics and their counter, their reset, and how
 * they are named in a state dict. Package-private: each family adds its own {@code Spec},
 * forward and repr.
 *
 * <p>Shape: every tensor here is {@code [C]}, but for {@code num_batches_tracked}, an int64 0-d
 * counter.
 */
abstract sealed class NormBase extends AbstractModule permits BatchNorm, InstanceNorm {
  private final Parameter weight;
  private final Parameter bias;
  private final Buffer runningMean;
  private final Buffer runningVar;
  private final Buffer numBatchesTracked;

  /**
   * The state of a layer over {@code c} channels: weight (ones) and bias (zeros) when {@code
   * affine}; running mean (zeros), running variance (ones) and the counter (0) when {@code
   * trackRunningStats}.
   */
  NormBase(long c, boolean affine, boolean trackRunningStats) {
    this.weight = affine ? new Parameter(Torch.ones(c)) : null;
    this.bias = affine ? new Parameter(Torch.zeros(c)) : null;
    if (trackRunningStats) {
      this.runningMean = new Buffer(Torch.zeros(c));
      this.runningVar = new Buffer(Torch.ones(c));
      this.numBatchesTracked = new Buffer(Torch.zeros(new long[0], DType.INT64));
    } else {
      this.runningMean = null;
      this.runningVar = null;
      this.numBatchesTracked = null;
    }
  }

  /**
   * Resets the running statistics, as PyTorch's {@code reset_running_stats()}: the running mean
   * to zeros, the running variance to ones and {@code num_batches_tracked} to 0, in place. Does
   * nothing when the layer does not track running statistics.
   */
  public void resetRunningStats() {
    if (runningMean == null) {
      return;
    }
    try (var ng = Torch.noGrad()) {
      runningMean.get().zero_();
      runningVar.get().fill_(1.0);
      numBatchesTracked.get().zero_();
    }
  }

  /** The scale, {@code [C]}, or null when not affine. */
  public Parameter weight() {
    return weight;
  }

  /** The shift, {@code [C]}, or null when not affine. */
  public Parameter bias() {
    return bias;
  }

  /** The running mean, {@code [C]}, or null when not tracking. */
  public Buffer runningMean() {
    return runningMean;
  }

  /** The running variance, {@code [C]}, or null when not tracking. */
  public Buffer runningVar() {
    return runningVar;
  }

  /**
   * PyTorch's {@code num_batches_tracked} (int64, 0-d): how many training batches have updated
   * the running statistics (instance norm, as in PyTorch, never advances it), or null when not
   * tracking.
   */
  public Buffer numBatchesTracked() {
    return numBatchesTracked;
  }

  /** Visits the parameters and buffers under PyTorch's names; the caller checks the visitor. */
  void visitState(ModuleVisitor visitor) {
    visitor.parameter("weight", weight);
    visitor.parameter("bias", bias);
    visitor.buffer("running_mean", runningMean);
    visitor.buffer("running_var", runningVar);
    visitor.buffer("num_batches_tracked", numBatchesTracked);
  }
}
