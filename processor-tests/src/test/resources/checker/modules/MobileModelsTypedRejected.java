import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.vision.models.EfficientNet;
import dev.shapetorch.vision.models.MobileNetV2;
import dev.shapetorch.vision.models.VisionTransformer;

/** With the classes in the builders' types, a mistake with the output is caught. */
class MobileModelsTypedRejected {

  void wrongClasses(@Shape({"N", "3", "224", "224"}) Tensor images) {
    // :: error: (shape.assignment)
    @Shape({"N", "10"}) Tensor a = MobileNetV2.mobilenet_v2().forward(images);
    // :: error: (shape.assignment)
    @Shape({"N", "1000"}) Tensor b = EfficientNet.efficientnet_b0(10).forward(images);
  }

  void wrongInput(@Shape({"N", "1", "224", "224"}) Tensor gray) {
    // :: error: (shape.mismatch.argument)
    VisionTransformer.vit_b_16(3).forward(gray);
  }
}
