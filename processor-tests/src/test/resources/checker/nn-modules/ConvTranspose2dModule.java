import dev.shapetorch.nn.conv.ConvTranspose2d;
import dev.shapetorch.nn.linear.Linear;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/** nn.ConvTranspose2d upsamples by its stride; the size it computes reaches the next layer. */
class ConvTranspose2dModule {
  final ConvTranspose2d up = new ConvTranspose2d(16, 8, 4, 2, 1, 0);
  final Linear headFor28 = new Linear(8 * 28 * 28, 10);
  final Linear headFor14 = new Linear(8 * 14 * 14, 10);

  void use(@Shape({"N", "16", "7", "7"}) Tensor x, @Shape({"N", "8", "7", "7"}) Tensor eight) {
    @Shape({"N", "8", "14", "14"}) Tensor y = up.forward(x);
    @Shape({"N", "10"}) Tensor logits = headFor14.forward(y.flatten(1, -1));
    // :: error: (shape.mismatch.argument) argument input is [N, 1568], required [*batch, In] with In = 6272
    headFor28.forward(y.flatten(1, -1));
    // :: error: (shape.mismatch.conv.channels) the layer expects Cin = 16
    up.forward(eight);
  }
}
