package dev.shapetorch.shapes;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares an op once: the annotated static method is its kernel, its {@link ShapeRule} or
 * {@link Shape} signature is its shape contract, and its Javadoc (with the {@code Shape:}
 * section) documents every form. ShapeTorch's {@code OpFormsProcessor} generates each listed
 * {@link Variant} into its {@link Surface}: the public method carries the declaration's
 * annotations and Javadoc, checks the call against the same shape contract before the kernel
 * runs (the runtime guard), and calls the kernel.
 *
 * <pre>{@code
 * @Variants({Variant.FUNCTION, Variant.METHOD})
 * @ShapeRule(Rule.BROADCAST)
 * static Tensor add(Tensor a, Tensor b) { ... }   // Torch.add(a, b) and a.add(b)
 * }</pre>
 *
 * <p>A declaration that is itself public is taken to check its own shapes (the families that
 * still reach {@code Torch} by inheritance): its forms call it without a guard.
 *
 * <p>The declaration is package-private and lives in the package of the surfaces it feeds (a
 * {@link Variant#FUNCTIONAL} form may also call the {@link Variant#FUNCTION} form of another
 * package). For ShapeTorch's own runtime; see docs/architecture.md.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Variants {
  /** The public forms of this op. */
  Variant[] value();
}
