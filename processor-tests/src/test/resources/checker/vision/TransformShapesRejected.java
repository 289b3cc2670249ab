import dev.shapetorch.nn.conv.Conv2d;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import dev.shapetorch.vision.transforms.CenterCrop;
import dev.shapetorch.vision.transforms.Grayscale;
import dev.shapetorch.vision.transforms.Normalize;
import dev.shapetorch.vision.transforms.RandomHorizontalFlip;
import dev.shapetorch.vision.transforms.RandomResizedCrop;
import dev.shapetorch.vision.transforms.Resize;
import dev.shapetorch.vision.transforms.ToTensor;

/**
 * Images a transform does not take, refused with the run time's text (TransformShapesTest in
 * tensor-runtime makes the same mistakes), and a grey image given to an RGB model.
 */
class TransformShapesRejected {

  void resize() {
    Tensor grey = Torch.zeros(28, 28);
    // :: error: (shape.rank) Resize.apply: image [28, 28] is 2-D, required an image [C, H, W] or a batch [B, C, H, W]; add the channel dim first (ToTensor does, or unsqueeze(0))
    new Resize(32, 32).apply(grey);
    // :: error: (shape.rank) RandomResizedCrop.apply: image [28, 28] is 2-D, required an image [C, H, W] or a batch [B, C, H, W]; add the channel dim first (ToTensor does, or unsqueeze(0))
    new RandomResizedCrop(32).apply(grey);
  }

  void toTensor() {
    // :: error: (shape.rank) ToTensor.apply: image [5] is 1-D, required an image [H, W] or [C, H, W], or a batch [*batch, C, H, W]; a 1-D signal is not an image; reshape it to [H, W]
    new ToTensor().apply(Torch.zeros(5));
  }

  void normalize() {
    // :: error: (shape.rank) Normalize.apply: image [28, 28] is 2-D, required an image [C, H, W] or a batch [*batch, C, H, W]; add the channel dim first (ToTensor does, or unsqueeze(0))
    new Normalize(new double[] {0.5}, new double[] {0.5}).apply(Torch.zeros(28, 28));
  }

  void grayscale() {
    // :: error: (shape.image.channels) Grayscale.apply: image [2, 4, 40, 30] has 4 channels (dim 1), but a grey conversion takes 1 (grey) or 3 (RGB)
    new Grayscale().apply(Torch.zeros(2, 4, 40, 30));
  }

  void cropAndFlip() {
    // :: error: (shape.rank) CenterCrop.apply: image [5] is 1-D, required an image [..., H, W]; reshape it to [H, W]
    new CenterCrop(3).apply(Torch.zeros(5));
    // :: error: (shape.rank) RandomHorizontalFlip.apply: image [5] is 1-D, required an image [..., H, W]; reshape it to [H, W]
    new RandomHorizontalFlip().apply(Torch.zeros(5));
  }

  // A grey image given to a model built for RGB: the pipeline's shape says 1 channel.
  void greyToRgbModel(@Shape({"28", "28"}) Tensor image) {
    Conv2d conv = new Conv2d(3, 8, 3, 1, 1);
    Tensor x = new Resize(32).apply(new ToTensor().apply(image));
    // :: error: (shape.mismatch.conv.channels) Conv2d.forward: input [1, 1, 32, 32] has 1 channels (dim 1), but the layer expects Cin = 3; pass an input of 3 channels, or build the layer for 1
    conv.forward(x.unsqueeze(0));
  }

  // A result assigned to the shape it does not have.
  void assigned(@Shape({"H", "W"}) Tensor image) {
    // :: error: (shape.assignment)
    @Shape({"3", "H", "W"}) Tensor x = new ToTensor().apply(image);
  }
}
