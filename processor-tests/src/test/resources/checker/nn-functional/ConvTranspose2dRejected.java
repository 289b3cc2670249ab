import dev.shapetorch.nn.functional.F;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/**
 * A transposed convolution's weight is [Cin, Cout/groups, KH, KW]; its output size flows into
 * what follows, so a decoder sized for the wrong upsampling is a compile error.
 */
class ConvTranspose2dRejected {
  void use(@Shape({"N", "16", "7", "7"}) Tensor x, @Shape({"16", "8", "4", "4"}) Tensor w,
      @Shape({"10", "6272"}) Tensor fcFor28, @Shape({"N", "8", "7", "7"}) Tensor eight) {
    Tensor up = F.convTranspose2d(x, w, null, new long[] {2, 2}, new long[] {1, 1},
        new long[] {0, 0}, 1, new long[] {1, 1});
    // :: error: (shape.mismatch.linear) [N, 1568]
    F.linear(up.flatten(1, -1), fcFor28);
    // :: error: (shape.assignment) found [N, 8, 14, 14], required [N, 8, 28, 28]
    @Shape({"N", "8", "28", "28"}) Tensor twice = up;
    // :: error: (shape.mismatch.conv.channels)
    F.convTranspose2d(eight, w, null, new long[] {2, 2}, new long[] {1, 1}, new long[] {0, 0}, 1,
        new long[] {1, 1});
    // :: error: (shape.conv.params)
    F.convTranspose2d(x, w, null, new long[] {2, 2}, new long[] {1, 1}, new long[] {2, 2}, 1,
        new long[] {1, 1});
  }
}
