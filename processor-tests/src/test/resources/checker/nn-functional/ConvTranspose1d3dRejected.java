import dev.shapetorch.nn.functional.F;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** The transposed convolutions' channels, paddings and ranks are checked in 1-D and 3-D. */
class ConvTranspose1d3dRejected {
  void use(@Shape({"N", "8", "10"}) Tensor seq, @Shape({"N", "6", "10"}) Tensor six,
      @Shape({"8", "4", "4"}) Tensor w1, @Shape({"N", "8", "3", "5", "5"}) Tensor vol,
      @Shape({"8", "4", "4", "4", "4"}) Tensor w3, @Shape({"8", "5", "5"}) Tensor flat) {
    // :: error: (shape.mismatch.conv.channels)
    F.convTranspose1d(six, w1);
    // :: error: (shape.conv.params)
    F.convTranspose1d(seq, w1, null, 2, 1, 2, 1, 1);
    // :: error: (shape.assignment) found [N, 4, 20], required [N, 4, 21]
    @Shape({"N", "4", "21"}) Tensor y = F.convTranspose1d(seq, w1, null, 2, 1, 0, 1, 1);
    // :: error: (shape.rank.conv)
    F.convTranspose3d(flat, w3);
    // :: error: (shape.conv.params)
    F.convTranspose3d(vol, w3, null, new long[] {2}, new long[] {1}, new long[] {2}, 1,
        new long[] {1});
  }
}
