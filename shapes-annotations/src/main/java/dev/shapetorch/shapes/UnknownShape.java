package dev.shapetorch.shapes;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Nothing is known about the shape: the top of the shape hierarchy and the default for every
 * unannotated tensor. An unknown shape never causes a compile-time error by itself; the
 * runtime still checks it. Use {@code Shapes.require} to turn it into a known shape.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE_USE, ElementType.TYPE_PARAMETER})
public @interface UnknownShape {}
