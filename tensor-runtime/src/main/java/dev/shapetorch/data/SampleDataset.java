package dev.shapetorch.data;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.shapes.rules.DataRules;
import dev.shapetorch.shapes.rules.ShapeMismatch;
import dev.shapetorch.shapes.rules.TensorShape;
import dev.shapetorch.tensor.ShapeException;
import dev.shapetorch.tensor.Tensor;

/**
 * A dataset of supervised examples from two tensors that share their first dimension: example
 * {@code i} is the {@link Sample} of row {@code i} of the inputs and row {@code i} of the
 * targets, as PyTorch's {@code TensorDataset(x, y)}. Made by {@link TensorDataset#of(Tensor,
 * Tensor)}.
 *
 * <pre>{@code
 * var data = TensorDataset.of(features, labels);   // [N, 784] and [N]
 * Sample example = data.get(3);                    // [784] and []
 * Sample batch = data.getBatch(new int[] {3, 1});  // [2, 784] and [2]
 * }</pre>
 *
 * <p>The dataset {@linkplain Tensor#retain() retains} its tensors. Examples are views of their
 * rows; batches are new tensors.
 *
 * <p>Type: {@code @SampleShape(input = in, target = t) SampleDataset} for inputs {@code [N,
 * *in]} and targets {@code [N, *t]}: the shapes of each item, from which a {@link DataLoader}'s
 * batches get theirs.
 *
 * <p>Shape: inputs {@code [N, *in]}, targets {@code [N, *t]}; an example is {@code [*in]} and
 * {@code [*t]}, a batch {@code [B, *in]} and {@code [B, *t]}.
 */
public final class SampleDataset implements BatchedDataset<Sample> {
  private final Tensor inputs;
  private final Tensor targets;
  private final int size;

  SampleDataset(String op, Tensor inputs, Tensor targets) {
    Arguments.requireNonNull(inputs, "inputs");
    Arguments.requireNonNull(targets, "targets");
    ShapeMismatch m = DataRules.sampleCounts(
        op, TensorShape.of(inputs.shape()), TensorShape.of(targets.shape()));
    if (m != null) {
      throw new ShapeException(m);
    }
    long n = inputs.size(0);
    if (n > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(op + ": " + n + " examples is too many");
    }
    this.inputs = inputs.retain();
    this.targets = targets.retain();
    this.size = (int) n;
  }

  /** The inputs, {@code [N, *in]}. */
  public Tensor inputs() {
    return inputs;
  }

  /** The targets, {@code [N, *t]}. */
  public Tensor targets() {
    return targets;
  }

  @Override
  public int size() {
    return size;
  }

  /**
   * Row {@code index} of the inputs and of the targets (views).
   *
   * <p>Shape: {@code [*in]} and {@code [*t]}.
   */
  @Override
  public Sample get(int index) {
    Dataset.checkIndex(index, size);
    return new Sample(inputs.select(0, index), targets.select(0, index));
  }

  /**
   * Rows {@code indices} of the inputs and of the targets, in order (new tensors).
   *
   * <p>Shape: {@code [indices.length, *in]} and {@code [indices.length, *t]}.
   */
  @Override
  public Sample getBatch(int[] indices) {
    Tensor index = TensorDataset.indexTensor(indices, size);
    return new Sample(inputs.indexSelect(0, index), targets.indexSelect(0, index));
  }

  @Override
  public String toString() {
    return "SampleDataset(" + size + " examples, inputs " + TensorShape.of(inputs.shape())
        + ", targets " + TensorShape.of(targets.shape()) + ")";
  }
}
