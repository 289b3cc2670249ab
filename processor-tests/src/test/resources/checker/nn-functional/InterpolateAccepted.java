import dev.shapetorch.nn.functional.F;
import dev.shapetorch.nn.functional.InterpolationMode;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** F.interpolate to a size replaces the spatial dims. */
class InterpolateAccepted {
  void use(@Shape({"N", "3", "32", "32"}) Tensor x) {
    @Shape({"N", "3", "64", "48"}) Tensor y = F.interpolate(x, new long[] {64, 48}, InterpolationMode.BILINEAR);
  }
}
