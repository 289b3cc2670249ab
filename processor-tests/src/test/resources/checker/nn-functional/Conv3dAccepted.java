import dev.shapetorch.nn.functional.F;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/**
 * F.conv3d and Torch.conv3d compute their output sizes (CONV3D) as conv2d does, per dim:
 * (L + 2*P - D*(K-1) - 1)/S + 1, symbolically too, batched and unbatched.
 */
class Conv3dAccepted {
  void use(@Shape({"N", "3", "8", "16", "16"}) Tensor clip, @Shape({"N", "3", "T", "H", "W"})
      Tensor any, @Shape({"3", "8", "16", "16"}) Tensor one, @Shape({"6", "3", "3", "3", "3"})
      Tensor w, @Shape({"6"}) Tensor b) {
    @Shape({"N", "6", "6", "14", "14"}) Tensor valid = F.conv3d(clip, w, b);
    @Shape({"N", "6", "4", "8", "8"}) Tensor strided = F.conv3d(clip, w, b, 2, 1);
    @Shape({"N", "6", "T", "H", "W"}) Tensor same = F.conv3d(any, w, null, new long[] {1},
        new long[] {1}, new long[] {1}, 1);
    @Shape({"6", "8", "14", "12"}) Tensor unbatched = Torch.conv3d(one, w, b,
        new long[] {1, 1, 1}, new long[] {1, 0, 0}, new long[] {1, 1, 2}, 1);
    @Shape({"N", "6", "6", "14", "14"}) Tensor noBias = F.conv3d(clip, w);
  }
}
