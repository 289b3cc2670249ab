import dev.shapetorch.nn.functional.F;
import dev.shapetorch.nn.pixelshuffle.PixelShuffle;
import dev.shapetorch.nn.pixelshuffle.PixelUnshuffle;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/** The channel count must divide by r*r (shuffle), height and width by r (unshuffle). */
class PixelShuffleRejected {
  final PixelShuffle up = new PixelShuffle(2);
  final PixelUnshuffle down = new PixelUnshuffle(2);

  void use(@Shape({"B", "6", "4", "4"}) Tensor x, @Shape({"4", "4"}) Tensor flat) {
    // :: error: (shape.split.size) has size 6, which does not divide by the upscaleFactor 2 squared (4)
    F.pixelShuffle(x, 2);
    // :: error: (shape.split.size) dim -3
    up.forward(x);
    // :: error: (shape.split.size) dim -2 of
    F.pixelUnshuffle(x, 3);
    // :: error: (shape.rank)
    Torch.pixelUnshuffle(flat, 2);
    // :: error: (shape.rank)
    down.forward(flat);
    // :: error: (shape.split.size)
    Torch.pixelShuffle(x, 2);
  }
}
