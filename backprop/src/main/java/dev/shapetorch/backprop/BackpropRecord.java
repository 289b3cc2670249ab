package dev.shapetorch.backprop;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Asks the annotation processor to generate the {@link Backprop} algebra and the lenses of a
 * record, so that the record can be differentiated with {@link BVars} and its components
 * reached with {@link BVars#viewVar}.
 *
 * <p>The generated-class contract (the processor writes it; hand-written classes that follow it
 * work the same). For
 *
 * <pre>{@code
 * @BackpropRecord
 * public record Layer(Tensor weight, Tensor bias) {}
 * }</pre>
 *
 * the processor generates, in the record's package, a class named after the record with the
 * suffix {@code Backprop} ({@code Outer.Inner} gives {@code Outer_InnerBackprop}):
 *
 * <pre>{@code
 * public final class LayerBackprop implements Backprop<Layer> {
 *   public static final LayerBackprop INSTANCE;         // the one instance
 *   public static Lens<Layer, Tensor> weight();          // one lens per component, same name
 *   public static Lens<Layer, Tensor> bias();
 *   public Layer zero(Layer x);   // new Layer(TENSOR.zero(x.weight()), TENSOR.zero(x.bias()))
 *   public Layer add(Layer x, Layer y);   // componentwise
 *   public Layer one(Layer x);    // componentwise
 * }
 * }</pre>
 *
 * <p>Each component's algebra is chosen from its declared type: {@code double}/{@code Double}
 * gives {@link Backprop#DOUBLE} (the lens type uses the boxed type), {@code float}/{@code Float}
 * {@link Backprop#FLOAT}, {@code double[]} {@link Backprop#DOUBLE_ARRAY}, {@code float[]}
 * {@link Backprop#FLOAT_ARRAY}, {@code Tensor} {@code TensorBackprop.INSTANCE}, {@code List<X>}
 * {@link Backprop#list} of X's, {@code T1}..{@code T3}/{@code TN} the tuple algebras, and a
 * record annotated {@code @BackpropRecord} its generated {@code INSTANCE}. Any other component
 * type is a compile error naming the component. The annotation on anything but a record is a
 * compile error. A lens's {@code set} returns a new record through the canonical constructor.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface BackpropRecord {}
