import dev.shapetorch.nn.functional.F;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** conv2d takes a 3-D or 4-D input and a positive stride. */
class Conv2dRankAndParametersRejected {
  void use(@Shape({"28", "28"}) Tensor flat, @Shape({"N", "1", "28", "28"}) Tensor x, @Shape({"8", "1", "3", "3"}) Tensor w) {
    // :: error: (shape.rank.conv)
    F.conv2d(flat, w, null);
    // :: error: (shape.conv.params)
    F.conv2d(x, w, null, 0, 0);
  }
}
