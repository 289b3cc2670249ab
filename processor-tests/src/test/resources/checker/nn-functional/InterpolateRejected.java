import dev.shapetorch.nn.functional.F;
import dev.shapetorch.nn.functional.InterpolationMode;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** One size per spatial dim (or one for all). */
class InterpolateRejected {
  void use(@Shape({"N", "3", "32", "32"}) Tensor x) {
    // :: error: (shape.spatial.params)
    F.interpolate(x, new long[] {64, 48, 8}, InterpolationMode.NEAREST);
  }
}
