package dev.shapetorch.shapes;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A divisibility fact: the size {@link #value} is divisible by the size {@link #by}.
 *
 * <p>Inside the annotated method or constructor (or every method of the annotated class) sizes
 * are compared in their normal form under the facts: {@code H*(D/H)} is {@code D}, {@code D %
 * H} is {@code 0}. So a multi-head split and its inverse check:
 *
 * <pre>{@code
 * @Divisible(value = "D", by = "H")
 * static @Shape({"B", "T", "D"}) Tensor roundTrip(@Shape({"B", "T", "D"}) Tensor x, @Dim("H") long h) {
 *   @Shape({"B", "T", "H", "D/H"}) Tensor heads = x.view(x.size(0), x.size(1), h, x.size(2) / h);
 *   return heads.view(x.size(0), x.size(1), h * (x.size(2) / h));  // [B, T, H*(D/H)] is [B, T, D]
 * }
 * }</pre>
 *
 * <p>At each call the fact is a precondition, checked with the call's sizes: concrete sizes that
 * do not divide are the error {@code shape.divisibility} ({@code roundTrip} of a {@code [2, 5,
 * 10]} tensor with {@code h = 3}); sizes the checker does not know are accepted; symbolic sizes
 * must follow from the caller's own facts (state them with {@code @Divisible} there). A fact can
 * also be stated on the divisor's parameter, {@code @Dim(value = "H", divides = "D")}.
 *
 * <p>Both sizes are written in the shape language ({@code "D"}, {@code "4"}, {@code "C*K"}); a
 * fact rewrites sizes when its {@link #value} is one variable and {@link #by} one term
 * ({@code "H"}, {@code "4"}, {@code "2*G"}); others are known but do not rewrite.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.CONSTRUCTOR, ElementType.TYPE})
@Repeatable(Divisible.List.class)
public @interface Divisible {
  /** The size that is a multiple, {@code "D"}. */
  String value();

  /** The size that divides it, {@code "H"}. */
  String by();

  /** The container of repeated {@link Divisible} facts (written for you by javac). */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.METHOD, ElementType.CONSTRUCTOR, ElementType.TYPE})
  @interface List {
    /** The facts. */
    Divisible[] value();
  }
}
