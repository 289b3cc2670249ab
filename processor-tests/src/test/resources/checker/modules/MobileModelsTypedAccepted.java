import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.vision.models.EfficientNet;
import dev.shapetorch.vision.models.MobileNetV2;
import dev.shapetorch.vision.models.MobileNetV3;
import dev.shapetorch.vision.models.VisionTransformer;

/**
 * The mobile and transformer builders hold the number of classes in their type: PyTorch's 1000
 * for the no-argument builders, the argument for the others (the run-time half is
 * MobileModelsGoldenTest in tensor-runtime).
 */
class MobileModelsTypedAccepted {
  final MobileNetV2 v2 = MobileNetV2.mobilenet_v2();

  void classify(@Shape({"N", "3", "224", "224"}) Tensor images) {
    @Shape({"N", "1000"}) Tensor a = v2.forward(images);
    @Shape({"N", "10"}) Tensor b = MobileNetV3.mobilenet_v3_small(10).forward(images);
    @Shape({"N", "1000"}) Tensor c = MobileNetV3.mobilenet_v3_large().forward(images);
    @Shape({"N", "7"}) Tensor d = EfficientNet.efficientnet_b0(7).forward(images);
    @Shape({"N", "1000"}) Tensor e = EfficientNet.efficientnet_b3().forward(images);
    @Shape({"N", "5"}) Tensor f = VisionTransformer.vit_b_16(5).forward(images);
    @Shape({"1000"}) VisionTransformer typed = VisionTransformer.vit_b_32();
  }
}
