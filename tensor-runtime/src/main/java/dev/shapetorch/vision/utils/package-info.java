/**
 * Pictures of image tensors, as torchvision's {@code torchvision.utils}: {@link
 * dev.shapetorch.vision.utils.VisionUtils#makeGrid} tiles a batch {@code [N, C, H, W]} into one
 * image, {@link dev.shapetorch.vision.utils.VisionUtils#saveImage} writes it as a PNG, both with
 * the keywords of {@link dev.shapetorch.vision.utils.GridOptions} (nrow, padding, normalize, value
 * range, scale each, pad value). JDK only: PNG encoding is {@code javax.imageio}'s.
 *
 * <pre>{@code
 * VisionUtils.saveImage(reconstructions, Path.of("reconstructions.png"),
 *     GridOptions.defaults().withNrow(8).withNormalize(true));
 * }</pre>
 */
package dev.shapetorch.vision.utils;
