/**
 * Optimizers, as PyTorch's {@code torch.optim}: {@link dev.shapetorch.optim.SGD} (momentum,
 * dampening, Nesterov, weight decay), {@link dev.shapetorch.optim.Adam} (AMSGrad, weight decay),
 * {@link dev.shapetorch.optim.AdamW}, {@link dev.shapetorch.optim.RMSprop} (momentum,
 * centered), {@link dev.shapetorch.optim.Adagrad}, {@link dev.shapetorch.optim.Adadelta},
 * {@link dev.shapetorch.optim.Adamax}, {@link dev.shapetorch.optim.NAdam}, {@link
 * dev.shapetorch.optim.RAdam}, {@link dev.shapetorch.optim.ASGD}, {@link
 * dev.shapetorch.optim.Rprop} and {@link dev.shapetorch.optim.LBFGS} (which steps with a closure
 * that re-evaluates the loss), each with its hyperparameters as an
 * immutable options record ({@link dev.shapetorch.optim.SGDOptions}, ...) and its per-parameter
 * state as an explicit record ({@link dev.shapetorch.optim.ParamState}). Parameter groups
 * ({@link dev.shapetorch.optim.ParamGroup}) carry their own options; {@link
 * dev.shapetorch.optim.Optimizer#stateDict()} saves everything as named tensors. {@link
 * dev.shapetorch.optim.GradClip} clips gradients; {@link dev.shapetorch.optim.lr} holds the
 * learning-rate schedulers.
 *
 * <p>The updates are PyTorch 1.13's, written with in-place tensor ops under no-grad; a test
 * checks each optimizer's trajectory against PyTorch's to 1e-5. SGD, Adam, AdamW and Adagrad
 * also have PyTorch's {@code fused=True} ({@code withFused(true)} on their options): one call to
 * libtorch's fused kernel per group, same states, same trajectories to float rounding.
 *
 * <pre>{@code
 * var opt = new SGD(model.parameters(), SGDOptions.lr(0.1).withMomentum(0.9));
 * var sched = new StepLR(opt, 30, 0.1);
 * for (int epoch = 0; epoch < 90; epoch++) {
 *   for (Sample batch : loader) {
 *     opt.zeroGrad();
 *     F.crossEntropy(model.forward(batch.input()), batch.target()).backward();
 *     opt.step();
 *   }
 *   sched.step();
 * }
 * }</pre>
 */
package dev.shapetorch.optim;
