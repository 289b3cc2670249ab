/**
 * ShapeTorch's tensors over libtorch: {@link dev.shapetorch.tensor.Tensor}, the static ops and
 * factories of {@link dev.shapetorch.tensor.Torch} (PyTorch's {@code torch}), {@link
 * dev.shapetorch.tensor.DType}, {@link dev.shapetorch.tensor.Device}, memory scopes ({@link
 * dev.shapetorch.tensor.TensorScope}) and autograd's no-grad mode ({@link
 * dev.shapetorch.tensor.NoGradScope}).
 *
 * <pre>{@code
 * try (TensorScope scope = TensorScope.open()) {
 *   Tensor x = Torch.randn(64, 784);
 *   Tensor w = Torch.randn(784, 10);
 *   Tensor logits = x.matmul(w);                  // [64, 784] x [784, 10] -> [64, 10]
 *   Tensor p = logits.softmax(-1);
 *   System.out.println(p.sum(1));                 // tensor([1.0000, 1.0000, ...])
 * }
 * }</pre>
 *
 * <p>Names follow PyTorch in camelCase. Each op is declared once, in a package-private class
 * per family of ops ({@code Factories}, {@code PointwiseOps}, ..., {@code NeuralOps}), each in
 * its own file; {@code Torch}'s static methods and {@code Tensor}'s op methods are generated from
 * those declarations (docs/architecture.md).
 *
 * <p>Shape: every op declares its shape behaviour once, either as a {@code @Shape} signature
 * ({@code mm: [M, K] x [K, N] -> [M, N]}) or as a {@code @ShapeRule} naming a rule of {@code
 * dev.shapetorch.shapes.rules}. The compile-time checker reads the same declaration; at run time
 * each op runs the same rule on the actual shapes before it calls libtorch and throws {@link
 * dev.shapetorch.tensor.ShapeException}, whose message starts with the checker's {@code [key]}.
 * In {@code @ShapeRule(args = ...)}, an entry that is not a parameter name is a literal passed to
 * the rule ({@code "false"}, {@code "0"}, {@code "-1"}), for overloads that fix an argument.
 *
 * <p>Errors: libtorch's errors arrive as {@link dev.shapetorch.tensor.TorchException} with a
 * one-line message (the backtrace is the cause); freed tensors, bad dtypes, devices and dims
 * raise {@link IllegalStateException} or {@link IllegalArgumentException}. The ops are this
 * package's only calls into JavaCPP; the others are libtorch's loading and the door to a
 * tensor's native handle ({@code dev.shapetorch.internal}, not API), the fused optimizer kernels
 * ({@code optim}) and libtorch's archives and TorchScript ({@code serialize}). {@link
 * dev.shapetorch.tensor.Tensor#unwrap()} is the users' documented escape hatch.
 *
 * <p>Native loading: the first use unpacks libtorch into JavaCPP's cache in a way that is safe
 * even where a system libtorch is installed, after applying the runtime settings libtorch needs to
 * be fast ({@code OMP_WAIT_POLICY=PASSIVE}, {@code OPENBLAS_NUM_THREADS=1}, JavaCPP's {@code
 * maxPhysicalBytes=0}) wherever the user has not set them: nothing needs to be set on the command
 * line (docs/runtime.md, "Runtime settings").
 */
package dev.shapetorch.tensor;
