package dev.shapetorch.nn.containers;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.nn.AbstractModule;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.Parameter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * An immutable, ordered map of named parameters: PyTorch's {@code nn.ParameterDict}. A model
 * holding {@code gates = new ParameterDict(...)} has parameters {@code gates.input}, {@code
 * gates.forget}, ..., in the order the map iterates (give a {@link LinkedHashMap} to fix it).
 *
 * <pre>{@code
 * var gates = new ParameterDict(new LinkedHashMap<>(Map.of("scale", new Parameter(Torch.ones(8)))));
 * Tensor y = x.mul(gates.get("scale").get());
 * }</pre>
 *
 * <p>Shape: none; each parameter keeps its own shape.
 */
public final class ParameterDict extends AbstractModule {
  private final Map<String, Parameter> parameters;

  /**
   * A map of the given parameters, in {@code parameters}' iteration order.
   *
   * @throws IllegalArgumentException for an empty name or one containing a dot
   */
  public ParameterDict(Map<String, Parameter> parameters) {
    Arguments.requireNonNull(parameters, "parameters");
    Map<String, Parameter> copy = new LinkedHashMap<>();
    parameters.forEach((name, p) -> {
      Containers.checkName("ParameterDict", name);
      copy.put(name, Arguments.requireNonNull(p, "parameters[\"" + name + "\"]"));
    });
    this.parameters = Collections.unmodifiableMap(copy);
  }

  /**
   * The parameter named {@code name} ({@code dict[name]}).
   *
   * @throws IllegalArgumentException if there is none, naming the keys there are
   */
  public Parameter get(String name) {
    Parameter p = parameters.get(Arguments.requireNonNull(name, "name"));
    if (p == null) {
      throw new IllegalArgumentException("ParameterDict.get: no parameter named \"" + name
          + "\"; the keys are " + parameters.keySet());
    }
    return p;
  }

  /** Whether a parameter is named {@code name}. */
  public boolean containsKey(String name) {
    return parameters.containsKey(name);
  }

  /** The names, in order. */
  public Set<String> keySet() {
    return parameters.keySet();
  }

  /** The names and parameters, in order, unmodifiable. */
  public Map<String, Parameter> asMap() {
    return parameters;
  }

  /** The number of parameters. */
  public int size() {
    return parameters.size();
  }

  @Override
  public void visitChildren(ModuleVisitor visitor) {
    Arguments.requireNonNull(visitor, "visitor");
    parameters.forEach(visitor::parameter);
  }

  /**
   * PyTorch 1.13's layout: one line per parameter with its legacy type name ({@code
   * torch.FloatTensor}) and size.
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("ParameterDict(");
    boolean first = true;
    for (Map.Entry<String, Parameter> e : parameters.entrySet()) {
      sb.append(first ? "\n" : "").append("    (").append(e.getKey()).append("): ")
          .append(Containers.describe(e.getValue(),
              Containers.legacyTypeName(e.getValue())))
          .append('\n');
      first = false;
    }
    return sb.append(')').toString();
  }
}
