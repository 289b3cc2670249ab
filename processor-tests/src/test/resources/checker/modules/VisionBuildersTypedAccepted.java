import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.vision.models.AlexNet;
import dev.shapetorch.vision.models.ResNet;
import dev.shapetorch.vision.models.SqueezeNet;
import dev.shapetorch.vision.models.VGG;

/**
 * Every torchvision builder holds the number of classes in its type: the numClasses overloads
 * from their argument, the no-argument ones PyTorch's 1000 (the run-time half is
 * VisionModelsGoldenTest in tensor-runtime).
 */
class VisionBuildersTypedAccepted {
  final ResNet deep = ResNet.resnet50(10);

  void classify(@Shape({"N", "3", "64", "64"}) Tensor images) {
    @Shape({"N", "10"}) Tensor a = deep.forward(images);
    @Shape({"N", "7"}) Tensor b = ResNet.resnext50_32x4d(7).forward(images);
    @Shape({"N", "1000"}) Tensor c = ResNet.wide_resnet50_2().forward(images);
    @Shape({"N", "5"}) Tensor d = VGG.vgg16_bn(5).forward(images);
    @Shape({"N", "1000"}) Tensor e = VGG.vgg19().forward(images);
    @Shape({"N", "3"}) Tensor f = AlexNet.alexnet(3).forward(images);
    @Shape({"N", "2"}) Tensor g = SqueezeNet.squeezenet1_1(2).forward(images);
    @Shape({"1000"}) SqueezeNet h = SqueezeNet.squeezenet1_0();
  }
}
