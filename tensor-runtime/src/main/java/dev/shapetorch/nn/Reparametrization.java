package dev.shapetorch.nn;

/**
 * What replaces one parameter of a module in the module's tree: the parameters and buffers from
 * which a forward pre-hook computes it, as PyTorch's {@code weight_norm}, {@code spectral_norm}
 * and pruning replace {@code weight} by {@code weight_g} and {@code weight_v}, by {@code
 * weight_orig} and its buffers, by {@code weight_orig} and {@code weight_mask}. Registered with
 * {@link AbstractModule#reparametrize}; the functions of {@code dev.shapetorch.nn.utils} do it.
 *
 * <p>While registered, every traversal ({@link Module#namedParameters()}, {@link
 * Module#stateDict()}, {@link Module#to}, optimizers built from the parameters) sees the
 * replacing entries, after the module's own, in the order {@link #visitChildren} gives them; the
 * replaced parameter holds the computed value ({@link Parameter#setComputed}).
 *
 * <p>Shape: the computed value has the replaced parameter's shape.
 */
public interface Reparametrization {

  /** The name of the parameter it replaces, e.g. {@code "weight"}. */
  String target();

  /** The parameters and buffers that replace {@link #target()}, e.g. {@code weight_g}. */
  void visitChildren(ModuleVisitor visitor);
}
