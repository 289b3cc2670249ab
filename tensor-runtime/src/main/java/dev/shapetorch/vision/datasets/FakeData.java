package dev.shapetorch.vision.datasets;

import dev.shapetorch.data.Dataset;
import dev.shapetorch.data.Sample;
import dev.shapetorch.internal.NativeTensors;
import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import dev.shapetorch.vision.transforms.Transform;
import java.util.Arrays;
import java.util.function.UnaryOperator;
import org.bytedeco.pytorch.GeneratorOptional;
import org.bytedeco.pytorch.global.torch;

/**
 * Random images with random labels, as torchvision's {@code FakeData}, for trying out a pipeline
 * without files. Example {@code i} is the same on every call and every run, and equals
 * torchvision's: a CPU generator seeded with {@code i + randomOffset} draws the image from the
 * standard normal distribution ({@code randn(imageSize)}) and then the label ({@code randint(0,
 * numClasses, [1])}); the image is converted as {@code ToPILImage} converts a float tensor (times
 * 255, then to uint8, so values outside [0, 1] wrap). The process's default generator is not
 * touched.
 *
 * <pre>{@code
 * FakeData fake = new FakeData(100, new long[] {3, 32, 32}, 10, new ToTensor(), null, 0);
 * }</pre>
 *
 * <p>Shape: an example is an image uint8 {@code imageSize} ({@code [C, H, W]}, before the
 * transform) and a label int64 {@code []}.
 */
public final class FakeData implements Dataset<Sample> {

  private final int size;
  private final long[] imageSize;
  private final int numClasses;
  private final Transform transform;
  private final UnaryOperator<Tensor> targetTransform;
  private final long randomOffset;

  /** torchvision's defaults: 1,000 images {@code [3, 224, 224]}, 10 classes, no transforms. */
  public FakeData() {
    this(1000, new long[] {3, 224, 224}, 10, null, null, 0);
  }

  /**
   * {@code size} random images of {@code imageSize} with labels below {@code numClasses}, as
   * {@code FakeData(size, image_size, num_classes, transform, target_transform, random_offset)}.
   *
   * @param imageSize {@code [C, H, W]}
   * @param transform applied to each image, or null
   * @param targetTransform applied to each label, or null
   * @param randomOffset added to the index to seed each example
   * @throws IllegalArgumentException if a size or the number of classes is not positive
   */
  public FakeData(int size, long[] imageSize, int numClasses, Transform transform,
      UnaryOperator<Tensor> targetTransform, long randomOffset) {
    if (size < 0) {
      throw new IllegalArgumentException("FakeData: size must be >= 0, got " + size);
    }
    if (imageSize == null || imageSize.length != 3
        || Arrays.stream(imageSize).anyMatch(s -> s < 1)) {
      throw new IllegalArgumentException("FakeData: imageSize must be [C, H, W] with positive"
          + " sizes, got " + Arrays.toString(imageSize) + "; torchvision's default is"
          + " [3, 224, 224]");
    }
    if ((double) imageSize[0] * imageSize[1] * imageSize[2] > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("FakeData: imageSize " + Arrays.toString(imageSize)
          + " has more than 2^31 - 1 pixels per image; pass a smaller size");
    }
    if (numClasses < 1) {
      throw new IllegalArgumentException(
          "FakeData: numClasses must be >= 1, got " + numClasses + "; torchvision's default is 10");
    }
    this.size = size;
    this.imageSize = imageSize.clone();
    this.numClasses = numClasses;
    this.transform = transform;
    this.targetTransform = targetTransform;
    this.randomOffset = randomOffset;
  }

  @Override
  public int size() {
    return size;
  }

  /** The image size {@code [C, H, W]}. */
  public long[] imageSize() {
    return imageSize.clone();
  }

  /** The number of classes. */
  public int numClasses() {
    return numClasses;
  }

  /**
   * Example {@code index}: the same random image and label every time.
   *
   * <p>Shape: image uint8 {@code imageSize} before the transform; label int64 {@code []}.
   */
  @Override
  public Sample get(int index) {
    Dataset.checkIndex(index, size);
    Tensor image;
    long label;
    try (GeneratorOptional g = new GeneratorOptional(
        torch.createCPUGenerator(index + randomOffset))) {
      Tensor noise = NativeTensors.wrap(torch.randn(imageSize, g));
      label = NativeTensors.wrap(torch.randint(0, numClasses, new long[] {1}, g)).itemLong();
      image = noise.mul(255.0).to(DType.UINT8);
    }
    if (transform != null) {
      image = transform.apply(image);
    }
    Tensor target = Torch.scalarTensor(label);
    if (targetTransform != null) {
      target = targetTransform.apply(target);
    }
    return new Sample(image, target);
  }

  @Override
  public String toString() {
    return "FakeData(" + size + " examples, imageSize=" + Arrays.toString(imageSize)
        + ", numClasses=" + numClasses + ")";
  }
}
