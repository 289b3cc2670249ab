package dev.shapetorch.backprop.ops;

import dev.shapetorch.backprop.Op;
import dev.shapetorch.backprop.OpResult;
import dev.shapetorch.backprop.T1;
import dev.shapetorch.backprop.TN;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.util.ArrayList;
import java.util.List;

/**
 * Joining tensors and slicing them, with their gradients: {@code cat} and {@code narrow}. Reach
 * them through {@link TensorOps}.
 *
 * <p>Shape: {@code cat} as {@code Torch.cat} (every input of one shape except along {@code
 * dim}, where the sizes add up); {@code narrow} as {@code Torch.narrow} ({@code dim} becomes
 * {@code length}). Every gradient has its input's shape.
 */
public class TensorJoinOps extends TensorShapeOps {
  TensorJoinOps() {}

  /**
   * The inputs joined along {@code dim} ({@code Torch.cat}); the gradient of each input is its
   * slice of {@code g} along {@code dim}.
   *
   * @param dim the dimension (negative counts from the end)
   */
  public static Op<TN<Tensor>, Tensor> cat(int dim) {
    return xs -> {
      List<Tensor> inputs = xs.values();
      Tensor joined = Torch.cat(inputs, dim);
      return OpResult.of(joined, g -> {
        int d = normalize(dim, joined.dim());
        List<Tensor> slices = new ArrayList<>(inputs.size());
        long start = 0;
        for (Tensor x : inputs) {
          long length = x.size(d);
          slices.add(Torch.narrow(g, d, start, length));
          start += length;
        }
        return TN.ofList(slices);
      });
    };
  }

  /**
   * The slice {@code [start, start + length)} along {@code dim} ({@code Torch.narrow}); gradient
   * {@code g} in that slice and zero elsewhere.
   *
   * @param dim the dimension (negative counts from the end)
   * @param start the first index kept
   * @param length how many are kept
   */
  public static Op<T1<Tensor>, Tensor> narrow(int dim, long start, long length) {
    return Op.op1(x -> OpResult.of(Torch.narrow(x, dim, start, length), g -> {
      int d = normalize(dim, x.dim());
      long after = x.size(d) - start - length;
      if (start == 0 && after == 0) {
        return g;
      }
      Tensor zeros = Torch.zerosLike(x);
      List<Tensor> pieces = new ArrayList<>(3);
      if (start > 0) {
        pieces.add(Torch.narrow(zeros, d, 0, start));
      }
      pieces.add(g);
      if (after > 0) {
        pieces.add(Torch.narrow(zeros, d, start + length, after));
      }
      return Torch.cat(pieces, d);
    }));
  }
}
