/**
 * Dropout: {@link dev.shapetorch.nn.dropout.Dropout} (elements), {@link
 * dev.shapetorch.nn.dropout.Dropout1d}, {@link dev.shapetorch.nn.dropout.Dropout2d}, {@link
 * dev.shapetorch.nn.dropout.Dropout3d} (whole channels), {@link
 * dev.shapetorch.nn.dropout.AlphaDropout} and {@link
 * dev.shapetorch.nn.dropout.FeatureAlphaDropout} (for SELU networks), as PyTorch's {@code
 * torch.nn.modules.dropout}. Each is the identity in evaluation mode; none is in place.
 *
 * <p>Shape: {@code [*s] -> [*s]}; the channel dropouts need {@code [N, C, *]} of their rank (or
 * the unbatched {@code [C, *]}).
 */
package dev.shapetorch.nn.dropout;
