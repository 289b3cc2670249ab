package dev.shapetorch.nn;

import dev.shapetorch.nn.linear.Linear;

/**
 * Receives a module's own parameters, buffers and direct submodules from {@link
 * Module#visitChildren}, in declaration order.
 *
 * <p>Names are the attribute names PyTorch would use: a field {@code fc1} of type {@code
 * Linear} is visited as {@code module("fc1", fc1)}, and its weight becomes {@code
 * "fc1.weight"} in {@link Module#namedParameters()}. A name must be non-empty and must not
 * contain a dot. A null value (an absent bias, an optional submodule) is skipped by every
 * traversal, as PyTorch skips a {@code None} attribute.
 */
public interface ModuleVisitor {

  /** A parameter owned directly by the visited module. */
  void parameter(String name, Parameter parameter);

  /** A buffer owned directly by the visited module. */
  void buffer(String name, Buffer buffer);

  /** A direct submodule of the visited module. */
  void module(String name, Module module);
}
