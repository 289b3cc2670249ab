/**
 * Losses as modules: {@link dev.shapetorch.nn.loss.Loss} and its implementations ({@link
 * dev.shapetorch.nn.loss.MSELoss}, {@link dev.shapetorch.nn.loss.CrossEntropyLoss}, {@link
 * dev.shapetorch.nn.loss.NLLLoss}, {@link dev.shapetorch.nn.loss.BCEWithLogitsLoss}, ...), as
 * PyTorch's {@code torch.nn.modules.loss}. Each wraps the {@code F} function of the same name.
 *
 * <p>Shape: a loss takes the input and the target its {@code F} function documents and returns a
 * scalar {@code []} under the mean or sum reduction, the elementwise loss under none.
 */
package dev.shapetorch.nn.loss;
