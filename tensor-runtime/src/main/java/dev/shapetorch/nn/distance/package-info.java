/**
 * Distances between two tensors as modules: {@link dev.shapetorch.nn.distance.CosineSimilarity}
 * and {@link dev.shapetorch.nn.distance.PairwiseDistance}, as PyTorch's {@code
 * torch.nn.modules.distance}. Each wraps the {@code F} function of the same name.
 *
 * <p>Shape: both broadcast their two inputs and remove the dim they reduce ({@code
 * CosineSimilarity}'s dim, the last for {@code PairwiseDistance}).
 */
package dev.shapetorch.nn.distance;
