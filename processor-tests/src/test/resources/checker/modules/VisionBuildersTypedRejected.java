import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.vision.models.AlexNet;
import dev.shapetorch.vision.models.ResNet;
import dev.shapetorch.vision.models.SqueezeNet;
import dev.shapetorch.vision.models.VGG;

/** The classes in a builder's type catch a head of the wrong width. */
class VisionBuildersTypedRejected {

  void wrongHead(@Shape({"N", "3", "64", "64"}) Tensor images) {
    // :: error: (shape.assignment)
    @Shape({"N", "10"}) Tensor a = ResNet.resnet152().forward(images);
    // :: error: (shape.assignment)
    @Shape({"N", "1000"}) Tensor b = ResNet.resnext101_64x4d(10).forward(images);
    // :: error: (shape.assignment)
    @Shape({"N", "4"}) Tensor c = VGG.vgg13_bn(5).forward(images);
    // :: error: (shape.assignment)
    @Shape({"N", "4"}) Tensor d = AlexNet.alexnet(3).forward(images);
    // :: error: (shape.assignment)
    @Shape({"N", "1000"}) Tensor e = SqueezeNet.squeezenet1_1(2).forward(images);
  }

  void wrongInput(@Shape({"N", "1", "64", "64"}) Tensor gray) {
    // :: error: (shape.mismatch.argument)
    ResNet.resnet101(4).forward(gray);
  }
}
