/**
 * Image files and tensors, as torchvision's {@code torchvision.io}: {@link
 * dev.shapetorch.vision.io.Images#readImage(java.nio.file.Path)} decodes PNG, JPEG and the other
 * formats the JDK's {@code javax.imageio} reads (BMP, GIF, TIFF, WBMP) into uint8 tensors {@code
 * [C, H, W]}; {@link dev.shapetorch.vision.io.Images#writePng} and {@link
 * dev.shapetorch.vision.io.Images#writeJpeg} encode them; {@link
 * dev.shapetorch.vision.io.Images#toBufferedImage} and {@link
 * dev.shapetorch.vision.io.Images#fromBufferedImage} convert between tensors and {@link
 * java.awt.image.BufferedImage}s, the Java counterparts of torchvision's {@code ToPILImage} and
 * {@code PILToTensor}. Nothing here opens a window: it works with {@code java.awt.headless=true}.
 *
 * <pre>{@code
 * Tensor img = Images.readImage(Path.of("cat.jpg"), ImageReadMode.RGB);   // uint8 [3, H, W]
 * Images.writePng(img.flip(2), Path.of("cat-mirrored.png"));
 * }</pre>
 */
package dev.shapetorch.vision.io;
