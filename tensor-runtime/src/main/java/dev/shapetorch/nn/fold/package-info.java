/**
 * Sliding blocks: {@link dev.shapetorch.nn.fold.Unfold} (an image's blocks as columns, libtorch's
 * {@code im2col}) and {@link dev.shapetorch.nn.fold.Fold} (columns summed back into an image,
 * {@code col2im}), as PyTorch's {@code torch.nn.modules.fold}.
 *
 * <p>Shape: {@code Unfold}: {@code [N, C, H, W] -> [N, C*kh*kw, L]}; {@code Fold}: {@code [N,
 * C*kh*kw, L] -> [N, C, oh, ow]}; both also take one unbatched sample.
 */
package dev.shapetorch.nn.fold;
