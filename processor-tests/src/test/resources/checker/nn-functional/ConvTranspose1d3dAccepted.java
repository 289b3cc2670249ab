import dev.shapetorch.nn.functional.F;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/**
 * F.convTranspose1d and F.convTranspose3d compute their output sizes as convTranspose2d does
 * (CONV_TRANSPOSE1D, CONV_TRANSPOSE3D): (L-1)*S - 2*P + D*(K-1) + OP + 1 per dim.
 */
class ConvTranspose1d3dAccepted {
  void use(@Shape({"N", "8", "L"}) Tensor seq, @Shape({"8", "4", "4"}) Tensor w1,
      @Shape({"N", "8", "3", "5", "5"}) Tensor vol, @Shape({"8", "4", "4", "4", "4"}) Tensor w3,
      @Shape({"8", "3", "5", "5"}) Tensor one, @Shape({"4"}) Tensor b) {
    @Shape({"N", "4", "2*L"}) Tensor doubled = F.convTranspose1d(seq, w1, b, 2, 1, 0, 1, 1);
    @Shape({"N", "4", "L+3"}) Tensor plain = F.convTranspose1d(seq, w1, b);
    @Shape({"N", "4", "6", "10", "10"}) Tensor up = F.convTranspose3d(vol, w3, b,
        new long[] {2}, new long[] {1}, new long[] {0}, 1, new long[] {1});
    @Shape({"4", "6", "10", "11"}) Tensor unbatched = Torch.convTranspose3d(one, w3, null,
        new long[] {2, 2, 2}, new long[] {1, 1, 1}, new long[] {0, 0, 1}, 1,
        new long[] {1, 1, 1});
    @Shape({"N", "4", "6", "8", "8"}) Tensor defaults = F.convTranspose3d(vol, w3);
  }
}
