package dev.shapetorch.samples.autoencoder;

import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.UnaryModule;
import dev.shapetorch.nn.conv.Conv2d;
import dev.shapetorch.nn.conv.ConvTranspose2d;
import dev.shapetorch.nn.functional.F;
import dev.shapetorch.nn.linear.Linear;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/**
 * A convolutional autoencoder for 28x28 grey images: two stride-2 convolutions and a linear
 * layer squeeze an image into 32 numbers, a linear layer and two stride-2 transposed
 * convolutions draw it back. {@link #forward} returns the reconstruction's logits (train it with
 * {@code F.binaryCrossEntropyWithLogits} against pixels in [0, 1]); {@link #reconstruct} their
 * sigmoid, the picture. About 112,000 parameters.
 *
 * <p>Shape: {@code [B, 1, 28, 28] -> [B, 1, 28, 28]} (code {@code [B, 32]}).
 *
 * @param enc1 1 -> 16 channels, 3x3, stride 2, padding 1: 28x28 -> 14x14
 * @param enc2 16 -> 32 channels, 3x3, stride 2, padding 1: 14x14 -> 7x7
 * @param toCode 32*7*7 = 1568 -> 32, the code
 * @param fromCode 32 -> 1568
 * @param dec1 32 -> 16 channels, 3x3, stride 2, padding 1, output padding 1: 7x7 -> 14x14
 * @param dec2 16 -> 1 channel, the same: 14x14 -> 28x28
 */
public record ConvAutoencoder(
    @Shape({"1", "16", "3", "3", "2", "2", "1", "1", "1", "1"}) Conv2d enc1,
    @Shape({"16", "32", "3", "3", "2", "2", "1", "1", "1", "1"}) Conv2d enc2,
    @Shape({"1568", "32"}) Linear toCode,
    @Shape({"32", "1568"}) Linear fromCode,
    @Shape({"32", "16", "3", "3", "2", "2", "1", "1", "1", "1", "1", "1"}) ConvTranspose2d dec1,
    @Shape({"16", "1", "3", "3", "2", "2", "1", "1", "1", "1", "1", "1"}) ConvTranspose2d dec2)
    implements UnaryModule {

  /** The size of the code an image is squeezed into. */
  public static final int CODE = 32;

  /** A freshly initialised autoencoder (PyTorch's default initialisation). */
  public static ConvAutoencoder create() {
    return new ConvAutoencoder(
        new Conv2d(1, 16, 3, 2, 1), new Conv2d(16, 32, 3, 2, 1),
        new Linear(32 * 7 * 7, CODE), new Linear(CODE, 32 * 7 * 7),
        new ConvTranspose2d(32, 16, 3, 2, 1, 1), new ConvTranspose2d(16, 1, 3, 2, 1, 1));
  }

  @Override
  public void visitChildren(ModuleVisitor v) {
    v.module("enc1", enc1);
    v.module("enc2", enc2);
    v.module("toCode", toCode);
    v.module("fromCode", fromCode);
    v.module("dec1", dec1);
    v.module("dec2", dec2);
  }

  /**
   * The code of each image.
   *
   * <p>Shape: {@code [B, 1, 28, 28] -> [B, 32]}.
   */
  public @Shape({"B", "32"}) Tensor encode(@Shape({"B", "1", "28", "28"}) Tensor x) {
    @Shape({"B", "16", "14", "14"}) Tensor h1 = F.relu(enc1.forward(x));
    @Shape({"B", "32", "7", "7"}) Tensor h2 = F.relu(enc2.forward(h1));
    return toCode.forward(h2.flatten(1, -1));
  }

  /**
   * The logits of the image each code draws.
   *
   * <p>Shape: {@code [B, 32] -> [B, 1, 28, 28]}.
   */
  public @Shape({"B", "1", "28", "28"}) Tensor decode(@Shape({"B", "32"}) Tensor code) {
    @Shape({"B", "32", "7", "7"}) Tensor h2 = F.relu(fromCode.forward(code)).unflatten(1, 32, 7, 7);
    @Shape({"B", "16", "14", "14"}) Tensor h1 = F.relu(dec1.forward(h2));
    return dec2.forward(h1);
  }

  /**
   * The reconstruction's logits: {@code decode(encode(x))}.
   *
   * <p>Shape: {@code [B, 1, 28, 28] -> [B, 1, 28, 28]}.
   */
  @Override
  public @Shape({"B", "1", "28", "28"}) Tensor forward(@Shape({"B", "1", "28", "28"}) Tensor x) {
    return decode(encode(x));
  }

  /**
   * The reconstructed images, pixels in (0, 1).
   *
   * <p>Shape: {@code [B, 1, 28, 28] -> [B, 1, 28, 28]}.
   */
  public @Shape({"B", "1", "28", "28"}) Tensor reconstruct(
      @Shape({"B", "1", "28", "28"}) Tensor x) {
    return F.sigmoid(forward(x));
  }
}
