import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import dev.shapetorch.vision.models.VGG;

/** With the classes in VGG's type, a mistake with its output is caught. */
class VGGFactoryTypedRejected {
  final VGG net = VGG.vgg11(10);

  void wrongHead(@Shape({"N", "3", "32", "32"}) Tensor images) {
    // :: error: (shape.mismatch.matmul)
    net.forward(images).matmul(Torch.randn(12, 2));
    // :: error: (shape.assignment)
    @Shape({"N", "1000"}) Tensor wrong = VGG.vgg11(10).forward(images);
  }

  void wrongInput(@Shape({"N", "1", "32", "32"}) Tensor gray) {
    // :: error: (shape.mismatch.argument)
    net.forward(gray);
  }
}
