/**
 * Losses as modules: {@link dev.shapetorch.nn.loss.Loss} and its implementations ({@link
 * dev.shapetorch.nn.loss.MSELoss}, {@link dev.shapetorch.nn.loss.CrossEntropyLoss}, {@link
 * dev.shapetorch.nn.loss.NLLLoss}, {@link dev.shapetorch.nn.loss.BCEWithLogitsLoss}, ...), as
 * PyTorch's {@code torch.nn.modules.loss}. Each wraps the {@code F} function of the same name.
 *
 * <p>Shape: a loss takes the input and the target its {@code F} function documents and returns a
 * scalar {@code []} under the mean or sum reduction, the elementwise loss under none.
 *
 * <p>The losses of more than two tensors ({@link dev.shapetorch.nn.loss.CosineEmbeddingLoss},
 * {@link dev.shapetorch.nn.loss.MarginRankingLoss}, {@link
 * dev.shapetorch.nn.loss.TripletMarginLoss}, {@link dev.shapetorch.nn.loss.GaussianNLLLoss},
 * {@link dev.shapetorch.nn.loss.CTCLoss}) are no {@code Loss}: their {@code forward} takes
 * three or four tensors, with the signatures their {@code F} functions declare.
 *
 * <p>Type: {@code @Shape({"r"}) MSELoss} (every loss of an input and a target whose {@code
 * forward} names a rule alike), {@code r} the code of its reduction
 * ({@link dev.shapetorch.shapes.rules.LossRules#reductionCode}: {@code NONE} 0, {@code MEAN} 1,
 * {@code SUM} 2, {@code BATCHMEAN} 3), so that the Shape Checker gives {@code forward}'s result
 * its rank when the constructor's reduction is a constant ({@code new MSELoss()} is {@code
 * MEAN}); with a reduction it cannot see, the result's shape is unknown.
 */
package dev.shapetorch.nn.loss;
