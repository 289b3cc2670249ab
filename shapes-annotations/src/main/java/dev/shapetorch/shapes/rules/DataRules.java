package dev.shapetorch.shapes.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * The typed data pipeline's shapes: a dataset of inputs and targets, its items, and a loader's
 * batches. The checker and the runtime ({@code TensorDataset.of}, {@code SampleDataset}) check a
 * dataset's tensors with the same function, so a mistake reads the same at both times.
 */
public final class DataRules {
  private DataRules() {}

  /**
   * Why {@code inputs} and {@code targets} cannot be the tensors of one dataset of examples, or
   * null if they can (or the sizes are not known): each needs a first dimension, and the first
   * dimensions (the numbers of examples) must be equal. Shape: {@code [N, *in]} and {@code [N,
   * *t]}. Key {@link MessageKeys#MISMATCH_DATASET}.
   */
  public static ShapeMismatch sampleCounts(String op, TensorShape inputs, TensorShape targets) {
    for (int k = 0; k < 2; k++) {
      TensorShape s = k == 0 ? inputs : targets;
      if (!s.hasVariadic() && s.rank() == 0) {
        return ShapeMismatch.of(MessageKeys.MISMATCH_DATASET, op,
            (k == 0 ? "inputs" : "targets") + " is 0-d ([]); each tensor needs a first dimension"
                + " of examples");
      }
    }
    DimExpr n = examples(inputs);
    DimExpr m = examples(targets);
    if (n.isUnknown() || m.isUnknown() || n.equals(m)) {
      return null;
    }
    return ShapeMismatch.of(MessageKeys.MISMATCH_DATASET, op,
        "inputs " + inputs + " and targets " + targets + " have different numbers of examples"
            + " (dim 0: " + n + " and " + m + "); give one target per input");
  }

  /** The number of examples of a dataset tensor {@code [N, *s]}: {@code N}, or unknown. */
  public static DimExpr examples(TensorShape s) {
    return s.hasVariadic() || s.rank() == 0 ? DimExpr.UNKNOWN : s.dim(0);
  }

  /**
   * The shape of one item of a dataset tensor: {@code [*s]} of {@code [N, *s]}; unknown rank
   * when the tensor's leading dims are not known.
   */
  public static TensorShape item(TensorShape s) {
    if (s.hasVariadic() || s.rank() == 0) {
      return TensorShape.unknownRank();
    }
    return TensorShape.of(null, s.dims().subList(1, s.rank()));
  }

  /**
   * The shape of a batch of {@code b} items of shape {@code item}: {@code [b, *item]}; unknown
   * rank when the item's rank is not known.
   */
  public static TensorShape batch(DimExpr b, TensorShape item) {
    if (item.hasVariadic()) {
      return TensorShape.unknownRank();
    }
    List<DimExpr> dims = new ArrayList<>(item.rank() + 1);
    dims.add(b);
    dims.addAll(item.dims());
    return TensorShape.of(null, dims);
  }
}
