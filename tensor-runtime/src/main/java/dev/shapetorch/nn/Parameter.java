package dev.shapetorch.nn;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.tensor.Tensor;

/**
 * A trainable tensor of a module: PyTorch's {@code nn.Parameter}.
 *
 * <p>A final holder whose tensor can be replaced ({@link #set}), so that a model that is an
 * immutable record of modules still supports loading and moving its parameters. The held
 * tensor is always a leaf of the autograd graph; it requires a gradient unless the parameter
 * is frozen (created so, or by {@link #requiresGrad_}). An optimizer keeps the holder and reads {@link #get()} at every step.
 *
 * <p>Shape: the held tensor's shape never changes: {@link #set} with another shape throws.
 */
public final class Parameter {
  private boolean requiresGrad;
  private Tensor value;
  private volatile Tensor computed;
  /** The parameter this one is another name of ({@link #aliasOf}), or null. */
  private final Parameter target;
  private volatile boolean aliased;

  /** A parameter that requires a gradient; {@code data} is detached (not copied). */
  public Parameter(Tensor data) {
    this(data, true);
  }

  /**
   * A parameter holding {@code data} detached from any graph (sharing its storage).
   *
   * @param requiresGrad false for a frozen parameter
   */
  public Parameter(Tensor data, boolean requiresGrad) {
    this.target = null;
    this.requiresGrad = requiresGrad;
    this.value = asLeaf(Arguments.requireNonNull(data, "data"));
  }

  /**
   * The current tensor: a leaf whose {@code grad()} holds the accumulated gradient, or, while a
   * {@link Reparametrization} replaces this parameter, the value it computed last ({@link
   * #setComputed}).
   */
  public Tensor get() {
    if (target != null) {
      return target.leaf();
    }
    Tensor c = computed;
    return c != null ? c : value;
  }

  /**
   * The held leaf tensor, whose {@code grad()} is this parameter's gradient and which optimizers
   * update: {@link #get()} unless a reparametrization computes this parameter ({@link
   * #isComputed()}), PyTorch's {@code param.data} of the parameter object.
   */
  public Tensor leaf() {
    return target != null ? target.leaf() : value;
  }

  /**
   * Another holder of {@code parameter}'s leaf: every read, write and gradient goes to {@code
   * parameter}'s leaf, and {@link #get()} returns it even while {@code parameter} is computed.
   * Pruning and spectral norm register one as {@code weight_orig}, so that the leaf is the same
   * tensor under both names, as PyTorch keeps the same parameter object: an optimizer built
   * before or during the reparametrization keeps training it.
   */
  public static Parameter aliasOf(Parameter parameter) {
    Arguments.requireNonNull(parameter, "parameter");
    Parameter root = parameter.target != null ? parameter.target : parameter;
    root.aliased = true;
    return new Parameter(root);
  }

  private Parameter(Parameter target) {
    this.target = target;
    this.requiresGrad = target.requiresGrad;
  }

  /** True once {@link #aliasOf} made another holder of this parameter's leaf. */
  public boolean isAliased() {
    return target != null || aliased;
  }

  /**
   * Makes {@link #get()} return {@code value}, a tensor computed from other parameters (a
   * non-leaf, which carries their gradients), or, with null, the held leaf again: what PyTorch's
   * {@code weight_norm} does when it sets {@code module.weight} before each forward. For {@link
   * Reparametrization}s; {@link #set} and the gradient still concern the held leaf.
   *
   * @throws dev.shapetorch.tensor.ShapeException {@code [shape.mismatch.parameter]} if {@code
   *     value}'s shape differs from the held tensor's
   */
  public void setComputed(Tensor value) {
    if (target != null) {
      throw new IllegalStateException("Parameter.setComputed: this holder is another name of a"
          + " parameter (aliasOf); set the computed value on that parameter");
    }
    if (value != null) {
      StateChecks.requireSameShape("Parameter.setComputed", "parameter", this.value, value);
      value.retain();
    }
    computed = value;
  }

  /** True while {@link #get()} returns a computed value ({@link #setComputed}). */
  public boolean isComputed() {
    return target == null && computed != null;
  }

  /**
   * Replaces the tensor, e.g. by one on another device or with another dtype. The new value
   * is detached and made a leaf that requires a gradient like this parameter.
   *
   * @throws dev.shapetorch.tensor.ShapeException {@code [shape.mismatch.parameter]} if the
   *     new value's shape differs from the current one
   */
  public void set(Tensor newValue) {
    if (target != null) {
      target.set(newValue);
      return;
    }
    Arguments.requireNonNull(newValue, "newValue");
    StateChecks.requireSameShape("Parameter.set", "parameter", value, newValue);
    value = asLeaf(newValue);
  }

  /** True unless the parameter is frozen. */
  public boolean requiresGrad() {
    if (target != null) {
      return target.requiresGrad();
    }
    return requiresGrad;
  }

  /**
   * Freezes ({@code false}) or unfreezes ({@code true}) the parameter, keeping its tensor:
   * PyTorch's {@code param.requires_grad_()}. A frozen parameter gets no gradient from later
   * backward passes; one it already has stays until it is zeroed.
   */
  public void requiresGrad_(boolean newRequiresGrad) {
    if (target != null) {
      target.requiresGrad_(newRequiresGrad);
      return;
    }
    requiresGrad = newRequiresGrad;
    value.requiresGrad_(newRequiresGrad);
  }

  /** The held tensor's gradient, or null when none has been computed. */
  public Tensor grad() {
    return leaf().grad();
  }

  /** The held tensor's sizes. */
  public long[] shape() {
    return leaf().shape();
  }

  private Tensor asLeaf(Tensor t) {
    Tensor leaf = t.detach().requiresGrad_(requiresGrad);
    StateChecks.keep(leaf);
    return leaf;
  }

  /** {@code Parameter containing:} and the tensor, as PyTorch prints it. */
  @Override
  public String toString() {
    return "Parameter containing:\n" + leaf();
  }
}
