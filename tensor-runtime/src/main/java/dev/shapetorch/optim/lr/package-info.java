/**
 * Learning-rate schedulers, as PyTorch's {@code torch.optim.lr_scheduler}: {@link
 * dev.shapetorch.optim.lr.StepLR}, {@link dev.shapetorch.optim.lr.MultiStepLR}, {@link
 * dev.shapetorch.optim.lr.ExponentialLR}, {@link dev.shapetorch.optim.lr.CosineAnnealingLR},
 * {@link dev.shapetorch.optim.lr.OneCycleLR} (stepped per batch) and {@link
 * dev.shapetorch.optim.lr.ReduceLROnPlateau} (stepped with a metric), {@link
 * dev.shapetorch.optim.lr.LambdaLR}, {@link dev.shapetorch.optim.lr.MultiplicativeLR}, {@link
 * dev.shapetorch.optim.lr.LinearLR}, {@link dev.shapetorch.optim.lr.ConstantLR}, {@link
 * dev.shapetorch.optim.lr.PolynomialLR}, {@link dev.shapetorch.optim.lr.CyclicLR} (stepped per
 * batch), {@link dev.shapetorch.optim.lr.CosineAnnealingWarmRestarts}, {@link
 * dev.shapetorch.optim.lr.SequentialLR}, {@link dev.shapetorch.optim.lr.ChainedScheduler} and
 * {@link dev.shapetorch.optim.lr.SWALR} (PyTorch's {@code swa_utils}). Their rate sequences equal
 * PyTorch 1.13's, which a test checks against recorded values.
 *
 * <pre>{@code
 * var sched = new CosineAnnealingLR(optimizer, epochs);
 * for (int epoch = 0; epoch < epochs; epoch++) {
 *   trainOneEpoch();
 *   sched.step();
 * }
 * }</pre>
 */
package dev.shapetorch.optim.lr;
