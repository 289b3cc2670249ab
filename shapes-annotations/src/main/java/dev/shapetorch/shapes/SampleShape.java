package dev.shapetorch.shapes;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The shapes of a supervised example, as part of its static type: its input's and its target's,
 * each in the {@link Shape} language.
 *
 * <pre>{@code
 * @SampleShape(input = {"1", "28", "28"}, target = {}) Sample example;   // an MNIST image, a label
 * @SampleShape(input = {"B", "784"}, target = {"B"}) Sample batch;      // a batch of B of them
 * }</pre>
 *
 * <p>On a {@code Sample} it is the sample's shapes ({@code sample.input()} has the {@code input}
 * shape); on a dataset, the shapes of each of its items; on a {@code DataLoader}, the shapes of
 * each of its batches. It is ordered by its two shapes: a value fits a declared {@code
 * @SampleShape} when its input fits the declared input and its target the declared target. A
 * parameter declared with it is a pattern, as a {@code @Shape} parameter is: {@code
 * @SampleShape(input = {"B", "784"}, target = {"B"}) Sample batch} accepts batches of any size
 * {@code B}, one {@code B} for both tensors.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE_USE, ElementType.TYPE_PARAMETER})
public @interface SampleShape {
  /** The input's dimensions, outermost first. */
  String[] input();

  /** The target's dimensions, outermost first ({@code {}} for a scalar, such as a class index). */
  String[] target();
}
