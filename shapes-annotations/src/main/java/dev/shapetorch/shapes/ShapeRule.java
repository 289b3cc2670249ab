package dev.shapetorch.shapes;

import dev.shapetorch.shapes.rules.Rule;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the shape rule of an op whose behaviour a plain {@link Shape} signature cannot say
 * (broadcasting, reshape with {@code -1}, a reduction over a dim given as an int, ...).
 *
 * <p>The checker and the runtime call the same rule: the checker on the static shapes at the
 * call site, the runtime on the actual shapes before it calls libtorch. {@link #args} maps the
 * rule's inputs, in the order {@link Rule} documents, to the method's parameters by name
 * ({@code "this"} for the receiver). When empty, the inputs are the receiver (for an instance
 * method) followed by every parameter in declaration order.
 *
 * <p>An entry may also be a constant ({@code "-1"}, {@code "false"}, {@code "null"} for an absent
 * tensor) or, for an {@code INTS} input, a list of int parameters and constants in brackets:
 * {@code "[kh, kw]"} gives the rule a kernel of two sizes from two parameters. On a constructor,
 * the rule is the constructor's contract ({@code Rule.CONV_CONTRACT}): the checker runs it on the
 * call's arguments and the layer's {@code Spec} runs it on its values.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.CONSTRUCTOR})
public @interface ShapeRule {
  /** The rule. */
  Rule value();

  /** The method parameters (by name, {@code "this"} for the receiver) feeding the rule. */
  String[] args() default {};
}
