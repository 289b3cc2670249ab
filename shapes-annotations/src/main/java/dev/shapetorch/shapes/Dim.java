package dev.shapetorch.shapes;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an {@code int} or {@code long} parameter (or varargs array of them) as a size that
 * takes part in shapes.
 *
 * <p>Without a value, the parameter is a dependent dimension under its own name: a shape in
 * the same declaration may write that name ({@code zeros(@Dim int n)} returning {@code
 * @Shape({"n"})}). With a value, the parameter binds that shape variable at each call site:
 * {@code Linear(@Dim("In") long in, @Dim("Out") long out)}. The checker learns the value
 * from constants (the Value Checker) or leaves the dimension unknown.
 *
 * <p>A {@code boolean} parameter marked {@code @Dim} stands for 1 ({@code true}) or 0 ({@code
 * false}): {@code MaxPool2d}'s {@code ceilMode} is its type's {@code C}.
 *
 * <p>{@link #divides} states that this size divides others, as {@link Divisible} does on the
 * method: {@code heads(@Shape({"B", "T", "D"}) Tensor x, @Dim(value = "H", divides = "D") long
 * h)} may write {@code "D/H"} and have {@code "H*(D/H)"} be {@code D}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER})
public @interface Dim {
  /** The shape variable this size binds; empty for "the parameter's own name". */
  String value() default "";

  /**
   * Sizes this one divides, in the shape language ({@code {"D"}}): the facts {@code
   * @Divisible(value = "D", by = <this size>)} for the declaring method.
   */
  String[] divides() default {};
}
