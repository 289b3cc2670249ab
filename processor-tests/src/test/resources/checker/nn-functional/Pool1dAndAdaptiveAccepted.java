import dev.shapetorch.nn.functional.F;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** F.maxPool1d shrinks the length; F.adaptiveAvgPool2d sets the spatial sizes. */
class Pool1dAndAdaptiveAccepted {
  void use(@Shape({"N", "C", "10"}) Tensor seq, @Shape({"N", "C", "7", "9"}) Tensor img) {
    @Shape({"N", "C", "5"}) Tensor halved = F.maxPool1d(seq, 2);
    @Shape({"N", "C", "4"}) Tensor padded = F.maxPool1d(seq, 3, 3, 1, 1, true);
    @Shape({"N", "C", "1", "1"}) Tensor pooled = F.adaptiveAvgPool2d(img, 1, 1);
  }
}
