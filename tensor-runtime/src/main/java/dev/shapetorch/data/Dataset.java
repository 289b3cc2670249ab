package dev.shapetorch.data;

import dev.shapetorch.internal.Arguments;
import java.util.function.Function;

/**
 * A finite, indexable collection of examples: PyTorch's map-style {@code
 * torch.utils.data.Dataset} ({@code __getitem__} is {@link #get}, {@code __len__} is {@link
 * #size}).
 *
 * <pre>{@code
 * Dataset<Sample> train = FashionMNIST.train(root);
 * Sample first = train.get(0);                     // image [1, 28, 28], label []
 * Dataset<Tensor> images = train.map(Sample::input);
 * }</pre>
 *
 * <p>Implementations must allow {@link #get} from several threads at once (a {@link DataLoader}
 * with workers calls it concurrently) and return tensors the caller may free: either new tensors
 * or views, never a tensor the dataset itself keeps using.
 *
 * @param <T> the type of one example
 */
public interface Dataset<T> {

  /** The number of examples. */
  int size();

  /**
   * The example at {@code index}, in {@code [0, size())}.
   *
   * @throws IndexOutOfBoundsException if {@code index} is out of range
   */
  T get(int index);

  /**
   * A view of this dataset whose examples are {@code fn} applied to this one's, computed on
   * each {@link #get} (like a transform passed to a torchvision dataset).
   */
  default <R> Dataset<R> map(Function<? super T, ? extends R> fn) {
    Arguments.requireNonNull(fn, "fn");
    Dataset<T> self = this;
    return new Dataset<>() {
      @Override
      public int size() {
        return self.size();
      }

      @Override
      public R get(int index) {
        return fn.apply(self.get(index));
      }
    };
  }

  /**
   * Throws the exception {@link #get} documents when {@code index} is outside {@code [0, size)},
   * naming the op the caller called ({@code TensorDataset.get: index 7 is out of range for a
   * dataset of 6 examples}).
   */
  static int checkIndex(int index, int size) {
    return Arguments.checkIndex(index, size, "a dataset of " + size + " examples");
  }
}
