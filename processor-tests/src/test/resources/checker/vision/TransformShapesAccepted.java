import dev.shapetorch.nn.conv.Conv2d;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.vision.transforms.CenterCrop;
import dev.shapetorch.vision.transforms.Grayscale;
import dev.shapetorch.vision.transforms.Normalize;
import dev.shapetorch.vision.transforms.RandomHorizontalFlip;
import dev.shapetorch.vision.transforms.RandomResizedCrop;
import dev.shapetorch.vision.transforms.RandomVerticalFlip;
import dev.shapetorch.vision.transforms.Resize;
import dev.shapetorch.vision.transforms.ToTensor;

/**
 * The image transforms' declared shape effect (Rule.IMAGE_*): a pipeline's output shape is
 * known, as TransformShapesTest in tensor-runtime finds it at run time.
 */
class TransformShapesAccepted {
  final Normalize normalize = new Normalize(new double[] {0.5}, new double[] {0.25});

  // ToTensor gives a grey image its channel dim and keeps an image or a batch.
  @Shape({"1", "H", "W"}) Tensor grey(@Shape({"H", "W"}) Tensor image) {
    @Shape({"1", "H", "W"}) Tensor x = new ToTensor().apply(image);
    return x;
  }

  @Shape({"B", "3", "H", "W"}) Tensor keeps(@Shape({"B", "3", "H", "W"}) Tensor images) {
    return new ToTensor().apply(images);
  }

  // Resize and RandomResizedCrop set the spatial size from their type.
  @Shape({"C", "32", "16"}) Tensor resized(@Shape({"C", "H", "W"}) Tensor image) {
    Resize resize = new Resize(32, 16);
    @Shape({"C", "32", "16"}) Tensor r = resize.apply(image);
    return r;
  }

  @Shape({"B", "C", "24", "24"}) Tensor cropped(@Shape({"B", "C", "H", "W"}) Tensor images) {
    return new RandomResizedCrop(24).apply(images);
  }

  // CenterCrop takes any leading dims.
  @Shape({"N", "C", "10", "12"}) Tensor center(@Shape({"N", "C", "5", "5"}) Tensor x) {
    @Shape({"N", "C", "10", "12"}) Tensor c = new CenterCrop(10, 12).apply(x);
    return c;
  }

  // Grayscale sets the channels, Normalize and the flips keep the shape.
  @Shape({"B", "3", "H", "W"}) Tensor grayscale(@Shape({"B", "3", "H", "W"}) Tensor images) {
    @Shape({"B", "1", "H", "W"}) Tensor g = new Grayscale().apply(images);
    return new Grayscale(3).apply(g);
  }

  @Shape({"1", "H", "W"}) Tensor normalized(@Shape({"1", "H", "W"}) Tensor image) {
    return normalize.apply(image);
  }

  @Shape({"H", "W"}) Tensor flipped(@Shape({"H", "W"}) Tensor image) {
    @Shape({"H", "W"}) Tensor f = new RandomHorizontalFlip().apply(image);
    return new RandomVerticalFlip(0.5).apply(f);
  }

  // A grey MNIST image, made an RGB-sized batch the model takes.
  @Shape({"1", "8", "32", "32"}) Tensor pipeline(@Shape({"28", "28"}) Tensor image) {
    Conv2d conv = new Conv2d(3, 8, 3, 1, 1);
    @Shape({"3", "32", "32"}) Tensor x =
        new Grayscale(3).apply(new Resize(32).apply(new ToTensor().apply(image)));
    return conv.forward(x.unsqueeze(0));
  }
}
