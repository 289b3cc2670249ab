/**
 * The shape algebra: ShapeTorch's single source of truth for shapes, pure JDK code.
 *
 * <p>Values: {@link dev.shapetorch.shapes.rules.DimExpr} is one size in symbolic normal form
 * ({@code 2*B} equals {@code B+B}); {@link dev.shapetorch.shapes.rules.TensorShape} a shape,
 * optionally with a variadic prefix; {@link dev.shapetorch.shapes.rules.ShapeParser} reads the
 * {@code @Shape} language into them, reporting {@link
 * dev.shapetorch.shapes.rules.ShapeSyntaxError}s with a character position.
 *
 * <p>Inference: {@link dev.shapetorch.shapes.rules.Unifier} matches declared patterns against
 * actual shapes and returns {@link dev.shapetorch.shapes.rules.Bindings}, which instantiate a
 * result pattern.
 *
 * <p>Rules, one family per class, each a pure static function returning a {@link
 * dev.shapetorch.shapes.rules.ShapeResult} (the output shape or a {@link
 * dev.shapetorch.shapes.rules.ShapeMismatch} naming the op, the shapes and the dimension):
 * {@link dev.shapetorch.shapes.rules.Broadcasting}, {@link
 * dev.shapetorch.shapes.rules.MatmulRules}, {@link dev.shapetorch.shapes.rules.ViewRules},
 * {@link dev.shapetorch.shapes.rules.DimRules}, {@link dev.shapetorch.shapes.rules.JoinRules},
 * {@link dev.shapetorch.shapes.rules.ReductionRules}, {@link
 * dev.shapetorch.shapes.rules.IndexRules}, {@link dev.shapetorch.shapes.rules.IndexingRules}
 * (Python's subscript as an index string, parsed by {@link
 * dev.shapetorch.shapes.rules.IndexSpec}), {@link dev.shapetorch.shapes.rules.ConvRules},
 * {@link dev.shapetorch.shapes.rules.ConvTransposeRules}, {@link
 * dev.shapetorch.shapes.rules.ConvLayerRules} (the conv and pooling layers' forward, on the
 * functional families' formulas),
 * {@link dev.shapetorch.shapes.rules.LossRules}, {@link dev.shapetorch.shapes.rules.LayerRules},
 * {@link dev.shapetorch.shapes.rules.SpatialRules}, {@link
 * dev.shapetorch.shapes.rules.FactoryRules}. Each {@link dev.shapetorch.shapes.rules.Rule}
 * constant, named by {@code @ShapeRule}, carries its family function and applies it to {@link
 * dev.shapetorch.shapes.rules.RuleArg}s (the checker's entry point, and the runtime's guards);
 * hot paths of the runtime may call the family methods directly. Diagnostic keys are constants
 * of {@link dev.shapetorch.shapes.rules.MessageKeys}.
 *
 * <pre>{@code
 * ShapeResult<TensorShape> r = MatmulRules.matmul("Torch.matmul",
 *     ShapeParser.parseShape("B", "784"), ShapeParser.parseShape("128", "10"));
 * r.mismatch().render();
 * // [shape.mismatch.matmul] Torch.matmul: inner dimensions differ: a is [B, 784]
 * //     (dim 1 = 784), b is [128, 10] (dim 0 = 128)
 * }</pre>
 *
 * <p>Gradual typing: an unknown size ({@code _}), an unknown rank ({@code [...]}) or an
 * unknown int argument never causes a mismatch by itself; it makes the affected output sizes
 * unknown. Distinct symbolic sizes ({@code B} and {@code 784}) are rigid: they are not assumed
 * equal.
 */
package dev.shapetorch.shapes.rules;
