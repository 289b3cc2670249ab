package dev.shapetorch.shapes;

import dev.shapetorch.shapes.rules.DTypeRule;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An op's dtype effect or dtype contract, declared once on its op declaration next to its
 * {@link ShapeRule}: {@code @DTypeEffect(value = DTypeRule.PROMOTE, args = {"a", "b"})}. The
 * op-forms processor copies it to the generated surfaces; the Shape Checker reads it at every
 * call (the result's {@link ScalarType}, or a {@code shape.dtype.contract} error), and the
 * runtime checks the contracts through {@link dev.shapetorch.shapes.rules.DTypeRule#check} with
 * the same text. Repeatable: one result effect and any number of contracts.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.CONSTRUCTOR})
@Repeatable(DTypeEffect.List.class)
public @interface DTypeEffect {
  /** The effect or contract. */
  DTypeRule value();

  /** The method parameters (by name, {@code "this"} for the receiver) it reads. */
  String[] args() default {};

  /** Several {@link DTypeEffect}s on one op. */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.METHOD, ElementType.CONSTRUCTOR})
  @interface List {
    /** The effects. */
    DTypeEffect[] value();
  }
}
