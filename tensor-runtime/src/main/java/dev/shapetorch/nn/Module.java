package dev.shapetorch.nn;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.nn.dropout.Dropout;
import dev.shapetorch.nn.linear.Linear;
import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.Device;
import dev.shapetorch.tensor.MemoryFormat;
import dev.shapetorch.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A neural-network module: PyTorch's {@code nn.Module}, as a Java interface that a record or
 * a class implements.
 *
 * <p>A module says one thing by hand, {@link #visitChildren}: its own parameters, buffers and
 * direct submodules, in declaration order. Everything else is derived from it, with
 * PyTorch's names and order: {@link #namedParameters()} ({@code "fc1.weight"}, ...), {@link
 * #stateDict()}, {@link #train()}/{@link #eval()}, {@link #to(Device)}, {@link #zeroGrad()},
 * {@link #loadStateDict}. A model annotated {@link Model @Model} gets its {@code
 * visitChildren} generated.
 *
 * <pre>{@code
 * @Model
 * record Mlp(@Shape({"784", "128"}) Linear fc1, @Shape({"128", "10"}) Linear fc2)
 *     implements Module {
 *   public void visitChildren(ModuleVisitor v) { MlpChildren.visit(this, v); }
 *
 *   @Shape({"B", "10"}) Tensor forward(@Shape({"B", "784"}) Tensor x) {
 *     return fc2.forward(F.relu(fc1.forward(x)));
 *   }
 * }
 * var model = new Mlp(new Linear(784, 128), new Linear(128, 10));
 * model.namedParameters().keySet();   // [fc1.weight, fc1.bias, fc2.weight, fc2.bias]
 * }</pre>
 *
 * <p>Training mode: a module whose behaviour depends on the mode (Dropout, BatchNorm) keeps
 * its own flag; every built-in layer extends {@link AbstractModule}, which does. A module
 * without a flag of its own (a record) reports the mode of its first submodule, or {@code
 * true} if it has none. {@link #train(boolean)} sets every module of the tree.
 *
 * <p>Shape: a module type's {@code @Shape} lists its shape-relevant hyperparameters, in the
 * order its class documents ({@code @Shape({"784", "128"}) Linear}); its {@code forward}
 * states the shapes it maps.
 */
public interface Module {

  /** Own parameters, buffers and direct submodules, in declaration order (not recursive). */
  void visitChildren(ModuleVisitor visitor);

  /**
   * Every parameter of the tree, once each (a shared parameter under its first name), keyed
   * by dotted path, in PyTorch's order: a module's own parameters, then its submodules'.
   */
  default Map<String, Parameter> namedParameters() {
    return ModuleTree.namedParameters(this);
  }

  /** The values of {@link #namedParameters()}, in the same order. */
  default List<Parameter> parameters() {
    return new ArrayList<>(namedParameters().values());
  }

  /** Every buffer of the tree, once each, keyed by dotted path, in PyTorch's order. */
  default Map<String, Buffer> namedBuffers() {
    return ModuleTree.namedBuffers(this);
  }

  /** The values of {@link #namedBuffers()}, in the same order. */
  default List<Buffer> buffers() {
    return new ArrayList<>(namedBuffers().values());
  }

  /**
   * Every module of the tree, once each, depth first, starting with this one under the name
   * {@code ""}; submodules keyed by dotted path ({@code "blocks.0.conv"}).
   */
  default Map<String, Module> namedModules() {
    return ModuleTree.namedModules(this);
  }

  /** The values of {@link #namedModules()}: this module first. */
  default List<Module> modules() {
    return new ArrayList<>(namedModules().values());
  }

  /** Direct submodules keyed by name, in declaration order. */
  default Map<String, Module> namedChildren() {
    return ModuleTree.children(this).modules();
  }

  /** Direct submodules, in declaration order. */
  default List<Module> children() {
    return new ArrayList<>(namedChildren().values());
  }

  /** Calls {@code fn} on every submodule (depth first, children before parents), then this. */
  default void apply(Consumer<? super Module> fn) {
    ModuleTree.apply(this, fn);
  }

  /** Puts the whole tree in training mode: {@code train(true)}. */
  default void train() {
    train(true);
  }

  /** Puts the whole tree in evaluation mode: {@code train(false)}. */
  default void eval() {
    train(false);
  }

  /** Sets the mode of every module of the tree ({@link #setOwnTraining} on each). */
  default void train(boolean mode) {
    for (Module m : modules()) {
      m.setOwnTraining(mode);
    }
  }

  /**
   * True in training mode. This default reports the first submodule's mode, or {@code true}
   * for a module without submodules; {@link AbstractModule} keeps a flag of its own.
   */
  default boolean isTraining() {
    List<Module> children = children();
    return children.isEmpty() || children.get(0).isTraining();
  }

  /**
   * Sets this module's own mode only, not its submodules'; {@link #train(boolean)} calls it
   * on every module. The default does nothing (a module with no flag of its own).
   */
  default void setOwnTraining(boolean mode) {}

  /**
   * Moves every parameter and buffer to {@code device}, replacing the tensors their holders
   * hold (parameters stay leaves that require a gradient; accumulated gradients are dropped).
   * An optimizer that keeps the {@link Parameter} holders keeps working.
   */
  default void to(Device device) {
    Arguments.requireNonNull(device, "device");
    ModuleTree.replaceAll(this, t -> t.to(device), false);
  }

  /**
   * Casts every floating-point parameter and buffer to {@code dtype}, a floating-point type;
   * integer buffers (BatchNorm's step counter) keep theirs, as in PyTorch.
   *
   * @throws IllegalArgumentException if {@code dtype} is not a floating-point type
   */
  default void to(DType dtype) {
    ModuleTree.castFloating(this, dtype);
  }

  /**
   * Lays out every parameter and buffer of the rank {@code format} applies to (4-d for {@link
   * MemoryFormat#CHANNELS_LAST}, 5-d for {@link MemoryFormat#CHANNELS_LAST_3D}, 4-d and 5-d for
   * {@link MemoryFormat#CONTIGUOUS}) as {@code format}, as PyTorch's {@code
   * module.to(memory_format=...)}; other tensors are left alone. Values and shapes do not
   * change; accumulated gradients are dropped, and an optimizer that keeps the {@link
   * Parameter} holders keeps working. With channels-last weights a convolution returns a
   * channels-last result, so a whole CNN runs in that layout (usually faster on the CPU).
   *
   * @throws IllegalArgumentException for {@link MemoryFormat#PRESERVE}
   */
  default void to(MemoryFormat format) {
    ModuleTree.layOut(this, format);
  }

  /**
   * Freezes ({@code false}) or unfreezes ({@code true}) every parameter of the tree: PyTorch's
   * {@code requires_grad_}, e.g. {@code backbone.requiresGrad_(false)} for fine-tuning only a
   * new head. A frozen parameter gets no gradient from the next backward, so optimizers skip it
   * (it keeps a gradient it already had until {@link #zeroGrad()}).
   */
  default void requiresGrad_(boolean requiresGrad) {
    for (Parameter p : parameters()) {
      p.requiresGrad_(requiresGrad);
    }
  }

  /**
   * Drops the accumulated gradient of every parameter, as PyTorch 2.x's {@code zero_grad()},
   * whose default is {@code set_to_none=True}: every {@link Parameter#grad()} is null
   * afterwards. Same as {@code zeroGrad(true)}.
   */
  default void zeroGrad() {
    zeroGrad(true);
  }

  /**
   * Resets the accumulated gradient of every parameter, as {@code zero_grad(set_to_none)}.
   *
   * @param setToNone true to drop the gradients (null until the next backward); false to set
   *     the existing ones to zero in place (parameters without a gradient are left without one)
   */
  default void zeroGrad(boolean setToNone) {
    for (Parameter p : parameters()) {
      if (setToNone) {
        p.get().clearGrad_();
      } else {
        p.get().zeroGrad_();
      }
    }
  }

  /**
   * Parameters and persistent buffers keyed by dotted path, in PyTorch's {@code state_dict}
   * order (a module's parameters, its buffers, then its submodules'). A shared tensor appears
   * under each of its names. The values are the live tensors, detached: they share storage
   * with the model.
   */
  default Map<String, Tensor> stateDict() {
    return ModuleTree.stateDict(this);
  }

  /**
   * Copies {@code state} into the model's parameters and buffers, strictly: every key must
   * match and every shape agree. Nothing is copied unless everything fits.
   *
   * @throws dev.shapetorch.tensor.ShapeException {@code [shape.mismatch.state_dict]} naming
   *     every entry whose shape differs, with both shapes
   * @throws IllegalArgumentException listing missing and unexpected keys
   */
  default LoadResult loadStateDict(Map<String, Tensor> state) {
    return loadStateDict(state, true);
  }

  /**
   * Copies {@code state} into the model's parameters and buffers (in place, without
   * recording gradients; values are cast to each parameter's dtype and device). Nothing is
   * copied unless every shape agrees.
   *
   * @param strict if true, a missing or unexpected key is an error; if false, they are only
   *     reported in the result
   * @return the keys the model has but {@code state} lacks, and the keys {@code state} has
   *     but the model lacks
   * @throws dev.shapetorch.tensor.ShapeException {@code [shape.mismatch.state_dict]} naming
   *     every entry whose shape differs, with both shapes (also when not strict, as in
   *     PyTorch)
   * @throws IllegalArgumentException if strict and a key is missing or unexpected
   */
  default LoadResult loadStateDict(Map<String, Tensor> state, boolean strict) {
    return ModuleTree.loadStateDict(this, state, strict);
  }

  /**
   * What a non-strict {@link #loadStateDict(Map, boolean)} did not load.
   *
   * @param missingKeys keys of the model absent from the loaded state
   * @param unexpectedKeys keys of the loaded state the model does not have
   */
  record LoadResult(List<String> missingKeys, List<String> unexpectedKeys) {
    /** Copies the lists. */
    public LoadResult {
      missingKeys = List.copyOf(Arguments.requireNonNullElements(missingKeys, "missingKeys"));
      unexpectedKeys =
          List.copyOf(Arguments.requireNonNullElements(unexpectedKeys, "unexpectedKeys"));
    }

    /** True when every key matched. */
    public boolean isComplete() {
      return missingKeys.isEmpty() && unexpectedKeys.isEmpty();
    }
  }
}
