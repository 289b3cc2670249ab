import dev.shapetorch.nn.functional.F;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/** A bias [Cout], none, or one of unknown length: the convolution's sizes as without. */
class ConvBiasAccepted {
  void use(@Shape({"C", "2", "3"}) Tensor weight, @Shape({"C"}) Tensor bias, Tensor unknown) {
    @Shape({"1", "6", "4", "4"}) Tensor biased =
        F.conv2d(Torch.zeros(1, 1, 8, 8), Torch.zeros(6, 1, 5, 5), Torch.zeros(6));
    @Shape({"1", "6", "4", "4"}) Tensor none =
        F.conv2d(Torch.zeros(1, 1, 8, 8), Torch.zeros(6, 1, 5, 5), null);
    @Shape({"1", "C", "6"}) Tensor symbolic =
        Torch.conv1d(Torch.zeros(1, 2, 8), weight, bias, 1, 0, 1, 1);
    @Shape({"1", "6", "4", "4"}) Tensor gradual =
        F.conv2d(Torch.zeros(1, 1, 8, 8), Torch.zeros(6, 1, 5, 5), unknown);
    @Shape({"1", "6", "7", "7"}) Tensor transposed = F.convTranspose2d(Torch.zeros(1, 4, 5, 5),
        Torch.zeros(4, 3, 3, 3), Torch.zeros(6), new long[] {1, 1}, new long[] {0, 0},
        new long[] {0, 0}, 2, new long[] {1, 1});
  }
}
