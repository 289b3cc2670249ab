package dev.shapetorch.shapes.rules;

import java.util.List;

/**
 * The shape rules that ops name with {@code @ShapeRule}. Each constant documents its inputs in
 * order (see {@link #inputs()}); {@link #apply} runs the rule on {@link RuleArg}s, which is how
 * the checker calls it. The runtime calls the same rule through the family classes' static
 * methods.
 */
public enum Rule {
  /** (a, b): elementwise binary op, NumPy/PyTorch broadcasting. */
  BROADCAST(InputKind.TENSOR, InputKind.TENSOR),
  /** (condition, a, b): three-way broadcasting, as in {@code where}. */
  BROADCAST3(InputKind.TENSOR, InputKind.TENSOR, InputKind.TENSOR),
  /** (a, b): {@code torch.matmul} with its 1-D, 2-D and batched cases. */
  MATMUL(InputKind.TENSOR, InputKind.TENSOR),
  /** (a, b): {@code mm}, [n,m] x [m,p]. */
  MM(InputKind.TENSOR, InputKind.TENSOR),
  /** (a, b): {@code bmm}, [b,n,m] x [b,m,p]. */
  BMM(InputKind.TENSOR, InputKind.TENSOR),
  /** (a, v): {@code mv}, [n,m] x [m]. */
  MV(InputKind.TENSOR, InputKind.TENSOR),
  /** (a, b): {@code dot}, [n] . [n]. */
  DOT(InputKind.TENSOR, InputKind.TENSOR),
  /** (a, b): {@code outer}, [n] x [m] to [n,m]. */
  OUTER(InputKind.TENSOR, InputKind.TENSOR),
  /** (input, weight, bias or absent): {@code F.linear}, [*, in] x [out, in] to [*, out]. */
  LINEAR(InputKind.TENSOR, InputKind.TENSOR, InputKind.TENSOR),
  /** (input, sizes): reshape/view, at most one {@code -1}. */
  RESHAPE(InputKind.TENSOR, InputKind.INTS),
  /** (input, startDim, endDim): flatten. */
  FLATTEN(InputKind.TENSOR, InputKind.INT, InputKind.INT),
  /** (input, dim, sizes): unflatten. */
  UNFLATTEN(InputKind.TENSOR, InputKind.INT, InputKind.INTS),
  /** (input, dim0, dim1): transpose. */
  TRANSPOSE(InputKind.TENSOR, InputKind.INT, InputKind.INT),
  /** (input): {@code t()}, for rank at most 2. */
  T(InputKind.TENSOR),
  /** (input, dims): permute. */
  PERMUTE(InputKind.TENSOR, InputKind.INTS),
  /** (input): squeeze every size-1 dim. */
  SQUEEZE(InputKind.TENSOR),
  /** (input, dim): squeeze one dim (no-op if its size is not 1). */
  SQUEEZE_DIM(InputKind.TENSOR, InputKind.INT),
  /** (input, dim): unsqueeze. */
  UNSQUEEZE(InputKind.TENSOR, InputKind.INT),
  /** (input, sizes): expand, {@code -1} keeps a size. */
  EXPAND(InputKind.TENSOR, InputKind.INTS),
  /** (input, repeats): repeat. */
  REPEAT(InputKind.TENSOR, InputKind.INTS),
  /** (tensors, dim): cat. */
  CAT(InputKind.TENSORS, InputKind.INT),
  /** (tensors, dim): stack. */
  STACK(InputKind.TENSORS, InputKind.INT),
  /** (input, splitSize, dim): split into pieces of splitSize (the last may be smaller). */
  SPLIT(InputKind.TENSOR, InputKind.INT, InputKind.INT),
  /** (input, chunks, dim): chunk. */
  CHUNK(InputKind.TENSOR, InputKind.INT, InputKind.INT),
  /** (input): reduce every element to a 0-d scalar. */
  REDUCE_ALL(InputKind.TENSOR),
  /** (input, dim, keepdim): reduce one dim. */
  REDUCE_DIM(InputKind.TENSOR, InputKind.INT, InputKind.BOOL),
  /** (input, dims, keepdim): reduce several dims. */
  REDUCE_DIMS(InputKind.TENSOR, InputKind.INTS, InputKind.BOOL),
  /** (input, dim): same shape, dim must be in range (softmax, logSoftmax, cumsum). */
  ALONG_DIM(InputKind.TENSOR, InputKind.INT),
  /** (input, dim, index): select removes dim. */
  SELECT(InputKind.TENSOR, InputKind.INT, InputKind.INT),
  /** (input, dim, start, length): narrow. */
  NARROW(InputKind.TENSOR, InputKind.INT, InputKind.INT, InputKind.INT),
  /** (input, dim, index): indexSelect with a 1-D index tensor. */
  INDEX_SELECT(InputKind.TENSOR, InputKind.INT, InputKind.TENSOR),
  /** (input, dim, index): gather, output has the index's shape. */
  GATHER(InputKind.TENSOR, InputKind.INT, InputKind.TENSOR),
  /** (input, dim, index, src): scatter, output has the input's shape. */
  SCATTER(InputKind.TENSOR, InputKind.INT, InputKind.TENSOR, InputKind.TENSOR),
  /** (input, weight, stride, padding, dilation, groups): conv1d, [N,C,L] or [C,L]. */
  CONV1D(InputKind.TENSOR, InputKind.TENSOR, InputKind.INTS, InputKind.INTS, InputKind.INTS,
      InputKind.INT),
  /** (input, weight, stride, padding, dilation, groups): conv2d, [N,C,H,W] or [C,H,W]. */
  CONV2D(InputKind.TENSOR, InputKind.TENSOR, InputKind.INTS, InputKind.INTS, InputKind.INTS,
      InputKind.INT),
  /** (input, kernel, stride, padding, dilation, ceilMode): 1-D pooling. */
  POOL1D(InputKind.TENSOR, InputKind.INTS, InputKind.INTS, InputKind.INTS, InputKind.INTS,
      InputKind.BOOL),
  /** (input, kernel, stride, padding, dilation, ceilMode): 2-D pooling. */
  POOL2D(InputKind.TENSOR, InputKind.INTS, InputKind.INTS, InputKind.INTS, InputKind.INTS,
      InputKind.BOOL),
  /** (input, outputSize): adaptive 2-D pooling. */
  ADAPTIVE_POOL2D(InputKind.TENSOR, InputKind.INTS),
  /** (input, target): cross-entropy/NLL with class indices: [N,C]+[N], [C]+[], [N,C,d..]+[N,d..]. */
  CLASS_INDEX_LOSS(InputKind.TENSOR, InputKind.TENSOR),
  /** (input, target): losses needing equal shapes (MSE, L1, BCE...): (N,1) vs (N) is a mismatch. */
  SAME_SHAPE(InputKind.TENSOR, InputKind.TENSOR),
  /** (input, sizes): a factory whose result has exactly the given sizes (zeros, ones, ...). */
  SIZES(InputKind.INTS);

  /** The kind of one rule input, for checking that an op's declaration fits its rule. */
  public enum InputKind {
    /** One tensor ({@link RuleArg.TensorArg}). */
    TENSOR,
    /** A list or array of tensors ({@link RuleArg.TensorsArg}). */
    TENSORS,
    /** An int or long ({@link RuleArg.IntArg}). */
    INT,
    /** An int or long array or varargs ({@link RuleArg.IntsArg}). */
    INTS,
    /** A boolean ({@link RuleArg.BoolArg}). */
    BOOL
  }

  private final List<InputKind> inputs;

  Rule(InputKind... inputs) {
    this.inputs = List.of(inputs);
  }

  /** The rule's inputs, in order. */
  public List<InputKind> inputs() {
    return inputs;
  }

  /**
   * Runs the rule.
   *
   * @param op the op's name for messages ({@code Torch.matmul})
   * @param args one argument per {@linkplain #inputs() input}
   * @return the output's shape (for split and chunk: the shape every piece has, with unknown
   *     sizes where pieces differ), or the mismatch
   */
  public ShapeResult<TensorShape> apply(String op, List<RuleArg> args) {
    return RuleDispatch.apply(this, op, args);
  }
}
