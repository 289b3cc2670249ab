import dev.shapetorch.nn.functional.F;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** A pooling window larger than the input; an adaptive size for a flat tensor. */
class Pool1dAndAdaptiveRejected {
  void use(@Shape({"N", "C", "3"}) Tensor seq, @Shape({"N", "C"}) Tensor flat) {
    // :: error: (shape.conv.size)
    F.maxPool1d(seq, 4);
    // :: error: (shape.rank.conv)
    F.adaptiveAvgPool2d(flat, 1, 1);
  }
}
