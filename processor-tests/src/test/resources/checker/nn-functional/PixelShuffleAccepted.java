import dev.shapetorch.nn.functional.F;
import dev.shapetorch.nn.pixelshuffle.PixelShuffle;
import dev.shapetorch.nn.pixelshuffle.PixelUnshuffle;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/** pixel shuffle trades channels for resolution by r; unshuffle does the inverse. */
class PixelShuffleAccepted {
  final PixelShuffle up = new PixelShuffle(2);
  final PixelUnshuffle down = new PixelUnshuffle(3);

  void use(@Shape({"B", "12", "5", "7"}) Tensor x, @Shape({"B", "2", "9", "6"}) Tensor y,
      @Shape({"8", "3", "4"}) Tensor z, @Shape({"B", "4*C", "H", "W"}) Tensor s) {
    @Shape({"B", "3", "10", "14"}) Tensor a = F.pixelShuffle(x, 2);
    @Shape({"B", "18", "3", "2"}) Tensor b = F.pixelUnshuffle(y, 3);
    @Shape({"2", "6", "8"}) Tensor c = Torch.pixelShuffle(z, 2);
    @Shape({"B", "3", "10", "14"}) Tensor d = up.forward(x);
    @Shape({"B", "18", "3", "2"}) Tensor e = down.forward(y);
    @Shape({"B", "C", "2*H", "2*W"}) Tensor f = F.pixelShuffle(s, 2);
    @Shape({"8", "3", "4"}) Tensor g = Torch.pixelUnshuffle(Torch.pixelShuffle(z, 2), 2);
  }
}
