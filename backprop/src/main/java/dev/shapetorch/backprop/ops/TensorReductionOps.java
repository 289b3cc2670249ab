package dev.shapetorch.backprop.ops;

import dev.shapetorch.backprop.Op;
import dev.shapetorch.backprop.OpResult;
import dev.shapetorch.backprop.T1;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/**
 * Reductions and normalisations along a dimension, with their gradients: {@code sum}, {@code
 * mean}, {@code softmax}, {@code logSoftmax}. Reach them through {@link TensorOps}.
 *
 * <p>Shape: {@code sum()} and {@code mean()} return a 0-d tensor; {@code sum(dim, keepdim)} and
 * {@code mean(dim, keepdim)} remove {@code dim} (or keep it with size 1), and their {@code int[]
 * dims} forms every dimension listed; {@code softmax} and
 * {@code logSoftmax} keep the shape. Every gradient has its input's shape.
 */
public class TensorReductionOps extends TensorLinalgOps {
  private static final Op<T1<Tensor>, Tensor> SUM =
      Op.op1(x -> OpResult.of(x.sum(), g -> g.expand(x.shape())));
  private static final Op<T1<Tensor>, Tensor> MEAN = Op.op1(x -> OpResult.of(x.mean(),
      g -> g.div((double) x.numel()).expand(x.shape())));

  TensorReductionOps() {}

  /** The sum of all elements; gradient {@code g} broadcast to the input's shape. */
  public static Op<T1<Tensor>, Tensor> sum() {
    return SUM;
  }

  /**
   * The sum along {@code dim}; gradient {@code g} broadcast back along {@code dim}.
   *
   * @param dim the dimension (negative counts from the end)
   * @param keepdim whether the result keeps {@code dim} with size 1
   */
  public static Op<T1<Tensor>, Tensor> sum(int dim, boolean keepdim) {
    return Op.op1(x -> OpResult.of(x.sum(dim, keepdim),
        g -> (keepdim ? g : g.unsqueeze(normalize(dim, x.dim()))).expand(x.shape())));
  }

  /**
   * The sum over several dimensions ({@code Torch.sum(x, dims, keepdim)}); gradient {@code g}
   * broadcast back along them.
   *
   * @param dims the dimensions (negative counts from the end), each at most once
   * @param keepdim whether the result keeps them with size 1
   */
  public static Op<T1<Tensor>, Tensor> sum(int[] dims, boolean keepdim) {
    int[] reduced = dims.clone();
    return Op.op1(x -> OpResult.of(Torch.sum(x, reduced, keepdim),
        g -> unreduce(g, reduced, keepdim, x.dim()).expand(x.shape())));
  }

  /**
   * The mean over several dimensions ({@code Torch.mean(x, dims, keepdim)}); gradient {@code g}
   * divided by the number of elements averaged, broadcast back along them.
   *
   * @param dims the dimensions (negative counts from the end), each at most once
   * @param keepdim whether the result keeps them with size 1
   */
  public static Op<T1<Tensor>, Tensor> mean(int[] dims, boolean keepdim) {
    int[] reduced = dims.clone();
    return Op.op1(x -> OpResult.of(Torch.mean(x, reduced, keepdim), g -> {
      long count = 1;
      for (int d : reduced) {
        count *= x.size(d);
      }
      return unreduce(g.div((double) count), reduced, keepdim, x.dim()).expand(x.shape());
    }));
  }

  /** {@code g} with the reduced dimensions back as size 1 (when the reduction dropped them). */
  private static Tensor unreduce(Tensor g, int[] dims, boolean keepdim, int rank) {
    if (keepdim) {
      return g;
    }
    int[] sorted = new int[dims.length];
    for (int i = 0; i < dims.length; i++) {
      sorted[i] = normalize(dims[i], rank);
    }
    java.util.Arrays.sort(sorted);
    Tensor out = g;
    for (int d : sorted) {
      out = out.unsqueeze(d);
    }
    return out;
  }

  /** The mean of all elements; gradient {@code g / n} broadcast to the input's shape. */
  public static Op<T1<Tensor>, Tensor> mean() {
    return MEAN;
  }

  /**
   * The mean along {@code dim}; gradient {@code g / size(dim)} broadcast back along {@code dim}.
   *
   * @param dim the dimension (negative counts from the end)
   * @param keepdim whether the result keeps {@code dim} with size 1
   */
  public static Op<T1<Tensor>, Tensor> mean(int dim, boolean keepdim) {
    return Op.op1(x -> OpResult.of(x.mean(dim, keepdim), g -> {
      Tensor scaled = g.div((double) x.size(dim));
      return (keepdim ? scaled : scaled.unsqueeze(normalize(dim, x.dim()))).expand(x.shape());
    }));
  }

  /**
   * {@code softmax} along {@code dim}; gradient {@code y (g - sum(g y, dim))} with {@code y} the
   * result.
   */
  public static Op<T1<Tensor>, Tensor> softmax(int dim) {
    return Op.op1(x -> {
      Tensor y = x.softmax(dim);
      return OpResult.of(y, g -> y.mul(g.sub(g.mul(y).sum(dim, true))));
    });
  }

  /**
   * {@code logSoftmax} along {@code dim}; gradient {@code g - exp(y) sum(g, dim)} with {@code y}
   * the result.
   */
  public static Op<T1<Tensor>, Tensor> logSoftmax(int dim) {
    return Op.op1(x -> {
      Tensor y = x.logSoftmax(dim);
      return OpResult.of(y, g -> g.sub(y.exp().mul(g.sum(dim, true))));
    });
  }

  /** {@code dim} as a non-negative index into a shape of rank {@code rank}. */
  static int normalize(int dim, int rank) {
    return dim < 0 ? dim + rank : dim;
  }
}
