/**
 * Neural-network modules, as PyTorch's {@code torch.nn}: the {@link dev.shapetorch.nn.Module}
 * interface (parameters, buffers, submodules, state dicts, modes), layers ({@link
 * dev.shapetorch.nn.linear.Linear}, {@link dev.shapetorch.nn.conv.Conv2d}, {@link
 * dev.shapetorch.nn.normalization.BatchNorm2d}, {@link dev.shapetorch.nn.recurrent.LSTM}, {@link
 * dev.shapetorch.nn.attention.MultiheadAttention}, ...), activations as modules, containers ({@link
 * dev.shapetorch.nn.containers.Sequential}, {@link dev.shapetorch.nn.containers.ModuleList}) and losses as modules
 * ({@link dev.shapetorch.nn.loss.CrossEntropyLoss}, ...).
 *
 * <p>A layer's shape-relevant hyperparameters are part of its static type, in the order its
 * class documents: {@code new Linear(784, 128)} is a {@code @Shape({"784", "128"}) Linear}, and
 * its {@code forward} maps {@code [*batch, 784]} to {@code [*batch, 128]}. A model is a record
 * or class of layers; annotated {@link dev.shapetorch.nn.Model @Model}, it gets its {@code
 * visitChildren} generated, and its parameter names are PyTorch's:
 *
 * <pre>{@code
 * @Model
 * record Mlp(@Shape({"784", "128"}) Linear fc1, @Shape({"128", "10"}) Linear fc2)
 *     implements Module {
 *   public void visitChildren(ModuleVisitor v) { MlpChildren.visit(this, v); }
 *
 *   @Shape({"B", "10"}) Tensor forward(@Shape({"B", "784"}) Tensor x) {
 *     return fc2.forward(F.relu(fc1.forward(x)));
 *   }
 * }
 * }</pre>
 *
 * <p>Every layer's {@code forward} checks its declared shapes at run time too (with the same
 * unification or rule the checker uses), so a mistake the checker could not see (unknown sizes)
 * fails with the checker's {@code [key]} and text before libtorch runs. Defaults of
 * initialisation follow PyTorch ({@link dev.shapetorch.nn.init.Init}).
 */
package dev.shapetorch.nn;

