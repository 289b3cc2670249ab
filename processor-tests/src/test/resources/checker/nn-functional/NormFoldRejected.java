import dev.shapetorch.nn.functional.F;
import dev.shapetorch.nn.normalization.InstanceNorm1d;
import dev.shapetorch.nn.normalization.InstanceNorm2d;
import dev.shapetorch.nn.normalization.InstanceNorm3d;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** Channel counts and ranks of instance norms; ranks and sizes of local response norm, unfold, fold. */
class NormFoldRejected {
  final InstanceNorm1d in1 = new InstanceNorm1d(3);
  final InstanceNorm2d in2 = new InstanceNorm2d(4);
  final InstanceNorm3d in3 = new InstanceNorm3d(2);

  void use(@Shape({"N", "5", "L"}) Tensor seq, @Shape({"N", "4", "H", "W"}) Tensor img,
      @Shape({"3", "H", "W"}) Tensor oneImg, @Shape({"2", "5"}) Tensor flat,
      @Shape({"1", "3", "6", "6"}) Tensor pic, @Shape({"1", "12", "5"}) Tensor cols) {
    // :: error: (shape.mismatch.norm.channels)
    in1.forward(seq);
    // :: error: (shape.mismatch.norm.channels)
    in2.forward(oneImg);
    // :: error: (shape.rank)
    in3.forward(oneImg);
    // :: error: (shape.rank)
    F.localResponseNorm(flat, 2);
    // :: error: (shape.conv.size)
    F.unfold(pic, 7);
    // :: error: (shape.rank)
    F.unfold(flat, 2);
    // :: error: (shape.mismatch.argument)
    F.fold(cols, new long[] {3, 3}, new long[] {2});
  }
}
