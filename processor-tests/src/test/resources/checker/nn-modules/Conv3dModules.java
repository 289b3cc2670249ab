import dev.shapetorch.nn.conv.Conv3d;
import dev.shapetorch.nn.conv.ConvTranspose1d;
import dev.shapetorch.nn.conv.ConvTranspose3d;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;

/**
 * nn.Conv3d, nn.ConvTranspose1d and nn.ConvTranspose3d: the sizes they compute reach what
 * follows, and their input's rank and channels are checked in the layer's words.
 */
class Conv3dModules {
  final Conv3d down = new Conv3d(3, 8, 3, 2, 1);
  final ConvTranspose3d up = new ConvTranspose3d(8, 3, 4, 2, 1, 0);
  final ConvTranspose1d stretch = new ConvTranspose1d(4, 2, 3, 2, 1, 1);

  void use(@Shape({"N", "3", "8", "32", "32"}) Tensor clip, @Shape({"N", "4", "10"}) Tensor seq,
      @Shape({"3", "8", "32", "32"}) Tensor one, @Shape({"N", "2", "10"}) Tensor two) {
    @Shape({"N", "8", "4", "16", "16"}) Tensor features = down.forward(clip);
    @Shape({"N", "3", "8", "32", "32"}) Tensor back = up.forward(features);
    @Shape({"N", "2", "20"}) Tensor longer = stretch.forward(seq);
    // :: error: (shape.rank) the layer takes a batch
    down.forward(one);
    // :: error: (shape.mismatch.conv.channels) the layer expects Cin = 4
    stretch.forward(two);
    // :: error: (shape.assignment) found [N, 8, 4, 16, 16], required [N, 8, 8, 16, 16]
    @Shape({"N", "8", "8", "16", "16"}) Tensor wrong = down.forward(clip);
  }
}
