import dev.shapetorch.nn.conv.Conv2d;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/**
 * Silent mistake 5: a batch of grayscale images without its channel dim, [B, 28, 28]; libtorch
 * takes a 3-D input to conv2d as one unbatched image with B channels.
 */
class Conv2dThreeDimensionalInput {
  final Conv2d conv = new Conv2d(1, 6, 5);

  void wrong(@Shape({"B", "28", "28"}) Tensor images) {
    // :: error: (shape.rank) required [N, Cin, H, W] (rank 4)
    conv.forward(images);
  }

  @Shape({"B", "6", "24", "24"}) Tensor fixed(@Shape({"B", "28", "28"}) Tensor images) {
    return conv.forward(images.unsqueeze(1));
  }
}
