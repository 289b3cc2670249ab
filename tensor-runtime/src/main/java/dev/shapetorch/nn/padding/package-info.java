/**
 * Padding layers, as PyTorch's {@code torch/nn/modules/padding.py}: {@code ConstantPad1d/2d/3d},
 * {@code ZeroPad2d}, {@code ReflectionPad1d/2d/3d} and {@code ReplicationPad1d/2d/3d}, each a
 * {@code UnaryModule} over {@code F.pad}.
 *
 * <p>Shape: a layer's type lists its pads in PyTorch's order, last dim first ({@code
 * @Shape({"Left", "Right", "Top", "Bottom"}) ReflectionPad2d}); its {@code forward} grows each
 * padded dim by its two pads ({@code [*b, H, W] -> [*b, H+Top+Bottom, W+Left+Right]}), so the
 * checker follows a padded tensor into the next layer.
 */
package dev.shapetorch.nn.padding;
