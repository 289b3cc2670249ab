/**
 * The Shape Checker: a Checker Framework javac plugin that checks tensor shapes written as
 * {@code @Shape} while the code compiles.
 *
 * <ul>
 *   <li>{@link dev.shapetorch.checker.ShapeChecker}: the plugin ({@code -processor
 *       dev.shapetorch.checker.ShapeChecker}), with {@link
 *       dev.shapetorch.checker.SizeValueChecker} (the Constant Value Checker, computing
 *       constants only) as its subchecker;
 *   <li>{@link dev.shapetorch.checker.ShapeAnnotatedTypeFactory}: the qualifier hierarchy
 *       (built in code: the qualifiers live in a JDK-only module), defaults, and the per-call
 *       types of shape ops;
 *   <li>{@link dev.shapetorch.checker.ShapeVisitor}: the diagnostics, {@code [key] op: detail}
 *       as the runtime's exceptions print them;
 *   <li>package-private helpers: {@code CallAnalyzer} (unification per call) and {@code
 *       RuleCall} ({@code @ShapeRule} ops) ask the algebra in {@code
 *       dev.shapetorch.shapes.rules};
 *       {@code SizeExpressions} turns int expressions into sizes; {@code ShapeLattice} is the
 *       order and merge of shapes; {@code GradualTypeHierarchy} makes type arguments gradual;
 *       {@code Overrides} gives an override the {@code @Shape}s it leaves out and checks the ones
 *       it declares; {@code MethodReferences} checks a reference to a signature op against its
 *       functional interface's shapes.
 * </ul>
 *
 * <pre>{@code
 * @Shape({"B", "10"}) Tensor logits(
 *     @Shape({"B", "784"}) Tensor x, @Shape({"784", "10"}) Tensor w) {
 *   return x.matmul(w);            // [B, 784] x [784, 10] -> [B, 10]
 * }
 * }</pre>
 *
 * <p>Set-up, options and every diagnostic: {@code docs/checker.md}.
 */
package dev.shapetorch.checker;
