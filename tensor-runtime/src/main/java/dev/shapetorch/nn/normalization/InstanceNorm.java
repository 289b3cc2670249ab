package dev.shapetorch.nn.normalization;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.UnaryModule;
import dev.shapetorch.nn.functional.F;
import dev.shapetorch.nn.internal.Checks;
import dev.shapetorch.tensor.Tensor;

/**
 * What {@link InstanceNorm1d}, {@link InstanceNorm2d} and {@link InstanceNorm3d} share, as
 * PyTorch's {@code _InstanceNorm}: each channel of each sample is normalised over its spatial
 * dims ({@code F.instanceNorm}). By PyTorch's defaults there is no affine transform and no
 * running statistics. With {@code affine}, the parameters {@code weight} (ones) and {@code bias}
 * (zeros); with {@code trackRunningStats}, the buffers {@code running_mean} (zeros), {@code
 * running_var} (ones) and {@code num_batches_tracked} (an int64 0-d counter that, as in
 * PyTorch, instance norm never advances). While training (or when not tracking) the layer uses
 * each instance's statistics and updates the running ones with their mean over the batch
 * ({@code running = (1 - momentum) * running + momentum * batch}); in evaluation mode with
 * running statistics it normalises with them. An unbatched input (one sample, without the
 * batch dim) is normalised as a batch of one.
 *
 * <p>Type: {@code @Shape({"C"})}, the channel count, as each layer's type; by name, {@link
 * Spec}.
 *
 * <p>Shape: {@code [N, C, *] -> [N, C, *]} or unbatched {@code [C, *] -> [C, *]}, the
 * per-channel tensors {@code [C]}; each subclass says how many spatial dims it takes. Sealed:
 * the three layers are its only subclasses.
 */
public abstract sealed class InstanceNorm extends NormBase implements UnaryModule
    permits InstanceNorm1d, InstanceNorm2d, InstanceNorm3d {
  private final Spec spec;
  private final int spatialDims;

  /**
   * An instance normalisation's hyperparameters by name, as the layers' constructors take them;
   * the type's vector is {@link #typeVector()}.
   *
   * @param numFeatures the channels {@code C}
   * @param eps added to the variance; not part of the type
   * @param momentum the weight of the current batch in the running statistics, in {@code [0,
   *     1]}; not part of the type
   * @param affine whether the layer learns a scale and shift per channel; not part of the type
   * @param trackRunningStats whether the layer keeps running statistics; not part of the type
   */
  public record Spec(long numFeatures, double eps, double momentum, boolean affine,
      boolean trackRunningStats) {
    /**
     * Checks the hyperparameters; a message starts with the layer whose constructor was called
     * ({@code InstanceNorm2d: eps must be positive, got 0.0}).
     *
     * @throws IllegalArgumentException for a non-positive {@code numFeatures} or {@code eps}, or
     *     a momentum outside {@code [0, 1]}
     */
    public Spec {
      Checks.positive(null, "numFeatures", numFeatures);
      if (!(eps > 0)) {
        throw Arguments.invalid(null, "eps must be positive, got " + eps);
      }
      if (!(momentum >= 0 && momentum <= 1)) {
        throw Arguments.invalid(null, "momentum must be in [0, 1], got " + momentum);
      }
    }

    /** The type's vector, {@code [C]}: what the layers' {@code forward} is checked with. */
    public long[] typeVector() {
      return new long[] {numFeatures};
    }
  }

  InstanceNorm(Spec spec, int spatialDims) {
    super(spec.numFeatures, spec.affine, spec.trackRunningStats);
    this.spec = spec;
    this.spatialDims = spatialDims;
  }

  /** PyTorch's {@code _InstanceNorm.forward}, an unbatched input as a batch of one. */
  Tensor normalize(Tensor input) {
    if (input.dim() == spatialDims + 1) {
      return apply(input.unsqueeze(0)).squeeze(0);
    }
    return apply(input);
  }

  private Tensor apply(Tensor input) {
    boolean tracking = runningMean() != null;
    return F.instanceNorm(input, tracking ? runningMean().get() : null,
        tracking ? runningVar().get() : null, Checks.value(weight()), Checks.value(bias()),
        isTraining() || !tracking, spec.momentum, spec.eps);
  }

  /** The hyperparameters, by name. */
  public Spec spec() {
    return spec;
  }

  @Override
  public void visitChildren(ModuleVisitor visitor) {
    Arguments.requireNonNull(visitor, "visitor");
    visitState(visitor);
  }

  /**
   * As PyTorch prints it: {@code InstanceNorm2d(3, eps=1e-05, momentum=0.1, affine=False,
   * track_running_stats=False)}.
   */
  @Override
  public String toString() {
    return getClass().getSimpleName() + "(" + spec.numFeatures + ", eps="
        + Checks.pyFloat(spec.eps) + ", momentum=" + Checks.pyFloat(spec.momentum)
        + ", affine=" + Checks.pyBool(spec.affine) + ", track_running_stats="
        + Checks.pyBool(spec.trackRunningStats) + ")";
  }
}
