/**
 * The shape algebra: ShapeTorch's single source of truth for shapes, pure JDK code.
 *
 * <p>{@link dev.shapetorch.shapes.rules.DimExpr} is a size in symbolic normal form; {@link
 * dev.shapetorch.shapes.rules.TensorShape} a shape; every op's rule computes a {@link
 * dev.shapetorch.shapes.rules.ShapeResult}: the output shape, or a {@link
 * dev.shapetorch.shapes.rules.ShapeMismatch} naming the op, the shapes and the dimension that
 * disagree. The compile-time checker and the runtime call the same rules and print the same
 * message.
 */
package dev.shapetorch.shapes.rules;
