package dev.shapetorch.shapes;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The shape of a tensor, as part of its static type: one string per dimension.
 *
 * <pre>{@code
 * @Shape({"B", "784"}) Tensor x;              // a batch of flattened images
 * @Shape({"N", "C*H*W"}) Tensor flat;          // arithmetic over shape variables
 * @Shape({"...", "n"}) Tensor last;            // any leading dims, last one = the int n
 * }</pre>
 *
 * <p>Each element is one dimension in the shape language (see {@code
 * dev.shapetorch.shapes.rules.ShapeParser}): a literal size ({@code "784"}), a shape variable
 * ({@code "B"}), a dependent size naming an {@code int} parameter or final {@code int} in
 * scope ({@code "n"}), integer arithmetic ({@code "(H+2*P-K)/S+1"}), one unknown dimension
 * ({@code "_"}), or zero or more leading dimensions ({@code "..."} or a named {@code
 * "*batch"}).
 *
 * <p>On a module type (for example {@code Linear}) the list holds the module's shape-relevant
 * hyperparameters instead, in the order its class documents.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE_USE, ElementType.TYPE_PARAMETER})
public @interface Shape {
  /** The dimensions, outermost first. */
  String[] value();
}
