package dev.shapetorch.shapes;

/**
 * A public form of an op declared once with {@link Variants}, as the {@code variants:} line of
 * PyTorch's {@code native_functions.yaml}. Each form is generated into the class that a {@link
 * Surface} of that variant names.
 */
public enum Variant {
  /** A static method of the function surface ({@code Torch.add(a, b)}, as {@code torch.add}). */
  FUNCTION,
  /**
   * An instance method of the method surface ({@code a.add(b)}, as {@code Tensor.add}): the
   * declaration's first parameter, a tensor, becomes the receiver.
   */
  METHOD,
  /**
   * A static method of the functional surface ({@code F.conv2d}, as {@code
   * torch.nn.functional.conv2d}). A declaration outside that surface's package must also be a
   * {@link #FUNCTION}: its functional form calls the function form.
   */
  FUNCTIONAL,
  /**
   * A static method of the linear-algebra surface ({@code Linalg.inv}, as {@code
   * torch.linalg.inv}). Its forms call the declaration directly, as {@link #FUNCTION}'s do.
   */
  LINALG
}
