import dev.shapetorch.nn.functional.F;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** F.conv1d: the input's channels are the weight's in-channels; the kernel fits the input. */
class Conv1dRejected {
  void use(@Shape({"N", "4", "10"}) Tensor x, @Shape({"6", "5", "3"}) Tensor w,
      @Shape({"6", "4", "11"}) Tensor wide) {
    // :: error: (shape.mismatch.conv.channels)
    F.conv1d(x, w, null);
    // :: error: (shape.conv.size)
    F.conv1d(x, wide, null);
  }
}
