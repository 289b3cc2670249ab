import dev.shapetorch.nn.functional.F;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** conv3d's channels, rank, output size and bias are checked as conv2d's are. */
class Conv3dRejected {
  void use(@Shape({"N", "3", "8", "16", "16"}) Tensor clip, @Shape({"N", "4", "8", "16", "16"})
      Tensor four, @Shape({"N", "3", "2", "16", "16"}) Tensor thin,
      @Shape({"6", "3", "3", "3", "3"}) Tensor w, @Shape({"5"}) Tensor b5,
      @Shape({"3", "16", "16"}) Tensor image) {
    // :: error: (shape.assignment) found [N, 6, 6, 14, 14], required [N, 6, 8, 16, 16]
    @Shape({"N", "6", "8", "16", "16"}) Tensor kept = F.conv3d(clip, w);
    // :: error: (shape.mismatch.conv.channels)
    F.conv3d(four, w);
    // :: error: (shape.conv.size)
    F.conv3d(thin, w);
    // :: error: (shape.mismatch.conv.channels)
    F.conv3d(clip, w, b5);
    // :: error: (shape.rank.conv)
    F.conv3d(image, w);
  }
}
