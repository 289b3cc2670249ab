/**
 * The annotations of ShapeTorch's shape language, which user code needs at compile time.
 *
 * <ul>
 *   <li>{@link dev.shapetorch.shapes.Shape}: a tensor's shape in its type, {@code @Shape({"B",
 *       "784"}) Tensor x};
 *   <li>{@link dev.shapetorch.shapes.UnknownShape} (the default) and {@link
 *       dev.shapetorch.shapes.ShapeBottom}: the top and bottom of the hierarchy;
 *   <li>{@link dev.shapetorch.shapes.Dim}: an int parameter that is a size;
 *   <li>{@link dev.shapetorch.shapes.Divisible}: a size divisible by another, {@code
 *       @Divisible(value = "D", by = "H")}, after which {@code H*(D/H)} is {@code D};
 *   <li>{@link dev.shapetorch.shapes.ShapeRule}: an op's shape rule from {@link
 *       dev.shapetorch.shapes.rules.Rule};
 *   <li>{@link dev.shapetorch.shapes.ScalarType}: a tensor's dtype in its type, {@code
 *       @ScalarType("int64") Tensor}, with {@link dev.shapetorch.shapes.UnknownScalarType} (the
 *       default) and {@link dev.shapetorch.shapes.ScalarTypeBottom} as the top and bottom of
 *       the second hierarchy;
 *   <li>{@link dev.shapetorch.shapes.DTypeEffect}: an op's dtype effect or contract from {@link
 *       dev.shapetorch.shapes.rules.DTypeRule}.
 * </ul>
 *
 * <p>The pure shape algebra that gives these annotations their meaning lives in {@link
 * dev.shapetorch.shapes.rules}.
 */
package dev.shapetorch.shapes;
