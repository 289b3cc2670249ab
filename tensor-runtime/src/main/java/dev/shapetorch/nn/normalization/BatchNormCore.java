package dev.shapetorch.nn.normalization;

import dev.shapetorch.nn.Buffer;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.Parameter;
import dev.shapetorch.nn.functional.F;
import dev.shapetorch.nn.internal.Checks;
import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/**
 * The state and forward pass shared by {@link BatchNorm1d} and {@link BatchNorm2d}, as
 * PyTorch's {@code _BatchNorm}: affine parameters {@code weight} (ones) and {@code bias}
 * (zeros), buffers {@code running_mean} (zeros), {@code running_var} (ones) and {@code
 * num_batches_tracked} (an int64 0-d counter). A null momentum (PyTorch's {@code
 * momentum=None}) makes the running statistics a cumulative average: the factor of the
 * {@code n}-th training batch is {@code 1/n}, {@code n} read from {@code num_batches_tracked}
 * after it is incremented.
 */
final class BatchNormCore {
  final long numFeatures;
  final double eps;
  /** The running statistics' factor, or null for a cumulative moving average. */
  final Double momentum;
  final Parameter weight;
  final Parameter bias;
  final Buffer runningMean;
  final Buffer runningVar;
  final Buffer numBatchesTracked;

  BatchNormCore(String layer, long numFeatures, double eps, Double momentum, boolean affine,
      boolean trackRunningStats) {
    Checks.positive(layer, "numFeatures", numFeatures);
    if (!(eps > 0)) {
      throw new IllegalArgumentException(layer + ": eps must be positive, got " + eps);
    }
    if (momentum != null && !(momentum >= 0 && momentum <= 1)) {
      throw new IllegalArgumentException(layer + ": momentum must be in [0, 1], or null for a"
          + " cumulative moving average, got " + momentum);
    }
    this.numFeatures = numFeatures;
    this.eps = eps;
    this.momentum = momentum;
    this.weight = affine ? new Parameter(Torch.ones(numFeatures)) : null;
    this.bias = affine ? new Parameter(Torch.zeros(numFeatures)) : null;
    if (trackRunningStats) {
      this.runningMean = new Buffer(Torch.zeros(numFeatures));
      this.runningVar = new Buffer(Torch.ones(numFeatures));
      this.numBatchesTracked = new Buffer(Torch.zeros(new long[0], DType.INT64));
    } else {
      this.runningMean = null;
      this.runningVar = null;
      this.numBatchesTracked = null;
    }
  }

  /** PyTorch's {@code _BatchNorm.forward}: batch statistics while training, running ones after. */
  Tensor forward(Tensor input, boolean training) {
    boolean tracking = runningMean != null;
    double factor = momentum == null ? 0.0 : momentum;
    if (training && tracking) {
      try (var ng = Torch.noGrad()) {
        numBatchesTracked.get().add_(Torch.ones(new long[0], DType.INT64));
      }
      if (momentum == null) {
        factor = 1.0 / numBatchesTracked.get().itemLong();
      }
    }
    boolean useBatchStats = training || !tracking;
    Tensor mean = tracking ? runningMean.get() : null;
    Tensor var = tracking ? runningVar.get() : null;
    return F.batchNorm(input, mean, var, Checks.value(weight), Checks.value(bias), useBatchStats,
        factor, eps);
  }

  void visit(ModuleVisitor visitor) {
    visitor.parameter("weight", weight);
    visitor.parameter("bias", bias);
    visitor.buffer("running_mean", runningMean);
    visitor.buffer("running_var", runningVar);
    visitor.buffer("num_batches_tracked", numBatchesTracked);
  }

  String describe(String layer) {
    return layer + "(" + numFeatures + ", eps=" + Checks.pyFloat(eps) + ", momentum="
        + (momentum == null ? "None" : Checks.pyFloat(momentum)) + ", affine="
        + Checks.pyBool(weight != null) + ", track_running_stats="
        + Checks.pyBool(runningMean != null) + ")";
  }
}
