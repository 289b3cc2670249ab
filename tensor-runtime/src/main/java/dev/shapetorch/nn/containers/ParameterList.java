package dev.shapetorch.nn.containers;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.nn.AbstractModule;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.Parameter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * An immutable list of parameters, named {@code "0"}, {@code "1"}, ...: PyTorch's {@code
 * nn.ParameterList}, for a variable number of weights that an optimizer and the state dict must
 * see (a model holding {@code scales = ParameterList.of(...)} has {@code scales.0}, {@code
 * scales.1}, ...).
 *
 * <pre>{@code
 * var scales = ParameterList.of(new Parameter(Torch.ones(64)), new Parameter(Torch.ones(128)));
 * Tensor y = x.mul(scales.get(0).get());
 * }</pre>
 *
 * <p>Shape: none; each parameter keeps its own shape.
 */
public final class ParameterList extends AbstractModule implements Iterable<Parameter> {
  private final List<Parameter> parameters;

  /** A list of the given parameters, in order (none may be null). */
  public ParameterList(List<Parameter> parameters) {
    this.parameters = List.copyOf(Arguments.requireNonNullElements(parameters, "parameters"));
  }

  /** A list of the given parameters, in order. */
  public static ParameterList of(Parameter... parameters) {
    return new ParameterList(
        new ArrayList<>(List.of(Arguments.requireNonNullElements(parameters, "parameters"))));
  }

  /** The parameter at {@code index}; negative indices count from the end, as in Python. */
  public Parameter get(int index) {
    int i = index < 0 ? index + parameters.size() : index;
    if (i < 0 || i >= parameters.size()) {
      throw new IndexOutOfBoundsException("ParameterList.get: index " + index
          + " is out of range for " + parameters.size() + " parameters");
    }
    return parameters.get(i);
  }

  /** The number of parameters. */
  public int size() {
    return parameters.size();
  }

  /** The parameters as an unmodifiable list. */
  public List<Parameter> asList() {
    return parameters;
  }

  @Override
  public Iterator<Parameter> iterator() {
    return parameters.iterator();
  }

  @Override
  public void visitChildren(ModuleVisitor visitor) {
    Arguments.requireNonNull(visitor, "visitor");
    for (int i = 0; i < parameters.size(); i++) {
      visitor.parameter(Integer.toString(i), parameters.get(i));
    }
  }

  /** PyTorch's layout: one line per parameter with its dtype and size. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("ParameterList(");
    for (int i = 0; i < parameters.size(); i++) {
      Parameter p = parameters.get(i);
      sb.append(i == 0 ? "\n" : "").append("    (").append(i).append("): ")
          .append(Containers.describe(p, p.get().dtype().pytorchName())).append('\n');
    }
    return sb.append(')').toString();
  }
}
