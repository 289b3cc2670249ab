package dev.shapetorch.shapes.rules;

/**
 * Every diagnostic key the shape algebra produces, shared by the checker (as
 * {@code messages.properties} keys), the runtime (as the {@code [key]} that starts a {@code
 * ShapeException}) and the tests.
 *
 * <p>Keys are dotted and run general to specific: a tool that only cares about "some shape
 * mismatch" can match the prefix {@code shape.}, one that cares about the matmul family can
 * match the prefix {@code shape.mismatch.matmul}.
 */
public final class MessageKeys {
  private MessageKeys() {}

  /** A {@code @Shape} string does not parse (the position of the bad character is reported). */
  public static final String ANNOTATION_SYNTAX = "shape.annotation.syntax";

  /** An argument's shape does not fit the pattern its parameter declares. */
  public static final String MISMATCH_ARGUMENT = "shape.mismatch.argument";
  /** No integer solves a pattern size against an actual size ({@code 2*B} against 9). */
  public static final String MISMATCH_UNSOLVABLE = "shape.mismatch.argument.unsolvable";
  /** A tensor has a different number of dimensions than required. */
  public static final String RANK = "shape.rank";
  /** Two (or three) shapes cannot be broadcast together. */
  public static final String BROADCAST = "shape.broadcast";
  /** An in-place op ({@code add_}, {@code mul_}, ...) whose broadcast would grow the receiver. */
  public static final String BROADCAST_INPLACE = "shape.broadcast.inplace";

  /** {@code matmul}: the contracted (inner) dimensions differ. */
  public static final String MISMATCH_MATMUL = "shape.mismatch.matmul";
  /** {@code mm}: the first matrix's columns differ from the second's rows. */
  public static final String MISMATCH_MM = "shape.mismatch.matmul.mm";
  /** {@code bmm}: the first batch of matrices' columns differ from the second's rows. */
  public static final String MISMATCH_BMM = "shape.mismatch.matmul.bmm";
  /** {@code mv}: the matrix's columns differ from the vector's length. */
  public static final String MISMATCH_MV = "shape.mismatch.matmul.mv";
  /** {@code dot}: the two vectors' lengths differ. */
  public static final String MISMATCH_DOT = "shape.mismatch.matmul.dot";
  /** linalg: a matrix that must be square ({@code [*b, n, n]}) is not. */
  public static final String MISMATCH_LINALG_SQUARE = "shape.mismatch.linalg.square";
  /** {@code linalg.solve}: the right-hand side's rows differ from the matrix's size. */
  public static final String MISMATCH_LINALG_SOLVE = "shape.mismatch.linalg.solve";
  /** {@code linalg.solve}: the batch dimensions of the two operands do not broadcast. */
  public static final String MISMATCH_LINALG_BATCH = "shape.mismatch.linalg.batch";
  /** matmul-family: the batch dimensions differ ({@code bmm}) or do not broadcast. */
  public static final String MISMATCH_MATMUL_BATCH = "shape.mismatch.matmul.batch";
  /** {@code linear}: the input's last dimension differs from the weight's in-features. */
  public static final String MISMATCH_LINEAR = "shape.mismatch.linear";
  /** {@code linear}: the bias does not have the weight's out-features. */
  public static final String MISMATCH_LINEAR_BIAS = "shape.mismatch.linear.bias";

  /** reshape/view: the new shape has a different number of elements. */
  public static final String RESHAPE_NUMEL = "shape.reshape.numel";
  /** reshape/view: more than one {@code -1}, or a {@code -1} that cannot be inferred. */
  public static final String RESHAPE_INFER = "shape.reshape.infer";
  /** reshape/view/expand/repeat/factories: a size below {@code -1} (or below 0 where no -1). */
  public static final String SIZE_NEGATIVE = "shape.size.negative";
  /** expand: a size that is neither the existing size nor from a size-1 dimension. */
  public static final String EXPAND = "shape.expand";
  /** repeat: fewer repeats than dimensions. */
  public static final String REPEAT = "shape.repeat";

  /**
   * An op that needs a tensor of one element ({@code backward()} without a gradient) got one of
   * several elements, or none.
   */
  public static final String NUMEL_ONE = "shape.numel.one";

  /** A dimension index is out of range for the tensor's rank. */
  public static final String DIM_RANGE = "shape.dim.range";
  /** A list of dims repeats a dim, or is not a permutation, or start comes after end. */
  public static final String DIM_ORDER = "shape.dim.order";

  /** argmax/argmin over a dim of size 1: the result is always 0 (libtorch says nothing). */
  public static final String REDUCE_TRIVIAL = "shape.reduce.trivial";

  /** cat/stack: the tensors disagree on a dimension that is not the joined one. */
  public static final String MISMATCH_CAT = "shape.mismatch.cat";
  /** stack: the tensors do not all have the same shape. */
  public static final String MISMATCH_STACK = "shape.mismatch.stack";
  /** cat/stack: no tensors to join. */
  public static final String JOIN_EMPTY = "shape.join.empty";
  /** split/chunk: a split size or chunk count that is not positive. */
  public static final String SPLIT_SIZE = "shape.split.size";

  /**
   * einsum: an equation that is no equation (a character that is no subscript, a stray '.', an
   * output letter no operand has), or an operand count that differs from the tensors'.
   */
  public static final String EINSUM_SYNTAX = "shape.einsum.syntax";
  /**
   * einsum: one letter with sizes that are neither equal nor 1, a repeated letter over dims of
   * different sizes, or '...' dims that do not broadcast.
   */
  public static final String MISMATCH_EINSUM = "shape.mismatch.einsum";
  /**
   * tensordot, cdist: contracted dims (tensordot's) or columns (cdist's) of different sizes.
   */
  public static final String MISMATCH_CONTRACTION = "shape.mismatch.contraction";
  /** select/narrow: an index or range outside the dimension. */
  public static final String INDEX_RANGE = "shape.index.range";
  /** index/indexPut_: an index string that is no index, or the wrong number of values for its ?s. */
  public static final String INDEX_SYNTAX = "shape.index.syntax";
  /**
   * indexSelect/gather/scatter: the index tensor has the wrong rank or sizes; index/indexPut_: a
   * mask that does not fit its dims, index tensors that do not broadcast, a value that does not
   * broadcast to the indexed part.
   */
  public static final String MISMATCH_INDEX = "shape.mismatch.index";

  /** conv: the input's channels differ from the weight's in-channels times groups. */
  public static final String MISMATCH_CONV_CHANNELS = "shape.mismatch.conv.channels";
  /** conv/pool: the input has a rank the op does not accept (conv2d takes 3-D or 4-D). */
  public static final String CONV_RANK = "shape.rank.conv";
  /** conv/pool: the output size would be below 1 (the input is smaller than the kernel). */
  public static final String CONV_SIZE = "shape.conv.size";
  /** conv/pool: bad hyperparameters (groups not dividing channels, stride 0, padding too big). */
  public static final String CONV_PARAMS = "shape.conv.params";

  /** class-index losses: the target's shape does not fit the input's. */
  public static final String MISMATCH_LOSS_TARGET = "shape.mismatch.loss.target";
  /** same-shape losses: input and target shapes differ (broadcasting would hide it). */
  public static final String MISMATCH_LOSS_SAME = "shape.mismatch.loss.same";

  /** RNN/LSTM/GRU: the input's feature size differs from the module's input size. */
  public static final String MISMATCH_RNN_INPUT = "shape.mismatch.rnn.input";
  /**
   * attention: a key padding mask or attention mask does not fit the sequences it masks, as the
   * layer's layout reads them.
   */
  public static final String MISMATCH_MASK = "shape.mismatch.mask";
  /** an image transform: the image has a channel count the transform does not take. */
  public static final String IMAGE_CHANNELS = "shape.image.channels";
  /** embedding: the weight is not 2-D. */
  public static final String EMBEDDING = "shape.embedding";
  /** normalisation layers: the input's channel dimension differs from the layer's. */
  public static final String MISMATCH_NORM_CHANNELS = "shape.mismatch.norm.channels";
  /**
   * a layer's constructor: hyperparameters that do not fit each other (group norm's groups not
   * dividing its channels, attention heads not dividing the embedding size).
   */
  public static final String MODULE_PARAMS = "shape.module.params";
  /**
   * a call of a method that states a divisibility fact ({@code @Divisible}, {@code @Dim(divides
   * = ...)}) with sizes that do not satisfy it, or symbolic sizes the caller's facts do not show
   * to satisfy it.
   */
  public static final String DIVISIBILITY = "shape.divisibility";
  /** interpolate/pad: sizes, factors or pads do not fit the input's spatial dims. */
  public static final String SPATIAL_PARAMS = "shape.spatial.params";

  /**
   * a dataset of inputs and targets ({@code TensorDataset.of}) whose tensors do not have the same
   * number of examples (first dimension), or one of which is 0-d.
   */
  public static final String MISMATCH_DATASET = "shape.mismatch.dataset";
  /**
   * a batch of a {@code DataLoader} that may be shorter than its batch size (the last one, when
   * {@code dropLast} is false) used where exactly the batch size is required.
   */
  public static final String BATCH_PARTIAL = "shape.batch.partial";

  /** A size computed from the arguments (an output size, a product of sizes) overflows 64 bits. */
  public static final String SIZE_OVERFLOW = "shape.size.overflow";

  /** A rule received arguments that do not fit its documented inputs (a bug in an op's declaration). */
  public static final String RULE_ARGUMENTS = "shape.rule.arguments";

  // Dtypes (dev.shapetorch.shapes.ScalarType, DTypeRule).

  /** An op's dtype contract: index tensors integral, masks bool, floating math on floats. */
  public static final String DTYPE_CONTRACT = "shape.dtype.contract";
  /** A tensor's dtype differs from the {@code @ScalarType} it flows into. */
  public static final String DTYPE_MISMATCH = "shape.dtype.mismatch";
  /** A {@code @ScalarType} value is not a dtype or category. */
  public static final String DTYPE_SYNTAX = "shape.dtype.syntax";
}
