import dev.shapetorch.nn.functional.F;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** A size computed from constant arguments that overflows 64 bits is a diagnostic, not a crash. */
class SizeOverflowRejected {
  void use(@Shape({"N", "1", "28", "28"}) Tensor x, @Shape({"8", "1", "3", "3"}) Tensor w) {
    // :: error: (shape.size.overflow)
    F.conv2d(x, w, null, 1, 9223372036854775807L);
  }
}
