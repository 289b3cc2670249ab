/**
 * ShapeTorch's annotation processors: cheap, always-on checks and code generation that need no
 * runtime and no reflection. Both register through {@code META-INF/services}, so javac finds them
 * on the processor path (JDK 23+ wants {@code -proc:full} or an explicit {@code -processor} list).
 *
 * <ul>
 *   <li>{@link dev.shapetorch.processor.ShapeDeclarationProcessor}: checks every {@code @Shape},
 *       {@code @Dim} and {@code @ShapeRule} as it is declared: grammar (pointing at the bad
 *       character), unbound result variables, dependent dimensions that name no int, rules that do
 *       not fit their method, conflicting qualifiers. The naming rule that tells shape variables
 *       from dependent dimensions is {@link dev.shapetorch.processor.ShapeNames}.
 *   <li>{@link dev.shapetorch.processor.ModelProcessor}: for a class or record annotated
 *       {@code @dev.shapetorch.nn.Model}, generates {@code <Name>Children}, whose static {@code
 *       visit(Name self, ModuleVisitor v)} walks the model's modules, parameters, buffers and lists
 *       of them in declaration order with PyTorch's names.
 * </ul>
 *
 * <p>Every diagnostic starts with a stable key, {@code [shape.annotation.unbound] ...}; the keys
 * are constants of {@link dev.shapetorch.processor.Messages}. A processor never lets an exception
 * reach javac: its own failure is reported as {@code shape.processor.internal}.
 *
 * <pre>{@code
 * // error: [shape.annotation.unbound] shape variable N in the result of make ("N") is bound by
 * //        no parameter or receiver; ...
 * static @Shape({"B", "N"}) Tensor make(@Shape({"B", "784"}) Tensor x) { ... }
 * }</pre>
 */
package dev.shapetorch.processor;
