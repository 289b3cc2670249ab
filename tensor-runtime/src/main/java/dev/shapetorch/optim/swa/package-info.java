/**
 * Stochastic weight averaging, as PyTorch's {@code torch.optim.swa_utils}: {@link
 * dev.shapetorch.optim.swa.AveragedModel} keeps the running average (equal, an exponential
 * moving average, or a function of your own) of a model's parameters; its learning-rate schedule
 * is {@link dev.shapetorch.optim.lr.SWALR}.
 *
 * <pre>{@code
 * var swaModel = new AveragedModel<>(model, () -> new Net());
 * var swaScheduler = new SWALR(optimizer, 0.05);
 * for (int epoch = 0; epoch < epochs; epoch++) {
 *   trainOneEpoch(model, optimizer);
 *   if (epoch >= swaStart) {
 *     swaModel.updateParameters(model);
 *     swaScheduler.step();
 *   }
 * }
 * }</pre>
 */
package dev.shapetorch.optim.swa;
