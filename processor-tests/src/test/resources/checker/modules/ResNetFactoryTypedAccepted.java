import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.vision.models.ResNet;

/**
 * ResNet.resnet18(classes) and resnet34 hold the number of classes in their type, so a model's
 * output is [N, classes] from a [N, 3, H, W] input, in a final field too (the run-time half is
 * ModelsTest in tensor-runtime).
 */
class ResNetFactoryTypedAccepted {
  final ResNet net = ResNet.resnet18(10);

  void classify(@Shape({"N", "3", "32", "32"}) Tensor images) {
    @Shape({"10"}) ResNet typed = ResNet.resnet18(10);
    @Shape({"N", "10"}) Tensor logits = net.forward(images);
    @Shape({"N", "7"}) Tensor other = ResNet.resnet34(7).forward(images);
  }

  /** A ResNet whose type is unknown (a parameter) gives [N, _]: unknown, never an error. */
  void unknownModel(ResNet model, @Shape({"N", "3", "32", "32"}) Tensor images) {
    @Shape({"N", "5"}) Tensor logits = model.forward(images);
  }
}
