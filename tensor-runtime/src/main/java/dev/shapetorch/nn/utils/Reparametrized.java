package dev.shapetorch.nn.utils;

import dev.shapetorch.nn.AbstractModule;
import dev.shapetorch.nn.Module;
import dev.shapetorch.nn.Parameter;
import dev.shapetorch.nn.Reparametrization;
import dev.shapetorch.tensor.RemovableHandle;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/**
 * What weight norm, spectral norm and pruning share: the module, the replaced parameter (whose
 * holder then returns the computed value), and the forward pre-hook that recomputes it.
 */
abstract class Reparametrized implements Reparametrization {
  final AbstractModule module;
  final String name;
  final Parameter replaced;
  private RemovableHandle hook;

  Reparametrized(String function, Module module, String name) {
    if (module == null) {
      throw new IllegalArgumentException(function + ": the module is null");
    }
    if (!(module instanceof AbstractModule am)) {
      throw new IllegalArgumentException(function + ": " + module.getClass().getSimpleName()
          + " is a record module, which cannot hold a reparametrization; apply " + function
          + " to the layer that owns the parameter (e.g. its Linear or Conv2d)");
    }
    if (name == null) {
      throw new IllegalArgumentException(function + ": the parameter name is null");
    }
    this.module = am;
    this.name = name;
    Parameter p = am.ownParameter(name);
    if (p == null) {
      throw new IllegalArgumentException(function + ": " + module.getClass().getSimpleName()
          + " has no parameter \"" + name + "\"" + (am.reparametrization(name) != null
              ? " of its own any more: it is already reparametrized by "
                  + am.reparametrization(name) : ""));
    }
    if (p.isComputed() || am.reparametrization(name) != null) {
      throw new IllegalArgumentException(function + ": \"" + name + "\" of "
          + module.getClass().getSimpleName() + " is already reparametrized by "
          + am.reparametrization(name) + "; remove that first");
    }
    this.replaced = p;
  }

  @Override
  public final String target() {
    return name;
  }

  /** The value of the replaced parameter, from the current parameters and buffers. */
  abstract Tensor compute();

  /** The value until the first forward: {@link #compute()} by default, without gradient. */
  Tensor initial() {
    try (var ng = Torch.noGrad()) {
      return compute();
    }
  }

  /** Registers this reparametrization and its pre-hook, and sets the initial value. */
  final void install() {
    Tensor first = initial();
    module.reparametrize(this);
    hook = module.registerForwardPreHook((m, args) -> {
      replaced.setComputed(compute());
      return null;
    });
    replaced.setComputed(first);
  }

  /** Makes the current value the parameter again: a leaf that requires a gradient. */
  final void uninstall() {
    Tensor value = finalValue();
    hook.remove();
    module.removeReparametrization(name);
    replaced.setComputed(null);
    // In place, so that the leaf stays the tensor that optimizers hold (as PyTorch's remove
    // keeps the parameter object of weight_orig).
    try (var ng = Torch.noGrad()) {
      replaced.leaf().copy_(value);
    }
  }

  /** The value the parameter keeps when this is removed: {@link #compute()}, without gradient. */
  Tensor finalValue() {
    try (var ng = Torch.noGrad()) {
      return compute().detach();
    }
  }

  /** Finds the reparametrization of {@code name} of class {@code type}, or explains. */
  static <R extends Reparametrized> R find(String function, String what, Module module,
      String name, Class<R> type) {
    if (module instanceof AbstractModule am && name != null) {
      Reparametrization r = am.reparametrization(name);
      if (type.isInstance(r)) {
        return type.cast(r);
      }
    }
    throw new IllegalArgumentException(function + ": " + what + " of '" + name
        + "' not found in " + (module == null ? "null" : module.getClass().getSimpleName()));
  }
}
