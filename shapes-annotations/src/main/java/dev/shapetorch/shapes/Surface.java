package dev.shapetorch.shapes;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the package-private class from which the public class of one {@link Variant} is
 * generated: {@code @Surface(name = "Torch", variant = Variant.FUNCTION) abstract class
 * TorchBase} yields {@code public final class Torch extends TorchBase}, in the same package,
 * with one method per {@link Variants} declaration of that variant. The generated class takes
 * the surface's Javadoc and repeats its non-private constructors. For ShapeTorch's own runtime.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Surface {
  /** The simple name of the generated class ({@code Torch}, {@code Tensor}, {@code F}, {@code Linalg}). */
  String name();

  /** The variant whose forms the generated class holds. */
  Variant variant();
}
