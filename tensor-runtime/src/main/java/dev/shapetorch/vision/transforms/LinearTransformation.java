package dev.shapetorch.vision.transforms;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.tensor.Tensor;
import java.util.Arrays;

/**
 * Flattens the image, subtracts {@code meanVector} and multiplies by {@code
 * transformationMatrix} (e.g. ZCA whitening), as torchvision's {@code LinearTransformation}.
 *
 * <p>Shape: {@code [C, H, W]} kept, with {@code D = C * H * W}; {@code transformationMatrix} is
 * {@code [D, D]} and {@code meanVector} is {@code [D]}.
 *
 * @param transformationMatrix {@code [D, D]}
 * @param meanVector {@code [D]}
 */
public record LinearTransformation(Tensor transformationMatrix, Tensor meanVector)
    implements Transform {

  /**
   * Checks the shapes.
   *
   * @throws IllegalArgumentException if the matrix is not square or the mean vector does not
   *     match it
   */
  public LinearTransformation {
    Arguments.requireNonNull(transformationMatrix, "transformationMatrix");
    Arguments.requireNonNull(meanVector, "meanVector");
    if (transformationMatrix.dim() != 2
        || transformationMatrix.size(0) != transformationMatrix.size(1)) {
      throw new IllegalArgumentException(
          "LinearTransformation: transformationMatrix must be square [D, D], got shape "
              + Arrays.toString(transformationMatrix.shape()));
    }
    if (meanVector.dim() != 1 || meanVector.size(0) != transformationMatrix.size(0)) {
      throw new IllegalArgumentException(
          "LinearTransformation: meanVector must be [D] with D = " + transformationMatrix.size(0)
              + " (the matrix's size), got shape " + Arrays.toString(meanVector.shape()));
    }
  }

  @Override
  public Tensor apply(Tensor image) {
    Arguments.requireNonNull(image, "image");
    long d = transformationMatrix.size(0);
    if (image.numel() != d) {
      throw new IllegalArgumentException(
          "LinearTransformation: an image of shape " + Arrays.toString(image.shape()) + " has "
              + image.numel() + " values, the matrix expects " + d + " (C * H * W)");
    }
    if (image.dtype() != transformationMatrix.dtype()) {
      throw new IllegalArgumentException(
          "LinearTransformation: the image is " + image.dtype() + " but the matrix is "
              + transformationMatrix.dtype() + "; convert one of them");
    }
    Tensor flat = image.reshape(1, -1).sub(meanVector);
    return flat.matmul(transformationMatrix).reshape(image.shape());
  }
}
