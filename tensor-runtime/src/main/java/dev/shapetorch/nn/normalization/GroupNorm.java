package dev.shapetorch.nn.normalization;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.internal.ForwardContract;
import dev.shapetorch.internal.Guard;
import dev.shapetorch.nn.AbstractModule;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.Parameter;
import dev.shapetorch.nn.UnaryModule;
import dev.shapetorch.nn.functional.F;
import dev.shapetorch.nn.internal.Checks;
import dev.shapetorch.shapes.Dim;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.shapes.ShapeRule;
import dev.shapetorch.shapes.rules.DimExpr;
import dev.shapetorch.shapes.rules.Rule;
import dev.shapetorch.shapes.rules.RuleArg;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/**
 * Group normalisation: channels split into groups, each normalised over its channels and the
 * spatial dims of one sample: PyTorch's {@code nn.GroupNorm(numGroups, numChannels)}.
 *
 * <p>Type: {@code @Shape({"C", "G"}) GroupNorm}: channels, then groups (channels first, so
 * that the type reads like the other normalisation layers', whose first entry is {@code C}); by
 * name, {@link Spec}.
 *
 * <p>Shape: {@code [N, C, *] -> [N, C, *]}, {@code C} divisible by {@code G}.
 *
 * <p>Parameters: {@code weight} (ones), {@code bias} (zeros), {@code [C]}; absent when not
 * affine.
 */
public final class GroupNorm extends AbstractModule implements UnaryModule {
  private static final ForwardContract FORWARD = Guard.forward(GroupNorm.class, "input");

  private final Spec spec;
  private final Parameter weight;
  private final Parameter bias;

  /**
   * A group normalisation's hyperparameters by name, in its constructor's order (groups first,
   * as PyTorch's); the type's vector, channels first, is {@link #typeVector()}.
   *
   * @param numGroups the groups {@code G}, which divide the channels
   * @param numChannels the channels {@code C}
   * @param eps added to the variance
   * @param affine whether the layer learns a scale and shift per channel
   */
  public record Spec(long numGroups, long numChannels, double eps, boolean affine) {
    /**
     * Checks the hyperparameters.
     *
     * @throws dev.shapetorch.tensor.ShapeException {@code [shape.module.params]} ({@link
     *     Rule#GROUP_NORM_CONTRACT}) for non-positive counts, or {@code numGroups} not dividing
     *     {@code numChannels}
     */
    public Spec {
      // The rule the checker runs on the constructor's constant arguments.
      Guard.declared(Rule.GROUP_NORM_CONTRACT, "GroupNorm",
          new RuleArg.IntArg(DimExpr.of(numGroups)), new RuleArg.IntArg(DimExpr.of(numChannels)));
    }

    /** The type's vector, {@code [C, G]}: what {@link GroupNorm#forward} is checked with. */
    public long[] typeVector() {
      return new long[] {numChannels, numGroups};
    }
  }

  /** With eps 1e-5 and an affine transform, as {@code nn.GroupNorm(numGroups, numChannels)}. */
  @ShapeRule(value = Rule.GROUP_NORM_CONTRACT, args = {"numGroups", "numChannels"})
  public @Shape({"numChannels", "numGroups"}) GroupNorm(
      @Dim long numGroups, @Dim long numChannels) {
    this(numGroups, numChannels, 1e-5, true);
  }

  /**
   * Every option.
   *
   * @throws IllegalArgumentException if {@code numGroups} does not divide {@code numChannels}
   */
  @ShapeRule(value = Rule.GROUP_NORM_CONTRACT, args = {"numGroups", "numChannels"})
  public @Shape({"numChannels", "numGroups"}) GroupNorm(
      @Dim long numGroups, @Dim long numChannels, double eps, boolean affine) {
    this.spec = new Spec(numGroups, numChannels, eps, affine);
    this.weight = affine ? new Parameter(Torch.ones(numChannels)) : null;
    this.bias = affine ? new Parameter(Torch.zeros(numChannels)) : null;
  }

  /**
   * Normalises.
   *
   * <p>Shape: {@code [N, C, *] -> [N, C, *]} ({@link Rule#NORM_CHANNELS}).
   *
   * @throws dev.shapetorch.tensor.ShapeException if the input's dim 1 is not {@code C}
   */
  @Override
  @ShapeRule(value = Rule.NORM_CHANNELS, args = {"this", "input"})
  public Tensor forward(Tensor input) {
    return runForward(input, this::forwardBody);
  }

  private Tensor forwardBody(Tensor input) {
    FORWARD.check(spec.typeVector(), input);
    return F.groupNorm(input, spec.numGroups, Checks.value(weight), Checks.value(bias),
        spec.eps);
  }

  /** The hyperparameters, by name. */
  public Spec spec() {
    return spec;
  }

  /** The scale, {@code [C]}, or null. */
  public Parameter weight() {
    return weight;
  }

  /** The shift, {@code [C]}, or null. */
  public Parameter bias() {
    return bias;
  }

  @Override
  public void visitChildren(ModuleVisitor visitor) {
    Arguments.requireNonNull(visitor, "visitor");
    visitor.parameter("weight", weight);
    visitor.parameter("bias", bias);
  }

  /** As PyTorch prints it: {@code GroupNorm(3, 6, eps=1e-05, affine=True)}. */
  @Override
  public String toString() {
    return "GroupNorm(" + spec.numGroups + ", " + spec.numChannels + ", eps="
        + Checks.pyFloat(spec.eps) + ", affine=" + Checks.pyBool(spec.affine) + ")";
  }
}
