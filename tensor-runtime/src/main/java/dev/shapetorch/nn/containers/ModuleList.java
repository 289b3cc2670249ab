package dev.shapetorch.nn.containers;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.nn.AbstractModule;
import dev.shapetorch.nn.Module;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.internal.Printing;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * An immutable list of submodules, named {@code "0"}, {@code "1"}, ... as in PyTorch's {@code
 * nn.ModuleList}: a model holding {@code blocks = ModuleList.of(b0, b1)} has parameters
 * {@code blocks.0.weight}, {@code blocks.1.weight}, ...
 *
 * <p>Shape: none; the list only holds modules, which keep their own types.
 *
 * @param <M> the modules' type
 */
public final class ModuleList<M extends Module> extends AbstractModule implements Iterable<M> {
  private final List<M> modules;

  /** A list of the given modules, in order (none may be null). */
  public ModuleList(List<? extends M> modules) {
    this.modules = List.copyOf(Arguments.requireNonNullElements(modules, "modules"));
  }

  /** A list of the given modules, in order. */
  @SafeVarargs
  public static <M extends Module> ModuleList<M> of(M... modules) {
    List<M> list = new ArrayList<>(Arguments.requireNonNullElements(modules, "modules").length);
    for (M m : modules) {
      list.add(m);
    }
    return new ModuleList<>(list);
  }

  /** The module at {@code index}; negative indices count from the end, as in Python. */
  public M get(int index) {
    int i = index < 0 ? index + modules.size() : index;
    if (i < 0 || i >= modules.size()) {
      throw new IndexOutOfBoundsException(
          "ModuleList.get: index " + index + " is out of range for " + modules.size() + " modules");
    }
    return modules.get(i);
  }

  /** The number of modules. */
  public int size() {
    return modules.size();
  }

  /** The modules as an unmodifiable list. */
  public List<M> asList() {
    return modules;
  }

  @Override
  public Iterator<M> iterator() {
    return modules.iterator();
  }

  @Override
  public void visitChildren(ModuleVisitor visitor) {
    Arguments.requireNonNull(visitor, "visitor");
    for (int i = 0; i < modules.size(); i++) {
      visitor.module(Integer.toString(i), modules.get(i));
    }
  }

  @Override
  public String toString() {
    return Printing.container("ModuleList", namedChildren());
  }
}
