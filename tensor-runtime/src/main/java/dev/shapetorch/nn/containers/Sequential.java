package dev.shapetorch.nn.containers;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.nn.AbstractModule;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.UnaryModule;
import dev.shapetorch.nn.activation.ReLU;
import dev.shapetorch.nn.internal.Printing;
import dev.shapetorch.nn.linear.Linear;
import dev.shapetorch.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Unary modules applied in order, as PyTorch's {@code nn.Sequential}. Submodules are named
 * {@code "0"}, {@code "1"}, ... or by the keys of the map given to {@link #Sequential(Map)}
 * (PyTorch's {@code OrderedDict} form).
 *
 * <pre>{@code
 * var mlp = new Sequential(new Linear(784, 128), new ReLU(), new Linear(128, 10));
 * mlp.namedParameters().keySet();   // [0.weight, 0.bias, 2.weight, 2.bias]
 * }</pre>
 *
 * <p>Shape: the type carries none, since the chain's shapes depend on its contents; a model
 * that wants its shapes checked end to end calls its layers' {@code forward}s itself.
 */
public final class Sequential extends AbstractModule implements UnaryModule {
  private final Map<String, UnaryModule> modules;

  /** The modules, named by position. */
  public Sequential(UnaryModule... modules) {
    this(Arrays.asList(Arguments.requireNonNull(modules, "modules")));
  }

  /** The modules, named by position. */
  public Sequential(List<? extends UnaryModule> modules) {
    Arguments.requireNonNullElements(modules, "modules");
    Map<String, UnaryModule> named = new LinkedHashMap<>();
    for (int i = 0; i < modules.size(); i++) {
      named.put(Integer.toString(i), modules.get(i));
    }
    this.modules = named;
  }

  /** The modules under the given names, in the map's iteration order. */
  public Sequential(Map<String, ? extends UnaryModule> modules) {
    Map<String, UnaryModule> named = new LinkedHashMap<>();
    Arguments.requireNonNull(modules, "modules").forEach((k, v) -> {
      if (k == null || k.isEmpty() || k.contains(".")) {
        throw Arguments.invalid(null, "modules has the name " + (k == null ? "null" : "\"" + k
            + "\"") + "; a module's name is a non-empty string without dots");
      }
      named.put(k, Arguments.requireNonNull(v, "modules[\"" + k + "\"]"));
    });
    this.modules = named;
  }

  /**
   * Applies every module in order.
   *
   * <p>Shape: whatever the chain maps the input to.
   */
  @Override
  public Tensor forward(Tensor input) {
    return runForward(input, this::forwardBody);
  }

  private Tensor forwardBody(Tensor input) {
    Tensor x = input;
    for (UnaryModule m : modules.values()) {
      x = m.forward(x);
    }
    return x;
  }

  /** The module at {@code index}; negative indices count from the end. */
  public UnaryModule get(int index) {
    List<UnaryModule> list = new ArrayList<>(modules.values());
    int i = index < 0 ? index + list.size() : index;
    if (i < 0 || i >= list.size()) {
      throw new IndexOutOfBoundsException(
          "Sequential.get: index " + index + " is out of range for " + list.size() + " modules");
    }
    return list.get(i);
  }

  /** The number of modules. */
  public int size() {
    return modules.size();
  }

  @Override
  public void visitChildren(ModuleVisitor visitor) {
    Arguments.requireNonNull(visitor, "visitor");
    modules.forEach(visitor::module);
  }

  @Override
  public String toString() {
    return Printing.container("Sequential", namedChildren());
  }
}
