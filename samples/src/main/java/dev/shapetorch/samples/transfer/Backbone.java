package dev.shapetorch.samples.transfer;

import dev.shapetorch.nn.Parameter;
import dev.shapetorch.nn.linear.Linear;
import dev.shapetorch.serialize.Checkpoints;
import dev.shapetorch.shapes.Dim;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.vision.models.ResNet;
import java.nio.file.Path;

/**
 * The transfer-learning steps on a torchvision ResNet-18: load its ImageNet-shaped weights from a
 * file, replace the classifier {@code fc} by a fresh one, and freeze everything else, as {@code
 * model = resnet18(); model.load_state_dict(...); model.fc = nn.Linear(512, 10);
 * p.requires_grad_(False)} in PyTorch.
 */
final class Backbone {

  /** The classes of torchvision's ResNet-18 weights (ImageNet). */
  static final int IMAGENET_CLASSES = 1000;

  private Backbone() {}

  /**
   * A ResNet-18 with 1000 classes holding the weights in {@code file} (safetensors or libtorch
   * archive, chosen by the name): every key of torchvision's {@code resnet18().state_dict()} must
   * be there with its shape, and no other.
   *
   * <p>Shape: the file's {@code fc.weight} must be {@code [1000, 512]}.
   *
   * @throws dev.shapetorch.tensor.ShapeException naming each tensor whose shape differs from
   *     ResNet-18's, with both shapes
   * @throws IllegalArgumentException listing missing and unexpected keys
   */
  static @Shape({"1000"}) ResNet loadResNet18(Path file) {
    @Shape({"1000"}) ResNet net = ResNet.resnet18(IMAGENET_CLASSES);
    Checkpoints.load(net, file);
    return net;
  }

  /**
   * {@code net} with a fresh {@code Linear(512, classes)} as its head (PyTorch's default
   * initialisation) and every other parameter frozen: its tensors no longer require gradients,
   * so backpropagation stops at the head. The other modules are shared with {@code net}.
   *
   * <p>Shape: {@code [B, 3, H, W] -> [B, classes]}.
   */
  static @Shape({"classes"}) ResNet withNewHead(ResNet net, @Dim int classes) {
    @Shape({"512", "classes"}) Linear head = new Linear(512, classes);
    ResNet tuned = new ResNet(net.conv1(), net.bn1(), net.relu(), net.maxpool(), net.layer1(),
        net.layer2(), net.layer3(), net.layer4(), net.avgpool(), head);
    for (var entry : tuned.namedParameters().entrySet()) {
      if (!entry.getKey().startsWith("fc.")) {
        freeze(entry.getValue());
      }
    }
    @Shape({"classes"}) ResNet typed = tuned;
    return typed;
  }

  private static void freeze(Parameter p) {
    p.get().requiresGrad_(false);
  }
}
