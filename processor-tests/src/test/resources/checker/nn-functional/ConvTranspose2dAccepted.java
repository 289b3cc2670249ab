import dev.shapetorch.nn.functional.F;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/**
 * F.convTranspose2d and Torch.convTranspose2d compute their output sizes (CONV_TRANSPOSE2D):
 * (H-1)*S - 2*P + D*(K-1) + OP + 1, symbolically too, batched and unbatched.
 */
class ConvTranspose2dAccepted {
  void use(@Shape({"N", "16", "7", "7"}) Tensor x, @Shape({"N", "16", "H", "W"}) Tensor any,
      @Shape({"16", "7", "7"}) Tensor img, @Shape({"16", "8", "4", "4"}) Tensor w,
      @Shape({"8"}) Tensor b) {
    @Shape({"N", "8", "14", "14"}) Tensor y = F.convTranspose2d(x, w, b, new long[] {2, 2},
        new long[] {1, 1}, new long[] {0, 0}, 1, new long[] {1, 1});
    @Shape({"N", "8", "2*H", "2*W"}) Tensor doubled = F.convTranspose2d(any, w, b,
        new long[] {2, 2}, new long[] {1, 1}, new long[] {0, 0}, 1, new long[] {1, 1});
    @Shape({"N", "8", "15", "17"}) Tensor padded = F.convTranspose2d(x, w, b, new long[] {2, 2},
        new long[] {1, 1}, new long[] {1, 0}, 1, new long[] {1, 2});
    @Shape({"8", "14", "14"}) Tensor unbatched = Torch.convTranspose2d(img, w, null,
        new long[] {2, 2}, new long[] {1, 1}, new long[] {0, 0}, 1, new long[] {1, 1});
    @Shape({"N", "16", "14", "14"}) Tensor grouped = F.convTranspose2d(x, w, null,
        new long[] {2, 2}, new long[] {1, 1}, new long[] {0, 0}, 2, new long[] {1, 1});
  }
}
