package dev.shapetorch.nn.containers;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.nn.AbstractModule;
import dev.shapetorch.nn.Module;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.internal.Printing;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * An immutable, ordered map of named submodules: PyTorch's {@code nn.ModuleDict}. A model
 * holding {@code heads = ModuleDict.of(Map.of(...))} has parameters {@code heads.cls.weight},
 * {@code heads.box.weight}, ..., in the order the map iterates (give a {@link LinkedHashMap} to
 * fix it, as a Python dict keeps insertion order).
 *
 * <pre>{@code
 * var heads = new ModuleDict<>(new LinkedHashMap<>(Map.of("cls", new Linear(256, 10))));
 * Tensor logits = heads.get("cls").forward(features);
 * }</pre>
 *
 * <p>Shape: none; the map only holds modules, which keep their own types.
 *
 * @param <M> the modules' type
 */
public final class ModuleDict<M extends Module> extends AbstractModule {
  private final Map<String, M> modules;

  /**
   * A map of the given modules, in {@code modules}' iteration order.
   *
   * @throws IllegalArgumentException for an empty name or one containing a dot (it would break
   *     the dotted parameter names)
   */
  public ModuleDict(Map<String, ? extends M> modules) {
    Arguments.requireNonNull(modules, "modules");
    Map<String, M> copy = new LinkedHashMap<>();
    modules.forEach((name, module) -> {
      Containers.checkName("ModuleDict", name);
      copy.put(name, Arguments.requireNonNull(module, "modules[\"" + name + "\"]"));
    });
    this.modules = Collections.unmodifiableMap(copy);
  }

  /**
   * The module named {@code name} ({@code dict[name]}).
   *
   * @throws IllegalArgumentException if there is none, naming the keys there are
   */
  public M get(String name) {
    M m = modules.get(Arguments.requireNonNull(name, "name"));
    if (m == null) {
      throw new IllegalArgumentException(
          "ModuleDict.get: no module named \"" + name + "\"; the keys are " + modules.keySet());
    }
    return m;
  }

  /** Whether a module is named {@code name} ({@code name in dict}). */
  public boolean containsKey(String name) {
    return modules.containsKey(name);
  }

  /** The names, in order ({@code keys()}). */
  public Set<String> keySet() {
    return modules.keySet();
  }

  /** The names and modules, in order, unmodifiable ({@code items()}). */
  public Map<String, M> asMap() {
    return modules;
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
    return Printing.container("ModuleDict", namedChildren());
  }
}
