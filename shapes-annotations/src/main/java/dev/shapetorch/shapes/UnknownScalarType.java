package dev.shapetorch.shapes;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A tensor whose dtype is not known statically: the top of the dtype hierarchy and the default
 * for every unannotated type. Any dtype flows into it, and it flows into any {@link ScalarType}
 * (the checker is gradual; the runtime checks the ops' dtype contracts).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE_USE, ElementType.TYPE_PARAMETER})
public @interface UnknownScalarType {}
