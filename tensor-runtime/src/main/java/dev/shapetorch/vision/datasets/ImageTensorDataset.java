package dev.shapetorch.vision.datasets;

import dev.shapetorch.data.BatchedDataset;
import dev.shapetorch.data.Dataset;
import dev.shapetorch.data.Sample;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import dev.shapetorch.vision.transforms.Transform;
import java.util.ArrayList;
import java.util.List;

/**
 * A vision dataset held in memory as one uint8 image tensor {@code [N, C, H, W]} and one int64
 * target tensor: the examples of {@link CIFAR100}, {@link QMNIST}, {@link STL10}, {@link SVHN}
 * and {@link SEMEION}. Single examples and batches are served as by {@link CIFAR10}.
 *
 * <p>Shape: an example is an image uint8 {@code [C, H, W]} (before the transform) and a target
 * int64 {@code []} (or {@code [8]} for {@link QMNIST} without compat); a batch {@code [B, C, H,
 * W]} and {@code [B]}.
 */
public abstract sealed class ImageTensorDataset implements BatchedDataset<Sample>
    permits CIFAR100, QMNIST, STL10, SVHN, SEMEION {

  private final Tensor images;
  private final Tensor labels;
  private final Transform transform;

  ImageTensorDataset(Tensor images, Tensor labels, Transform transform) {
    this.images = images.retain();
    this.labels = labels.retain();
    this.transform = transform;
  }

  /** The class names, indexed by label. */
  public abstract List<String> classes();

  /** All images, untransformed: uint8 {@code [N, C, H, W]} (the dataset's own tensor). */
  public Tensor images() {
    return images;
  }

  /** All targets: int64 {@code [N]} (the dataset's own tensor). */
  public Tensor labels() {
    return labels;
  }

  /** The transform applied to each image, or null. */
  public Transform transform() {
    return transform;
  }

  @Override
  public int size() {
    return (int) labels.size(0);
  }

  /**
   * Example {@code index}: the (transformed) image and its target.
   *
   * <p>Shape: image {@code [C, H, W]} before the transform; target {@code []}.
   */
  @Override
  public Sample get(int index) {
    Dataset.checkIndex(index, size());
    Tensor image = images.select(0, index);
    return new Sample(
        transform == null ? image.clone() : transform.apply(image), labels.select(0, index));
  }

  /**
   * The examples at {@code indices}, stacked; a batchable transform is applied once to the batch.
   *
   * <p>Shape: images {@code [B, C, H, W]} before the transform; targets {@code [B]}.
   */
  @Override
  public Sample getBatch(int[] indices) {
    long[] idx = new long[indices.length];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = Dataset.checkIndex(indices[i], size());
    }
    Tensor index = Torch.tensor(idx);
    Tensor batch = images.indexSelect(0, index);
    Tensor targets = labels.indexSelect(0, index);
    if (transform == null) {
      return new Sample(batch, targets);
    }
    if (transform.batchable()) {
      return new Sample(transform.apply(batch), targets);
    }
    List<Tensor> out = new ArrayList<>(indices.length);
    for (int i = 0; i < indices.length; i++) {
      out.add(transform.apply(batch.select(0, i)));
    }
    return new Sample(Torch.stack(out, 0), targets);
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "(" + size() + " examples"
        + (transform == null ? "" : ", transform=" + transform) + ")";
  }
}
