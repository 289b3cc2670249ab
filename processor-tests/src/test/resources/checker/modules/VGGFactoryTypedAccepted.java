import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.vision.models.VGG;

/**
 * VGG.vgg11(classes) and resnet34 hold the number of classes in their type, so a model's
 * output is [N, classes] from a [N, 3, H, W] input, in a final field too (the run-time half is
 * ModelsTest in tensor-runtime).
 */
class VGGFactoryTypedAccepted {
  final VGG net = VGG.vgg11(10);

  void classify(@Shape({"N", "3", "32", "32"}) Tensor images) {
    @Shape({"10"}) VGG typed = VGG.vgg11(10);
    @Shape({"N", "10"}) Tensor logits = net.forward(images);
    @Shape({"N", "7"}) Tensor other = VGG.vgg11(7).forward(images);
  }

  /** A VGG whose type is unknown (a parameter) gives [N, _]: unknown, never an error. */
  void unknownModel(VGG model, @Shape({"N", "3", "32", "32"}) Tensor images) {
    @Shape({"N", "5"}) Tensor logits = model.forward(images);
  }
}
