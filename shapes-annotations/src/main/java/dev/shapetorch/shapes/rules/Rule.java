package dev.shapetorch.shapes.rules;

import java.util.List;

/**
 * The shape rules that ops name with {@code @ShapeRule}. Each constant documents its inputs in
 * order (see {@link #inputs()}); {@link #apply} runs the rule on {@link RuleArg}s, which is how
 * the checker calls it. The runtime calls the same rule through the family classes' static
 * methods.
 */
public enum Rule {
  /** (a, b): elementwise binary op. Shape: broadcast(a, b); see {@link Broadcasting}. */
  BROADCAST(InputKind.TENSOR, InputKind.TENSOR),
  /**
   * (self, other): in-place elementwise op ({@code add_}, {@code mul_}, {@code copy_}). Shape:
   * self's, and broadcast(self, other) must equal it; see {@link Broadcasting#broadcastInPlace}.
   */
  BROADCAST_INPLACE(InputKind.TENSOR, InputKind.TENSOR),
  /** (condition, a, b): three-way broadcasting, as in {@code where}. Shape: broadcast(c, a, b). */
  BROADCAST3(InputKind.TENSOR, InputKind.TENSOR, InputKind.TENSOR),
  /**
   * (self, t1, t2): in-place op with two operands ({@code addcmul_}, {@code addcdiv_}). Shape:
   * self's; t1 and t2 must each broadcast to it; see {@link Broadcasting#broadcastInPlace(String,
   * TensorShape, TensorShape, TensorShape)}.
   */
  BROADCAST3_INPLACE(InputKind.TENSOR, InputKind.TENSOR, InputKind.TENSOR),
  /** (a, b): {@code torch.matmul} with its 1-D, 2-D and batched cases; see {@link MatmulRules#matmul}. */
  MATMUL(InputKind.TENSOR, InputKind.TENSOR),
  /** (a, b): {@code mm}. Shape: [n,m] x [m,p] to [n,p]. */
  MM(InputKind.TENSOR, InputKind.TENSOR),
  /** (a, b): {@code bmm}. Shape: [b,n,m] x [b,m,p] to [b,n,p]. */
  BMM(InputKind.TENSOR, InputKind.TENSOR),
  /** (a, v): {@code mv}. Shape: [n,m] x [m] to [n]. */
  MV(InputKind.TENSOR, InputKind.TENSOR),
  /** (a, b): {@code dot}. Shape: [n] . [n] to []. */
  DOT(InputKind.TENSOR, InputKind.TENSOR),
  /** (a, b): {@code outer}. Shape: [n] x [m] to [n,m]. */
  OUTER(InputKind.TENSOR, InputKind.TENSOR),
  /** (input, weight, bias or {@link RuleArg.Ignored}): {@code F.linear}. Shape: [*, in] x [out, in] to [*, out]. */
  LINEAR(InputKind.TENSOR, InputKind.TENSOR, InputKind.TENSOR),
  /** (input, sizes): reshape/view, at most one {@code -1}. Shape: sizes, same numel. */
  RESHAPE(InputKind.TENSOR, InputKind.INTS),
  /** (input, startDim, endDim): flatten. Shape: [N,C,H,W] (1, -1) to [N, C*H*W]. */
  FLATTEN(InputKind.TENSOR, InputKind.INT, InputKind.INT),
  /** (input, dim, sizes): unflatten. Shape: [N, 784] (1, [1,28,28]) to [N,1,28,28]. */
  UNFLATTEN(InputKind.TENSOR, InputKind.INT, InputKind.INTS),
  /** (input, dim0, dim1): transpose. Shape: the two dims swapped. */
  TRANSPOSE(InputKind.TENSOR, InputKind.INT, InputKind.INT),
  /** (input): {@code t()}, for rank at most 2. Shape: [n,m] to [m,n]. */
  T(InputKind.TENSOR),
  /** (input, dims): permute. Shape: out[i] = in[dims[i]]. */
  PERMUTE(InputKind.TENSOR, InputKind.INTS),
  /** (input): squeeze every size-1 dim. Shape: [B,1,784] to [B,784]. */
  SQUEEZE(InputKind.TENSOR),
  /** (input, dim): squeeze one dim (no-op if its size is not 1). */
  SQUEEZE_DIM(InputKind.TENSOR, InputKind.INT),
  /** (input, dim): unsqueeze. Shape: [B,784] (1) to [B,1,784]. */
  UNSQUEEZE(InputKind.TENSOR, InputKind.INT),
  /** (input, sizes): expand, {@code -1} keeps a size. Shape: [3,1] (2,-1,4) to [2,3,4]. */
  EXPAND(InputKind.TENSOR, InputKind.INTS),
  /** (input, repeats): repeat. Shape: [a,b] (r0,r1,r2) to [r0, a*r1, b*r2]. */
  REPEAT(InputKind.TENSOR, InputKind.INTS),
  /** (tensors, dim): cat. Shape: sizes along dim add up, others agree. */
  CAT(InputKind.TENSORS, InputKind.INT),
  /** (tensors, dim): stack. Shape: k x [a,b] (0) to [k,a,b]. */
  STACK(InputKind.TENSORS, InputKind.INT),
  /** (input, splitSize, dim): split; the result is the shape of every piece (unknown where they differ). */
  SPLIT(InputKind.TENSOR, InputKind.INT, InputKind.INT),
  /** (input, chunks, dim): chunk; the result is the shape of every piece. */
  CHUNK(InputKind.TENSOR, InputKind.INT, InputKind.INT),
  /** (input): reduce every element. Shape: [*] to []. */
  REDUCE_ALL(InputKind.TENSOR),
  /** (input, dim, keepdim): reduce one dim. Shape: [a,b,c] (1) to [a,c], keepdim [a,1,c]. */
  REDUCE_DIM(InputKind.TENSOR, InputKind.INT, InputKind.BOOL),
  /** (input, dims, keepdim): reduce several dims (an empty list reduces all). */
  REDUCE_DIMS(InputKind.TENSOR, InputKind.INTS, InputKind.BOOL),
  /** (input, dim, keepdim): argmax/argmin; like REDUCE_DIM, but a size-1 dim is a mismatch. */
  ARG_REDUCE_DIM(InputKind.TENSOR, InputKind.INT, InputKind.BOOL),
  /** (input, dim): same shape, dim must be in range (softmax, logSoftmax, cumsum). */
  ALONG_DIM(InputKind.TENSOR, InputKind.INT),
  /** (input, dim, index): select removes dim. Shape: [a,b,c] (1, i) to [a,c]. */
  SELECT(InputKind.TENSOR, InputKind.INT, InputKind.INT),
  /** (input, dim, start, length): narrow. Shape: [a,b] (1, s, l) to [a,l]. */
  NARROW(InputKind.TENSOR, InputKind.INT, InputKind.INT, InputKind.INT),
  /** (input, dim, index): indexSelect with a 1-D index [k]. Shape: [a,b] (0) to [k,b]. */
  INDEX_SELECT(InputKind.TENSOR, InputKind.INT, InputKind.TENSOR),
  /** (input, dim, index): gather. Shape: the index's shape. */
  GATHER(InputKind.TENSOR, InputKind.INT, InputKind.TENSOR),
  /** (input, dim, index, src or {@link RuleArg.Ignored} for a scalar): scatter. Shape: the input's. */
  SCATTER(InputKind.TENSOR, InputKind.INT, InputKind.TENSOR, InputKind.TENSOR),
  /**
   * (input, weight, stride, padding, dilation, groups): conv1d. Shape: [N,Cin,L] x
   * [Cout,Cin/g,K] to [N,Cout,L'], or unbatched [Cin,L] to [Cout,L']; see {@link ConvRules}.
   */
  CONV1D(InputKind.TENSOR, InputKind.TENSOR, InputKind.INTS, InputKind.INTS, InputKind.INTS,
      InputKind.INT),
  /**
   * (input, weight, stride, padding, dilation, groups): conv2d. Shape: [N,Cin,H,W] x
   * [Cout,Cin/g,KH,KW] to [N,Cout,H',W'], or unbatched [Cin,H,W] to [Cout,H',W'].
   */
  CONV2D(InputKind.TENSOR, InputKind.TENSOR, InputKind.INTS, InputKind.INTS, InputKind.INTS,
      InputKind.INT),
  /**
   * (input, weight, stride, dilation, groups): conv1d with {@code padding="same"} (stride must be
   * 1). Shape: [N,Cin,L] x [Cout,Cin/g,K] to [N,Cout,L]; see {@link ConvRules#convSame}.
   */
  CONV1D_SAME(InputKind.TENSOR, InputKind.TENSOR, InputKind.INTS, InputKind.INTS, InputKind.INT),
  /**
   * (input, weight, stride, dilation, groups): conv2d with {@code padding="same"} (stride must be
   * 1). Shape: [N,Cin,H,W] x [Cout,Cin/g,KH,KW] to [N,Cout,H,W], or unbatched [Cin,H,W] to
   * [Cout,H,W].
   */
  CONV2D_SAME(InputKind.TENSOR, InputKind.TENSOR, InputKind.INTS, InputKind.INTS, InputKind.INT),
  /**
   * (input, weight, stride, dilation, groups): conv1d with {@code padding="valid"} (no padding).
   * Shape: as CONV1D with padding 0; see {@link ConvRules#convValid}.
   */
  CONV1D_VALID(InputKind.TENSOR, InputKind.TENSOR, InputKind.INTS, InputKind.INTS, InputKind.INT),
  /**
   * (input, weight, stride, dilation, groups): conv2d with {@code padding="valid"} (no padding).
   * Shape: as CONV2D with padding 0.
   */
  CONV2D_VALID(InputKind.TENSOR, InputKind.TENSOR, InputKind.INTS, InputKind.INTS, InputKind.INT),
  /**
   * (input, weight, stride, padding, outputPadding, groups, dilation): conv_transpose1d. Shape:
   * [N,Cin,L] x [Cin,Cout/g,K] to [N,Cout,(L-1)*S-2*P+D*(K-1)+OP+1], or unbatched; see {@link
   * ConvTransposeRules}.
   */
  CONV_TRANSPOSE1D(InputKind.TENSOR, InputKind.TENSOR, InputKind.INTS, InputKind.INTS,
      InputKind.INTS, InputKind.INT, InputKind.INTS),
  /**
   * (input, weight, stride, padding, outputPadding, groups, dilation): conv_transpose2d. Shape:
   * [N,Cin,H,W] x [Cin,Cout/g,KH,KW] to [N,Cout,(H-1)*SH-2*PH+DH*(KH-1)+OPH+1,
   * (W-1)*SW-2*PW+DW*(KW-1)+OPW+1], or unbatched [Cin,H,W] to [Cout,H',W'].
   */
  CONV_TRANSPOSE2D(InputKind.TENSOR, InputKind.TENSOR, InputKind.INTS, InputKind.INTS,
      InputKind.INTS, InputKind.INT, InputKind.INTS),
  /** (module [Cin,Cout,K,S,P,D(,groups)], input): a Conv1d module's forward. */
  CONV1D_MODULE(InputKind.TENSOR, InputKind.TENSOR),
  /** (module [Cin,Cout,KH,KW,SH,SW,PH,PW,DH,DW(,groups)], input): a Conv2d module's forward. */
  CONV2D_MODULE(InputKind.TENSOR, InputKind.TENSOR),
  /** (module [Cin,Cout,K,S,P,OP,D(,groups)], input): a ConvTranspose1d module's forward. */
  CONV_TRANSPOSE1D_MODULE(InputKind.TENSOR, InputKind.TENSOR),
  /**
   * (module [Cin,Cout,KH,KW,SH,SW,PH,PW,OPH,OPW,DH,DW(,groups)], input): a ConvTranspose2d
   * module's forward; see {@link ConvTransposeRules#convTransposeModule}.
   */
  CONV_TRANSPOSE2D_MODULE(InputKind.TENSOR, InputKind.TENSOR),
  /**
   * (input, kernel, stride (empty = kernel), padding, dilation, ceilMode): 1-D max/avg pooling.
   * Shape: [N,C,L] to [N,C,L'] or [C,L] to [C,L'].
   */
  POOL1D(InputKind.TENSOR, InputKind.INTS, InputKind.INTS, InputKind.INTS, InputKind.INTS,
      InputKind.BOOL),
  /** (input, kernel, stride (empty = kernel), padding, dilation, ceilMode): 2-D pooling. */
  POOL2D(InputKind.TENSOR, InputKind.INTS, InputKind.INTS, InputKind.INTS, InputKind.INTS,
      InputKind.BOOL),
  /** (input, outputSize): adaptive 1-D pooling. Shape: [N,C,L] to [N,C,out]. */
  ADAPTIVE_POOL1D(InputKind.TENSOR, InputKind.INTS),
  /** (input, outputSize): adaptive 2-D pooling. Shape: [N,C,H,W] to [N,C,oh,ow]. */
  ADAPTIVE_POOL2D(InputKind.TENSOR, InputKind.INTS),
  /** (input, target): cross-entropy/NLL with class indices, reduced: [N,C]+[N], [C]+[], [N,C,d..]+[N,d..] to []. */
  CLASS_INDEX_LOSS(InputKind.TENSOR, InputKind.TENSOR),
  /** (input, target): as CLASS_INDEX_LOSS with reduction none: [N,C]+[N] to [N]. */
  CLASS_INDEX_LOSS_UNREDUCED(InputKind.TENSOR, InputKind.TENSOR),
  /** (input, target): losses needing equal shapes (MSE, L1, BCE...), reduced to []; (N,1) vs (N) is a mismatch. */
  SAME_SHAPE(InputKind.TENSOR, InputKind.TENSOR),
  /** (input, target): as SAME_SHAPE with reduction none: the input's shape. */
  SAME_SHAPE_UNREDUCED(InputKind.TENSOR, InputKind.TENSOR),
  /**
   * (input, target, reduction): a class-index loss given a {@code Reduction}: as
   * CLASS_INDEX_LOSS_UNREDUCED for {@code NONE}, else (MEAN, SUM) {@code []}; of unknown rank
   * when the reduction is not a constant. See {@link LossRules#classIndexLoss(String,
   * TensorShape, TensorShape, String)}.
   */
  CLASS_INDEX_LOSS_REDUCTION(InputKind.TENSOR, InputKind.TENSOR, InputKind.ENUM),
  /**
   * (input, target, reduction): a same-shape loss given a {@code Reduction}: the input's shape
   * for {@code NONE}, else (MEAN, SUM, BATCHMEAN) {@code []}; of unknown rank when the reduction
   * is not a constant. See {@link LossRules#sameShapeLoss(String, TensorShape, TensorShape,
   * String)}.
   */
  SAME_SHAPE_REDUCTION(InputKind.TENSOR, InputKind.TENSOR, InputKind.ENUM),
  /**
   * (module [In, Hidden, Layers, Bidirectional, BatchFirst], input): RNN/LSTM/GRU output.
   * Shape: [L,N,In] to [L,N,D*Hidden], [N,L,In] (batch-first) to [N,L,D*Hidden], [L,In] to
   * [L,D*Hidden]; see {@link LayerRules#recurrent} for what can be caught.
   */
  RECURRENT(InputKind.TENSOR, InputKind.TENSOR),
  /** (module, input, h0 or {@link RuleArg.Ignored}): the hidden state [D*Layers, N, Hidden]. */
  RECURRENT_HIDDEN(InputKind.TENSOR, InputKind.TENSOR, InputKind.TENSOR),
  /** (weight [V,E], indices): embedding. Shape: [*] to [*, E]. */
  EMBEDDING(InputKind.TENSOR, InputKind.TENSOR),
  /** (module [C, ...], input): batch/instance/group norm. Shape: [N,C,*] to [N,C,*]. */
  NORM_CHANNELS(InputKind.TENSOR, InputKind.TENSOR),
  /** (input, normalizedShape): layer norm; the input must end in normalizedShape. Shape: unchanged. */
  LAYER_NORM(InputKind.TENSOR, InputKind.INTS),
  /** (input, size): interpolate to a size. Shape: [N,C,*s] to [N,C,*size]. */
  INTERPOLATE(InputKind.TENSOR, InputKind.INTS),
  /** (input, integer scale factors): interpolate by factors. Shape: [N,C,H,W] to [N,C,H*f,W*g]. */
  INTERPOLATE_SCALE(InputKind.TENSOR, InputKind.INTS),
  /** (input, pads): F.pad, pairs from the last dim. Shape: [..,W] (l,r) to [..,W+l+r]. */
  PAD(InputKind.TENSOR, InputKind.INTS),
  /** (indices, numClasses): one-hot. Shape: [*] to [*, numClasses] (unknown for -1). */
  ONE_HOT(InputKind.TENSOR, InputKind.INT),
  /** (sizes): a factory whose result has exactly the given sizes (zeros, ones, ...). */
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
    BOOL,
    /** An enum constant, by name ({@link RuleArg.EnumArg}). */
    ENUM
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
