/**
 * Pixel shuffling layers, as in PyTorch's {@code torch/nn/modules/pixelshuffle.py}: {@link
 * dev.shapetorch.nn.pixelshuffle.PixelShuffle} trades channels for resolution (sub-pixel
 * convolution's last step), {@link dev.shapetorch.nn.pixelshuffle.PixelUnshuffle} does the
 * inverse.
 *
 * <p>Shape: {@code [*b, C*r*r, H, W] <-> [*b, C, H*r, W*r]}; each module's type holds its
 * factor {@code r}, so the checker checks divisibility at compile time.
 */
package dev.shapetorch.nn.pixelshuffle;
