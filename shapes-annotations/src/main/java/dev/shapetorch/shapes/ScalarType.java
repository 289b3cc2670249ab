package dev.shapetorch.shapes;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The element type (dtype) of a tensor, in its static type: {@code @ScalarType("int64") Tensor}.
 *
 * <p>The value is a dtype as PyTorch prints it without {@code torch.} ({@code float16},
 * {@code bfloat16}, {@code float32}, {@code float64}, {@code uint8}, {@code int8}, {@code int16},
 * {@code int32}, {@code int64}, {@code bool}) or a category: {@code floating} (any floating
 * dtype) or {@code integral} ({@code uint8} to {@code int64}, not {@code bool}, like PyTorch's
 * {@code is_integral(include_bool=False)}). A tensor without one has an unknown dtype ({@link
 * UnknownScalarType}), which is never an error on its own. The Shape Checker infers dtypes from
 * factories, conversions and ops ({@link DTypeEffect}); see {@code docs/shape-language.md},
 * "Dtypes". (Named after libtorch's {@code ScalarType}, so as not to clash with the runtime's
 * {@code dev.shapetorch.tensor.DType}.)
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE_USE, ElementType.TYPE_PARAMETER})
public @interface ScalarType {
  /** The dtype or category: {@code "float32"}, {@code "int64"}, {@code "integral"}, ... */
  String value();
}
