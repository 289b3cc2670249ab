package dev.shapetorch.data;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A dataset of tensors that share their first dimension: example {@code i} is row {@code i} of
 * each, as PyTorch's {@code TensorDataset}.
 *
 * <pre>{@code
 * var data = new TensorDataset(features, labels);    // [N, 784] and [N]
 * List<Tensor> example = data.get(3);                // [784] and []
 * List<Tensor> batch = data.getBatch(new int[] {3, 1, 4});  // [3, 784] and [3]
 * }</pre>
 *
 * <p>The dataset {@linkplain Tensor#retain() retains} its tensors (they leave the scope they were
 * made in and stay alive as long as the dataset does). Examples are views of its rows; batches
 * are new tensors.
 *
 * <p>For the usual pair of inputs and targets, {@link #of(Tensor, Tensor)} makes a dataset of
 * {@link Sample}s, typed by the checker.
 *
 * <p>Shape: tensors {@code [N, *s_k]}; an example is {@code [*s_k]} for each k, a batch {@code
 * [B, *s_k]}.
 */
public final class TensorDataset implements BatchedDataset<List<Tensor>> {

  private final List<Tensor> tensors;
  private final int size;

  /**
   * A dataset over these tensors.
   *
   * @throws IllegalArgumentException if no tensor is given, one is 0-d, their first dimensions
   *     differ, or it exceeds {@code Integer.MAX_VALUE}
   */
  public TensorDataset(Tensor... tensors) {
    if (Arguments.requireNonNullElements(tensors, "tensors").length == 0) {
      throw new IllegalArgumentException("TensorDataset: give at least one tensor");
    }
    long n = -1;
    for (int k = 0; k < tensors.length; k++) {
      Tensor t = tensors[k];
      if (t.dim() == 0) {
        throw new IllegalArgumentException(
            "TensorDataset: tensor " + k + " is 0-d; each tensor needs a first dimension of"
                + " examples");
      }
      if (n < 0) {
        n = t.size(0);
      } else if (t.size(0) != n) {
        throw new IllegalArgumentException(
            "TensorDataset: size mismatch between tensors: tensor 0 has " + n
                + " examples (shape " + Arrays.toString(tensors[0].shape()) + "), tensor " + k
                + " has " + t.size(0) + " (shape " + Arrays.toString(t.shape()) + ")");
      }
    }
    if (n > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("TensorDataset: " + n + " examples is too many");
    }
    List<Tensor> held = new ArrayList<>(tensors.length);
    for (Tensor t : tensors) {
      held.add(t.retain());
    }
    this.tensors = List.copyOf(held);
    this.size = (int) n;
  }

  /**
   * A dataset of (input, target) examples: PyTorch's {@code TensorDataset(x, y)}, whose items are
   * {@link Sample}s, so that a {@link DataLoader} of it gives batches of {@code Sample}s.
   *
   * <pre>{@code
   * var data = TensorDataset.of(Torch.randn(1000, 784), Torch.randint(0, 10, 1000));
   * var loader = DataLoader.of(data, LoaderOptions.batchSize(64).withDropLast(true));
   * }</pre>
   *
   * <p>Type: {@code @SampleShape(input = in, target = t) SampleDataset}: each item's shapes;
   * inputs and targets of different {@code N} are a compile-time error where the checker knows
   * both (the same text as the exception).
   *
   * <p>Shape: inputs {@code [N, *in]}, targets {@code [N, *t]} -> items {@code [*in]} and
   * {@code [*t]}.
   *
   * @throws dev.shapetorch.tensor.ShapeException ({@code shape.mismatch.dataset}) if a tensor is
   *     0-d or the two have different numbers of examples (first dimensions)
   * @throws IllegalArgumentException if there are more than {@code Integer.MAX_VALUE} examples
   */
  public static SampleDataset of(Tensor inputs, Tensor targets) {
    return new SampleDataset("TensorDataset.of", inputs, targets);
  }

  /** The tensors, in the order given. */
  public List<Tensor> tensors() {
    return tensors;
  }

  @Override
  public int size() {
    return size;
  }

  /**
   * Row {@code index} of each tensor (views).
   *
   * <p>Shape: {@code [*s_k]} for each tensor {@code [N, *s_k]}.
   */
  @Override
  public List<Tensor> get(int index) {
    Dataset.checkIndex(index, size);
    List<Tensor> out = new ArrayList<>(tensors.size());
    for (Tensor t : tensors) {
      out.add(t.select(0, index));
    }
    return List.copyOf(out);
  }

  /**
   * Rows {@code indices} of each tensor, in order (new tensors).
   *
   * <p>Shape: {@code [indices.length, *s_k]} for each tensor {@code [N, *s_k]}.
   */
  @Override
  public List<Tensor> getBatch(int[] indices) {
    Tensor index = indexTensor(indices, size);
    List<Tensor> out = new ArrayList<>(tensors.size());
    for (Tensor t : tensors) {
      out.add(t.indexSelect(0, index));
    }
    return List.copyOf(out);
  }

  /** An int64 tensor of these indices, each checked against {@code size}. */
  static Tensor indexTensor(int[] indices, int size) {
    long[] idx = new long[Arguments.requireNonNull(indices, "indices").length];
    for (int i = 0; i < indices.length; i++) {
      idx[i] = Dataset.checkIndex(indices[i], size);
    }
    return Torch.tensor(idx);
  }
}
