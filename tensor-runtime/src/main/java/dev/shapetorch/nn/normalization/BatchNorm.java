package dev.shapetorch.nn.normalization;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.nn.UnaryModule;
import dev.shapetorch.nn.functional.F;
import dev.shapetorch.nn.internal.Checks;
import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/**
 * What {@link BatchNorm1d}, {@link BatchNorm2d} and {@link BatchNorm3d} share, as PyTorch's
 * {@code _BatchNorm}: the affine parameters {@code weight} (ones) and {@code bias} (zeros), the buffers {@code
 * running_mean} (zeros), {@code running_var} (ones) and {@code num_batches_tracked} (an int64 0-d
 * counter), and the forward pass. In training mode it normalises with the batch's mean and
 * (biased) variance and updates the running statistics ({@code running = (1 - momentum) *
 * running + momentum * batch}, with the unbiased variance); in evaluation mode ({@link #eval()})
 * it normalises with the running statistics. A null momentum (PyTorch's {@code momentum=None})
 * makes the running statistics a cumulative average: the factor of the {@code n}-th training
 * batch is {@code 1/n}, {@code n} read from {@code num_batches_tracked} after it is incremented.
 *
 * <p>Type: {@code @Shape({"C"})}, the channel count, as each layer's type; by name, {@link
 * Spec}, which the layers' {@code spec()} return.
 *
 * <p>Shape: {@code [N, C, *] -> [N, C, *]}, the per-channel tensors {@code [C]}; each subclass
 * says which ranks it takes. Sealed: the three layers are its only subclasses.
 */
public abstract sealed class BatchNorm extends NormBase implements UnaryModule
    permits BatchNorm1d, BatchNorm2d, BatchNorm3d {
  private volatile Spec spec;

  /**
   * A batch normalisation's hyperparameters by name, as both layers' constructors take them;
   * the type's vector is {@link #typeVector()}.
   *
   * @param numFeatures the channels {@code C}
   * @param eps added to the variance; not part of the type
   * @param momentum the weight of the current batch in the running statistics, in {@code [0,
   *     1]}, or null (PyTorch's {@code momentum=None}) for a cumulative moving average; not part
   *     of the type
   * @param affine whether the layer learns a scale and shift; not part of the type
   * @param trackRunningStats whether the layer keeps running statistics; not part of the type
   */
  public record Spec(long numFeatures, double eps, Double momentum, boolean affine,
      boolean trackRunningStats) {
    /**
     * Checks the hyperparameters; a message starts with the layer whose constructor was called
     * ({@code BatchNorm1d: eps must be positive, got 0.0}).
     *
     * @throws IllegalArgumentException for a non-positive {@code numFeatures} or {@code eps}, or
     *     a momentum outside {@code [0, 1]}
     */
    public Spec {
      Checks.positive(null, "numFeatures", numFeatures);
      if (!(eps > 0)) {
        throw Arguments.invalid(null, "eps must be positive, got " + eps);
      }
      if (momentum != null && !(momentum >= 0 && momentum <= 1)) {
        throw Arguments.invalid(null, "momentum must be in [0, 1], or null for a cumulative"
            + " moving average, got " + momentum);
      }
    }

    /** The type's vector, {@code [C]}: what the layers' {@code forward} is checked with. */
    public long[] typeVector() {
      return new long[] {numFeatures};
    }
  }

  BatchNorm(Spec spec) {
    super(spec.numFeatures, spec.affine, spec.trackRunningStats);
    this.spec = spec;
  }

  /** PyTorch's {@code _BatchNorm.forward}: batch statistics while training, running ones after. */
  Tensor normalize(Tensor input) {
    boolean training = isTraining();
    boolean tracking = runningMean() != null;
    Double momentum = spec.momentum;
    double factor = momentum == null ? 0.0 : momentum;
    if (training && tracking) {
      try (var ng = Torch.noGrad()) {
        numBatchesTracked().get().add_(Torch.ones(new long[0], DType.INT64));
      }
      if (momentum == null) {
        factor = 1.0 / numBatchesTracked().get().itemLong();
      }
    }
    boolean useBatchStats = training || !tracking;
    Tensor mean = tracking ? runningMean().get() : null;
    Tensor var = tracking ? runningVar().get() : null;
    return F.batchNorm(input, mean, var, Checks.value(weight()), Checks.value(bias()),
        useBatchStats, factor, spec.eps);
  }

  /** The hyperparameters, by name. */
  public Spec spec() {
    return spec;
  }

  /**
   * Sets the momentum of the running statistics, as assigning PyTorch's {@code module.momentum}
   * does; null makes them a cumulative average ({@code momentum=None}). {@code
   * swa_utils.update_bn} ({@code SwaUtils.updateBn}) uses it.
   *
   * @throws IllegalArgumentException (naming this layer) for a momentum outside {@code [0, 1]}
   */
  public void setMomentum(Double momentum) {
    if (momentum != null && !(momentum >= 0 && momentum <= 1)) {
      throw new IllegalArgumentException(getClass().getSimpleName() + ".setMomentum: momentum"
          + " must be in [0, 1], or null for a cumulative moving average, got " + momentum);
    }
    spec = new Spec(spec.numFeatures(), spec.eps(), momentum, spec.affine(),
        spec.trackRunningStats());
  }

  /**
   * As PyTorch prints it: {@code BatchNorm2d(3, eps=1e-05, momentum=0.1, affine=True,
   * track_running_stats=True)}.
   */
  @Override
  public String toString() {
    return getClass().getSimpleName() + "(" + spec.numFeatures + ", eps="
        + Checks.pyFloat(spec.eps) + ", momentum="
        + (spec.momentum == null ? "None" : Checks.pyFloat(spec.momentum)) + ", affine="
        + Checks.pyBool(spec.affine) + ", track_running_stats="
        + Checks.pyBool(spec.trackRunningStats) + ")";
  }
}
