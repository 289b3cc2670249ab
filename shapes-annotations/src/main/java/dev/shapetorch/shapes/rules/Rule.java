package dev.shapetorch.shapes.rules;

import static dev.shapetorch.shapes.rules.Rule.InputKind.BOOL;
import static dev.shapetorch.shapes.rules.Rule.InputKind.ENUM;
import static dev.shapetorch.shapes.rules.Rule.InputKind.INT;
import static dev.shapetorch.shapes.rules.Rule.InputKind.INTS;
import static dev.shapetorch.shapes.rules.Rule.InputKind.STRING;
import static dev.shapetorch.shapes.rules.Rule.InputKind.TENSOR;
import static dev.shapetorch.shapes.rules.Rule.InputKind.TENSORS;

import java.util.List;

/**
 * The shape rules that ops name with {@code @ShapeRule}. Each constant documents its inputs in
 * order (see {@link #inputs()}) and carries its behaviour: a function of the family classes
 * ({@link MatmulRules#mm}, {@link ViewRules#reshape(String, TensorShape, List)}, ...) that
 * {@link #apply} runs on {@link RuleArg}s, which is how the checker and the runtime's guards call
 * it. An input the checker does not know (an int that is not a constant, a list of unknown
 * length) gives a result of unknown sizes, never an error.
 */
public enum Rule {
  /** (a, b): elementwise binary op. Shape: broadcast(a, b); see {@link Broadcasting}. */
  BROADCAST(tensors2(Broadcasting::broadcast), TENSOR, TENSOR),
  /**
   * (self, other): in-place elementwise op ({@code add_}, {@code mul_}, {@code copy_}). Shape:
   * self's, and broadcast(self, other) must equal it; see {@link Broadcasting#broadcastInPlace}.
   */
  BROADCAST_INPLACE(tensors2(Broadcasting::broadcastInPlace), TENSOR, TENSOR),
  /** (condition, a, b): three-way broadcasting, as in {@code where}. Shape: broadcast(c, a, b). */
  BROADCAST3(tensors3(Broadcasting::broadcast), TENSOR, TENSOR, TENSOR),
  /**
   * (self, t1, t2): in-place op with two operands ({@code addcmul_}, {@code addcdiv_}). Shape:
   * self's; t1 and t2 must each broadcast to it; see {@link Broadcasting#broadcastInPlace(String,
   * TensorShape, TensorShape, TensorShape)}.
   */
  BROADCAST3_INPLACE(tensors3(Broadcasting::broadcastInPlace), TENSOR, TENSOR, TENSOR),
  /** (a, b): {@code torch.matmul} with its 1-D, 2-D and batched cases; see {@link MatmulRules#matmul}. */
  MATMUL(tensors2(MatmulRules::matmul), TENSOR, TENSOR),
  /**
   * (a, b): {@code torch.linalg.solve(A, B)}, {@code A} a square matrix (or batch) and {@code
   * B} a right-hand side of columns {@code [*b, n, k]} or a vector {@code [*b, n]}. Shape: B's,
   * with the batch dims of both broadcast; see {@link LinalgRules#solve}.
   */
  LINALG_SOLVE(tensors2(LinalgRules::solve), TENSOR, TENSOR),
  /** (a, b): {@code mm}. Shape: [n,m] x [m,p] to [n,p]. */
  MM(tensors2(MatmulRules::mm), TENSOR, TENSOR),
  /** (a, b): {@code bmm}. Shape: [b,n,m] x [b,m,p] to [b,n,p]. */
  BMM(tensors2(MatmulRules::bmm), TENSOR, TENSOR),
  /** (a, v): {@code mv}. Shape: [n,m] x [m] to [n]. */
  MV(tensors2(MatmulRules::mv), TENSOR, TENSOR),
  /** (a, b): {@code dot}. Shape: [n] . [n] to []. */
  DOT(tensors2(MatmulRules::dot), TENSOR, TENSOR),
  /** (a, b): {@code outer}. Shape: [n] x [m] to [n,m]. */
  OUTER(tensors2(MatmulRules::outer), TENSOR, TENSOR),
  /** (input, weight, bias or {@link RuleArg.Ignored}): {@code F.linear}. Shape: [*, in] x [out, in] to [*, out]. */
  LINEAR(MatmulRules::linear, TENSOR, TENSOR, TENSOR),
  /** (input, sizes): reshape/view, at most one {@code -1}. Shape: sizes, same numel. */
  RESHAPE(ViewRules::reshape, TENSOR, INTS),
  /** (input, startDim, endDim): flatten. Shape: [N,C,H,W] (1, -1) to [N, C*H*W]. */
  FLATTEN(ViewRules::flatten, TENSOR, INT, INT),
  /** (input, dim, sizes): unflatten. Shape: [N, 784] (1, [1,28,28]) to [N,1,28,28]. */
  UNFLATTEN(ViewRules::unflatten, TENSOR, INT, INTS),
  /** (input, dim0, dim1): transpose. Shape: the two dims swapped. */
  TRANSPOSE(DimRules::transpose, TENSOR, INT, INT),
  /** (input): {@code t()}, for rank at most 2. Shape: [n,m] to [m,n]. */
  T(tensors1(DimRules::t), TENSOR),
  /** (input, dims): permute. Shape: out[i] = in[dims[i]]. */
  PERMUTE(DimRules::permute, TENSOR, INTS),
  /**
   * (input, dims): {@code flip}; each dim in range and named once. Shape: unchanged; see {@link
   * DimRules#flip}.
   */
  FLIP(a -> DimRules.flip(a.op, a.tensor(0), a.constants(1)), TENSOR, INTS),
  /**
   * (input, shifts, dims): {@code roll}; one shift per dim (one shift when no dims), each dim in
   * range. Shape: unchanged; see {@link DimRules#roll}.
   */
  ROLL(a -> DimRules.roll(a.op, a.tensor(0), a.constants(1), a.constants(2)), TENSOR, INTS, INTS),
  /** (input): squeeze every size-1 dim. Shape: [B,1,784] to [B,784]. */
  SQUEEZE(tensors1(DimRules::squeeze), TENSOR),
  /** (input, dim): squeeze one dim (no-op if its size is not 1). */
  SQUEEZE_DIM(DimRules::squeezeDim, TENSOR, INT),
  /** (input, dim): unsqueeze. Shape: [B,784] (1) to [B,1,784]. */
  UNSQUEEZE(DimRules::unsqueeze, TENSOR, INT),
  /** (input, sizes): expand, {@code -1} keeps a size. Shape: [3,1] (2,-1,4) to [2,3,4]. */
  EXPAND(ViewRules::expand, TENSOR, INTS),
  /** (input, other): expand_as: input expands to other's shape. Shape: [3,1] x [2,3,4] to [2,3,4]. */
  EXPAND_AS(tensors2(ViewRules::expandAs), TENSOR, TENSOR),
  /** (input, repeats): repeat. Shape: [a,b] (r0,r1,r2) to [r0, a*r1, b*r2]. */
  REPEAT(ViewRules::repeat, TENSOR, INTS),
  /**
   * (input, repeats, dim): repeat_interleave with one int count. Shape: [a,b] (r, 1) to [a,b*r];
   * see {@link ViewRules#repeatInterleave}.
   */
  REPEAT_INTERLEAVE(ViewRules::repeatInterleave, TENSOR, INT, INT),
  /**
   * (input, dim, size, step): Tensor.unfold, the windows as a new last dim. Shape: [a,L] (1, s,
   * t) to [a, (L-s)/t+1, s]; see {@link ViewRules#unfold}.
   */
  UNFOLD(ViewRules::unfold, TENSOR, INT, INT, INT),
  /** (tensors, dim): cat. Shape: sizes along dim add up, others agree. */
  CAT(JoinRules::cat, TENSORS, INT),
  /** (tensors, dim): stack. Shape: k x [a,b] (0) to [k,a,b]. */
  STACK(JoinRules::stack, TENSORS, INT),
  /** (input, splitSize, dim): split; the result is the shape of every piece (unknown where they differ). */
  SPLIT(JoinRules::split, TENSOR, INT, INT),
  /** (input, chunks, dim): chunk; the result is the shape of every piece. */
  CHUNK(JoinRules::chunk, TENSOR, INT, INT),
  /** (input, dim): unbind; every piece is the input without dim. Shape: [a,b,c] (1) to b x [a,c]. */
  UNBIND(JoinRules::unbind, TENSOR, INT),
  /** (input): reduce every element. Shape: [*] to []. */
  REDUCE_ALL(tensors1(ReductionRules::reduceAll), TENSOR),
  /**
   * (input): an op that needs one element, {@code backward()} without a gradient. Shape:
   * unchanged; [8, 1] is a mismatch, [], [1] and [1, 1] are fine.
   */
  ONE_ELEMENT(tensors1(ReductionRules::oneElement), TENSOR),
  /** (input, dim, keepdim): reduce one dim. Shape: [a,b,c] (1) to [a,c], keepdim [a,1,c]. */
  REDUCE_DIM(ReductionRules::reduceDim, TENSOR, INT, BOOL),
  /** (input, dims, keepdim): reduce several dims (an empty list reduces all). */
  REDUCE_DIMS(ReductionRules::reduceDims, TENSOR, INTS, BOOL),
  /**
   * (a, b, dim, keepdim): a distance or similarity along dim of two broadcast tensors
   * ({@code cosineSimilarity}, {@code pairwiseDistance}). Shape: [N, D], [1, D] (1) to [N]; see
   * {@link ReductionRules#broadcastReduceDim}.
   */
  BROADCAST_REDUCE_DIM(ReductionRules::broadcastReduceDim, TENSOR, TENSOR, INT, BOOL),
  /** (input, dim, keepdim): argmax/argmin; like REDUCE_DIM, but a size-1 dim is a mismatch. */
  ARG_REDUCE_DIM(ReductionRules::argReduceDim, TENSOR, INT, BOOL),
  /** (input, dim): same shape, dim must be in range (softmax, logSoftmax, cumsum). */
  ALONG_DIM(IndexRules::alongDim, TENSOR, INT),
  /**
   * (module [dim], input): a layer along the dim its type holds ({@code Softmax}, {@code
   * LogSoftmax}). Shape: unchanged, the dim in range; see {@link IndexRules#alongDimLayer}.
   */
  ALONG_DIM_LAYER(tensors2(IndexRules::alongDimLayer), TENSOR, TENSOR),
  /**
   * (input, dim): the gated linear unit ({@code F.glu}) halves dim, whose size must be even.
   * Shape: [a, 2h] (-1) to [a, h]; see {@link GatingRules#glu}.
   */
  GLU(GatingRules::glu, TENSOR, INT),
  /**
   * (module [dim], input): the {@code GLU} module along the dim its type holds. Shape: as
   * {@link #GLU}; see {@link GatingRules#gluLayer}.
   */
  GLU_LAYER(tensors2(GatingRules::gluLayer), TENSOR, TENSOR),
  /**
   * (input, upscaleFactor r): {@code pixel_shuffle}. Shape: [*b, C*r*r, H, W] to [*b, C, H*r,
   * W*r], the channel count divisible by r*r; see {@link PixelShuffleRules#pixelShuffle}.
   */
  PIXEL_SHUFFLE(a -> PixelShuffleRules.functional(a, true), TENSOR, INT),
  /**
   * (input, downscaleFactor r): {@code pixel_unshuffle}. Shape: [*b, C, H*r, W*r] to [*b,
   * C*r*r, H, W], H and W divisible by r; see {@link PixelShuffleRules#pixelUnshuffle}.
   */
  PIXEL_UNSHUFFLE(a -> PixelShuffleRules.functional(a, false), TENSOR, INT),
  /** (module [r], input): the {@code PixelShuffle} module. Shape: as {@link #PIXEL_SHUFFLE}. */
  PIXEL_SHUFFLE_LAYER(tensors2((op, m, in) -> PixelShuffleRules.layer(op, m, in, true)),
      TENSOR, TENSOR),
  /** (module [r], input): the {@code PixelUnshuffle} module. Shape: as {@link #PIXEL_UNSHUFFLE}. */
  PIXEL_UNSHUFFLE_LAYER(tensors2((op, m, in) -> PixelShuffleRules.layer(op, m, in, false)),
      TENSOR, TENSOR),
  /** (input, dim, index): select removes dim. Shape: [a,b,c] (1, i) to [a,c]. */
  SELECT(IndexRules::select, TENSOR, INT, INT),
  /** (input): nonzero. Shape: [*s] to [_, rank(s)], the count known only at run time. */
  NONZERO(tensors1(IndexRules::nonzero), TENSOR),
  /** (input, dim, start, length): narrow. Shape: [a,b] (1, s, l) to [a,l]. */
  NARROW(IndexRules::narrow, TENSOR, INT, INT, INT),
  /** (input, dim, index): indexSelect with a 1-D index [k]. Shape: [a,b] (0) to [k,b]. */
  INDEX_SELECT(IndexRules::indexSelect, TENSOR, INT, TENSOR),
  /**
   * (input, spec): Python's subscript {@code input[spec]} as an index string ({@code ":, 1:3"},
   * {@code "..., None, ::2"}, {@code "?"} for a value given at run time). Shape: {@code [B, 10]}
   * with {@code ":, 1:3"} to {@code [B, 2]}; see {@link IndexingRules#index(String, TensorShape,
   * String)}. A spec that is not a constant gives a shape of unknown rank.
   */
  INDEX(a -> IndexingRules.index(a.op, a.tensor(0), a.string(1)), TENSOR, STRING),
  /**
   * (input, spec, value or {@link RuleArg.Ignored} for a number): {@code input[spec] = value}.
   * Shape: the input's; the value broadcasts to the indexed part; see {@link
   * IndexingRules#indexPut(String, TensorShape, String, TensorShape)}.
   */
  INDEX_PUT(a -> IndexingRules.indexPut(a.op, a.tensor(0), a.string(1), a.optionalTensor(2)),
      TENSOR, STRING, TENSOR),
  /**
   * (equation, operands): {@code einsum}. Shape: {@code "bij,bjk->bik"} with {@code [B, N, M]}
   * and {@code [B, M, P]} to {@code [B, N, P]}: each letter's size, in the output's order, and
   * the broadcast {@code ...} dims; see {@link EinsumRules#einsum}. An equation that is not a
   * constant gives a shape of unknown rank.
   */
  EINSUM(a -> EinsumRules.einsum(a.op, a.string(0), a.tensors(1)), STRING, TENSORS),
  /**
   * (a, b, dims): {@code tensordot} over a's last and b's first {@code dims} dims. Shape: [2,3,4]
   * and [3,4,5] (2) to [2,5]; see {@link ContractionRules#tensordot(String, TensorShape,
   * TensorShape, DimExpr)}.
   */
  TENSORDOT(a -> ContractionRules.tensordot(a.op, a.tensor(0), a.tensor(1), a.integer(2)),
      TENSOR, TENSOR, INT),
  /**
   * (a, b, dimsA, dimsB): {@code tensordot} over the dims named in pairs. Shape: [2,3,4] and
   * [4,3,5] ([1,2], [1,0]) to [2,5]; see {@link ContractionRules#tensordot(String, TensorShape,
   * TensorShape, long[], long[])}.
   */
  TENSORDOT_DIMS(a -> ContractionRules.tensordot(a.op, a.tensor(0), a.tensor(1), a.constants(2),
      a.constants(3)), TENSOR, TENSOR, INTS, INTS),
  /** (a, b): {@code kron}. Shape: [2,3] and [4,5] to [8,15]; see {@link ContractionRules#kron}. */
  KRON(tensors2(ContractionRules::kron), TENSOR, TENSOR),
  /**
   * (x1, x2): {@code cdist}. Shape: [*b, P, M] and [*b, R, M] to [*b, P, R], batch dims
   * broadcast; see {@link ContractionRules#cdist}.
   */
  CDIST(tensors2(ContractionRules::cdist), TENSOR, TENSOR),
  /**
   * (input, diagonal): {@code diag}. Shape: [n] to [n+|k|, n+|k|], [m, n] to its k-th diagonal's
   * length; see {@link ContractionRules#diag}.
   */
  DIAG(a -> ContractionRules.diag(a.op, a.tensor(0), a.integer(1)), TENSOR, INT),
  /**
   * (tensors, indexing): {@code meshgrid}; the shape of every output. Shape: [2], [3] ("ij") to
   * [2, 3]; "xy" swaps the first two; see {@link ContractionRules#meshgrid}.
   */
  MESHGRID(a -> ContractionRules.meshgrid(a.op, a.tensors(0), a.string(1)), TENSORS, STRING),
  /** (input, dim, index): gather. Shape: the index's shape. */
  GATHER(IndexRules::gather, TENSOR, INT, TENSOR),
  /** (input, dim, index, src or {@link RuleArg.Ignored} for a scalar): scatter. Shape: the input's. */
  SCATTER(IndexRules::scatter, TENSOR, INT, TENSOR, TENSOR),
  /**
   * (input, weight, stride, padding, dilation, groups, bias or {@link RuleArg.Ignored}): conv1d.
   * Shape: [N,Cin,L] x [Cout,Cin/g,K] to [N,Cout,L'], or unbatched [Cin,L] to [Cout,L']; the
   * bias is [Cout]; see {@link ConvRules}.
   */
  CONV1D(a -> ConvRules.conv(a, 1), TENSOR, TENSOR, INTS, INTS, INTS, INT, TENSOR),
  /**
   * (input, weight, stride, padding, dilation, groups, bias or {@link RuleArg.Ignored}): conv2d.
   * Shape: [N,Cin,H,W] x [Cout,Cin/g,KH,KW] to [N,Cout,H',W'], or unbatched [Cin,H,W] to
   * [Cout,H',W']; the bias is [Cout].
   */
  CONV2D(a -> ConvRules.conv(a, 2), TENSOR, TENSOR, INTS, INTS, INTS, INT, TENSOR),
  /**
   * (input, weight, stride, padding, dilation, groups, bias or {@link RuleArg.Ignored}): conv3d.
   * Shape: [N,Cin,D,H,W] x [Cout,Cin/g,KD,KH,KW] to [N,Cout,D',H',W'], each size
   * (L+2P-Dil*(K-1)-1)/S+1, or unbatched [Cin,D,H,W] to [Cout,D',H',W']; the bias is [Cout].
   */
  CONV3D(a -> ConvRules.conv(a, 3), TENSOR, TENSOR, INTS, INTS, INTS, INT, TENSOR),
  /**
   * (input, weight, stride, padding, outputPadding, groups, dilation, bias or {@link
   * RuleArg.Ignored}): conv_transpose2d. Shape: [N,Cin,H,W] x [Cin,Cout/g,KH,KW] to
   * [N,Cout,(H-1)*SH-2*PH+DH*(KH-1)+OPH+1, (W-1)*SW-2*PW+DW*(KW-1)+OPW+1], or unbatched
   * [Cin,H,W] to [Cout,H',W']; the bias is [Cout].
   */
  CONV_TRANSPOSE2D(a -> ConvTransposeRules.convTranspose(a, 2),
      TENSOR, TENSOR, INTS, INTS, INTS, INT, INTS, TENSOR),
  /**
   * (input, weight, stride, padding, outputPadding, groups, dilation, bias or {@link
   * RuleArg.Ignored}): conv_transpose1d. Shape: [N,Cin,L] x [Cin,Cout/g,K] to
   * [N,Cout,(L-1)*S-2*P+D*(K-1)+OP+1], or unbatched [Cin,L] to [Cout,L']; the bias is [Cout].
   */
  CONV_TRANSPOSE1D(a -> ConvTransposeRules.convTranspose(a, 1),
      TENSOR, TENSOR, INTS, INTS, INTS, INT, INTS, TENSOR),
  /**
   * (input, weight, stride, padding, outputPadding, groups, dilation, bias or {@link
   * RuleArg.Ignored}): conv_transpose3d. Shape: [N,Cin,D,H,W] x [Cin,Cout/g,KD,KH,KW] to
   * [N,Cout,D',H',W'], each size (L-1)*S-2*P+Dil*(K-1)+OP+1, or unbatched [Cin,D,H,W] to
   * [Cout,D',H',W']; the bias is [Cout].
   */
  CONV_TRANSPOSE3D(a -> ConvTransposeRules.convTranspose(a, 3),
      TENSOR, TENSOR, INTS, INTS, INTS, INT, INTS, TENSOR),
  /**
   * (input, kernel, stride (empty = kernel), padding, dilation, ceilMode): 1-D max/avg pooling.
   * Shape: [N,C,L] to [N,C,L'] or [C,L] to [C,L'].
   */
  POOL1D(a -> ConvRules.pool(a, 1), TENSOR, INTS, INTS, INTS, INTS, BOOL),
  /** (input, kernel, stride (empty = kernel), padding, dilation, ceilMode): 2-D pooling. */
  POOL2D(a -> ConvRules.pool(a, 2), TENSOR, INTS, INTS, INTS, INTS, BOOL),
  /**
   * (input, kernel, stride (empty = kernel), padding, dilation, ceilMode): 3-D max/avg pooling.
   * Shape: [N,C,D,H,W] to [N,C,D',H',W'] or [C,D,H,W] to [C,D',H',W'], each size {@link
   * #POOL2D}'s.
   */
  POOL3D(a -> ConvRules.pool(a, 3), TENSOR, INTS, INTS, INTS, INTS, BOOL),
  /** (input, outputSize): adaptive 1-D pooling. Shape: [N,C,L] to [N,C,ol] or [C,L] to [C,ol]. */
  ADAPTIVE_POOL1D(a -> ConvRules.adaptivePool(a, 1), TENSOR, INTS),
  /** (input, outputSize): adaptive 2-D pooling. Shape: [N,C,H,W] to [N,C,oh,ow]. */
  ADAPTIVE_POOL2D(a -> ConvRules.adaptivePool(a, 2), TENSOR, INTS),
  /**
   * (input, outputSize): adaptive 3-D pooling. Shape: [N,C,D,H,W] to [N,C,od,oh,ow] or
   * [C,D,H,W] to [C,od,oh,ow].
   */
  ADAPTIVE_POOL3D(a -> ConvRules.adaptivePool(a, 3), TENSOR, INTS),
  /**
   * (module [Cin, Cout, K.., S.., P.., D..], input): a convolution layer's forward ({@code
   * Conv1d}, {@code Conv2d}), one kernel size, stride, padding and dilation per spatial dim, the
   * spatial dims counted from the vector's length. Shape: [N,Cin,*s] to [N,Cout,*s'], batched
   * input only, each size {@link #CONV2D}'s; see {@link ConvLayerRules#conv}.
   */
  CONV_LAYER(tensors2(ConvLayerRules::conv), TENSOR, TENSOR),
  /**
   * (module [Cin, Cout, K.., S.., P.., OP.., D..], input): a transposed convolution layer's
   * forward ({@code ConvTranspose2d}). Shape: [N,Cin,*s] to [N,Cout,*s'], batched input only,
   * each size {@link #CONV_TRANSPOSE2D}'s; see {@link ConvLayerRules#convTranspose}.
   */
  CONV_TRANSPOSE_LAYER(tensors2(ConvLayerRules::convTranspose), TENSOR, TENSOR),
  /**
   * (module [K.., S.., P.., D.., C], input): a max pooling layer's forward ({@code MaxPool1d},
   * {@code MaxPool2d}, {@code MaxPool3d}), C the ceil mode (1 or 0). Shape: [N,Ch,*s] to [N,Ch,*s'], batched input
   * only, each size {@link #POOL2D}'s; see {@link ConvLayerRules#maxPool}.
   */
  MAX_POOL_LAYER(tensors2(ConvLayerRules::maxPool), TENSOR, TENSOR),
  /**
   * (module [K.., S.., P.., C], input): an average pooling layer's forward ({@code AvgPool1d},
   * {@code AvgPool2d}, {@code AvgPool3d}), C the ceil mode (1 or 0). Shape: [N,Ch,*s] to [N,Ch,*s'], batched input only, each size
   * {@link #POOL2D}'s with dilation 1; see {@link ConvLayerRules#avgPool}.
   */
  AVG_POOL_LAYER(tensors2(ConvLayerRules::avgPool), TENSOR, TENSOR),
  /** (input, target): cross-entropy/NLL with class indices, reduced: [N,C]+[N], [C]+[], [N,C,d..]+[N,d..] to []. */
  CLASS_INDEX_LOSS(tensors2(LossRules::classIndexLoss), TENSOR, TENSOR),
  /** (input, target): losses needing equal shapes (MSE, L1, BCE...), reduced to []; (N,1) vs (N) is a mismatch. */
  SAME_SHAPE(tensors2(LossRules::sameShapeLoss), TENSOR, TENSOR),
  /**
   * (input, target, reduction): a class-index loss given a {@code Reduction}: [N,C]+[N] to [N]
   * for {@code NONE} (see {@link LossRules#classIndexLossUnreduced}), else (MEAN, SUM) {@code
   * []}; of unknown rank when the reduction is not a constant. See {@link
   * LossRules#classIndexLoss(String, TensorShape, TensorShape, String)}.
   */
  CLASS_INDEX_LOSS_REDUCTION(LossRules::classIndexLoss, TENSOR, TENSOR, ENUM),
  /**
   * (input, target, reduction): a same-shape loss given a {@code Reduction}: the input's shape
   * for {@code NONE}, else (MEAN, SUM, BATCHMEAN) {@code []}; of unknown rank when the reduction
   * is not a constant. See {@link LossRules#sameShapeLoss(String, TensorShape, TensorShape,
   * String)}.
   */
  SAME_SHAPE_REDUCTION(LossRules::sameShapeLoss, TENSOR, TENSOR, ENUM),
  /**
   * (input, target, reduction, weight or {@link RuleArg.Ignored}, posWeight or {@link
   * RuleArg.Ignored}): {@link #SAME_SHAPE_REDUCTION} of a loss with elementwise weights (binary
   * cross-entropy's), each of which must broadcast with the input. See {@link
   * LossRules#weightedSameShapeLoss}.
   */
  SAME_SHAPE_REDUCTION_WEIGHTED(LossRules::weightedSameShapeLoss,
      TENSOR, TENSOR, ENUM, TENSOR, TENSOR),
  /**
   * (input, target): the negative log-likelihood, reduced: {@link #CLASS_INDEX_LOSS} without
   * class probabilities, which {@code nll_loss} does not take (a target of the input's rank is
   * a mismatch). See {@link LossRules#nllLoss(String, TensorShape, TensorShape)}.
   */
  NLL_LOSS(tensors2(LossRules::nllLoss), TENSOR, TENSOR),
  /**
   * (input, target, reduction): {@link #NLL_LOSS} given a {@code Reduction}, as {@link
   * #CLASS_INDEX_LOSS_REDUCTION}. See {@link LossRules#nllLoss(String, TensorShape,
   * TensorShape, String)}.
   */
  NLL_LOSS_REDUCTION(LossRules::nllLoss, TENSOR, TENSOR, ENUM),
  /**
   * (module [r], input, target): {@code NLLLoss}'s forward: {@link #NLL_LOSS_REDUCTION} with the
   * reduction the module's type holds. See {@link LossRules#nllLossLayer}.
   */
  NLL_LOSS_LAYER(tensors3(LossRules::nllLossLayer), TENSOR, TENSOR, TENSOR),
  /**
   * (reduction): a loss module's constructor. Shape: the module's type {@code [r]}, r the
   * reduction's code ({@link LossRules#reductionCode}: NONE 0, MEAN 1, SUM 2, BATCHMEAN 3); of
   * unknown rank when the reduction is not a constant. See {@link LossRules#lossModule}.
   */
  LOSS_MODULE(LossRules::lossModule, ENUM),
  /**
   * (module [r], input, target): {@code CrossEntropyLoss}'s forward: {@link
   * #CLASS_INDEX_LOSS_REDUCTION} with the reduction the type holds.
   * See {@link LossRules#classIndexLossLayer}.
   */
  CLASS_INDEX_LOSS_LAYER(tensors3(LossRules::classIndexLossLayer), TENSOR, TENSOR, TENSOR),
  /**
   * (module [r], input, target): a same-shape loss module's forward ({@code MSELoss}, {@code
   * L1Loss}, {@code BCELoss}...): {@link #SAME_SHAPE_REDUCTION} with the reduction the type
   * holds. See {@link LossRules#sameShapeLossLayer}.
   */
  SAME_SHAPE_LOSS_LAYER(tensors3(LossRules::sameShapeLossLayer), TENSOR, TENSOR, TENSOR),
  /**
   * (module [In, Hidden, Layers, Bidirectional, BatchFirst], input): RNN/LSTM/GRU output.
   * Shape: [L,N,In] to [L,N,D*Hidden], [N,L,In] (batch-first) to [N,L,D*Hidden], [L,In] to
   * [L,D*Hidden]; see {@link LayerRules#recurrent} for what can be caught.
   */
  RECURRENT(tensors2(LayerRules::recurrent), TENSOR, TENSOR),
  /**
   * (module, input, h0 or {@link RuleArg.Ignored}, c0 or {@link RuleArg.Ignored}): the hidden
   * state [D*Layers, N, Hidden], which a given h0 and an LSTM's given c0 must both be. See
   * {@link LayerRules#recurrentStates}.
   */
  RECURRENT_HIDDEN(LayerRules::recurrentStates, TENSOR, TENSOR, TENSOR, TENSOR),
  /**
   * (module [E, Heads, BatchFirst], query, key, value): {@code MultiheadAttention}'s forward.
   * Shape: query [L,N,E] with key and value [S,N,E] (batch first: [N,L,E], [N,S,E]) to the
   * query's shape; the query's and key's batch sizes agree. See {@link
   * LayerRules#multiheadAttention}.
   */
  MULTIHEAD_ATTENTION(a -> LayerRules.multiheadAttention(a.op, a.tensor(0), a.tensor(1),
      a.tensor(2), a.tensor(3)), TENSOR, TENSOR, TENSOR, TENSOR),
  /**
   * (module [E, Heads, BatchFirst], query, key, value, keyPaddingMask or absent, attnMask or
   * absent): {@code MultiheadAttention}'s forward with masks: {@link #MULTIHEAD_ATTENTION},
   * then the key padding mask [N,S] and the attention mask [L,S] or [N*Heads,L,S], read in the
   * layer's layout. See {@link MaskRules#multiheadAttention}.
   */
  MULTIHEAD_ATTENTION_MASKS(MaskRules::multiheadAttention, TENSOR, TENSOR, TENSOR, TENSOR,
      TENSOR, TENSOR),
  /**
   * (module [D, Heads, FF, BatchFirst], src, srcMask or absent, srcKeyPaddingMask or absent):
   * {@code TransformerEncoderLayer}'s and {@code TransformerEncoder}'s forward with masks.
   * Shape: src [S,N,D] (batch first [N,S,D]) keeps its shape; srcMask [S,S] or [N*Heads,S,S],
   * srcKeyPaddingMask [N,S]. See {@link MaskRules#transformerEncoder}.
   */
  TRANSFORMER_ENCODER_MASKS(MaskRules::transformerEncoder, TENSOR, TENSOR, TENSOR, TENSOR),
  /**
   * (module [D, Heads, FF, BatchFirst], tgt, memory, tgtMask, memoryMask, tgtKeyPaddingMask,
   * memoryKeyPaddingMask; each mask may be absent): {@code TransformerDecoderLayer}'s and
   * {@code TransformerDecoder}'s forward with masks: {@link #TRANSFORMER_DECODER}, then tgtMask
   * [T,T], memoryMask [T,S], the padding masks [N,T] and [N,S]. See {@link
   * MaskRules#transformerDecoder}.
   */
  TRANSFORMER_DECODER_MASKS(MaskRules::transformerDecoder, TENSOR, TENSOR, TENSOR, TENSOR,
      TENSOR, TENSOR, TENSOR),
  /**
   * (module [D, Heads, FF, BatchFirst], src, tgt, srcMask, tgtMask, memoryMask,
   * srcKeyPaddingMask, tgtKeyPaddingMask, memoryKeyPaddingMask; each mask may be absent):
   * {@code Transformer}'s forward with masks: {@link #TRANSFORMER}, then srcMask [S,S], tgtMask
   * [T,T], memoryMask [T,S] and the padding masks [N,S], [N,T], [N,S]. See {@link
   * MaskRules#transformer}.
   */
  TRANSFORMER_MASKS(MaskRules::transformer, TENSOR, TENSOR, TENSOR, TENSOR, TENSOR, TENSOR,
      TENSOR, TENSOR, TENSOR),
  /**
   * (query, key, value, attnMask or absent): {@code scaledDotProductAttention}. Shape: [*b,L,E],
   * [*b,S,E], [*b,S,Ev] to [*b,L,Ev]; the mask broadcasts to the scores [*b,L,S]. See {@link
   * MaskRules#scaledDotProductAttention}.
   */
  SCALED_DOT_PRODUCT_ATTENTION(MaskRules::scaledDotProductAttention, TENSOR, TENSOR, TENSOR,
      TENSOR),
  /**
   * (module [D, Heads, FF, BatchFirst], tgt, memory): {@code TransformerDecoderLayer}'s and
   * {@code TransformerDecoder}'s forward. Shape: tgt [T,N,D] with memory [S,N,D] (batch first:
   * [N,T,D], [N,S,D]) to tgt's shape; their batch sizes agree. See {@link
   * LayerRules#transformer}.
   */
  TRANSFORMER_DECODER(a -> LayerRules.transformer(a.op, a.tensor(0), a.tensor(1), a.tensor(2),
      List.of("tgt", "memory"), 0), TENSOR, TENSOR, TENSOR),
  /**
   * (module [D, Heads, FF, BatchFirst], src, tgt): {@code Transformer}'s forward. Shape: src
   * [S,N,D] with tgt [T,N,D] (batch first: [N,S,D], [N,T,D]) to tgt's shape; their batch
   * sizes agree. See {@link LayerRules#transformer}.
   */
  TRANSFORMER(a -> LayerRules.transformer(a.op, a.tensor(0), a.tensor(1), a.tensor(2),
      List.of("src", "tgt"), 1), TENSOR, TENSOR, TENSOR),
  /** (weight [V,E], indices): embedding. Shape: [*] to [*, E]. */
  EMBEDDING(tensors2(LayerRules::embedding), TENSOR, TENSOR),
  /** (module [C, ...], input): batch/instance/group norm. Shape: [N,C,*] to [N,C,*]. */
  NORM_CHANNELS(tensors2(LayerRules::normChannels), TENSOR, TENSOR),
  /**
   * (module [C], input): {@code BatchNorm1d}'s forward, {@link #NORM_CHANNELS} on [N,C] or
   * [N,C,L] only. Shape: unchanged; see {@link LayerRules#batchNorm1d}.
   */
  BATCH_NORM1D_LAYER(tensors2(LayerRules::batchNorm1d), TENSOR, TENSOR),
  /**
   * (module [C], input): {@code InstanceNorm1d}'s forward on [N,C,L] or unbatched [C,L]. Shape:
   * unchanged; see {@link LayerRules#instanceNorm}.
   */
  INSTANCE_NORM1D_LAYER(tensors2((op, m, in) -> LayerRules.instanceNorm(op, 1, m, in)),
      TENSOR, TENSOR),
  /**
   * (module [C], input): {@code InstanceNorm2d}'s forward on [N,C,H,W] or unbatched [C,H,W].
   * Shape: unchanged; see {@link LayerRules#instanceNorm}.
   */
  INSTANCE_NORM2D_LAYER(tensors2((op, m, in) -> LayerRules.instanceNorm(op, 2, m, in)),
      TENSOR, TENSOR),
  /**
   * (module [C], input): {@code InstanceNorm3d}'s forward on [N,C,D,H,W] or unbatched
   * [C,D,H,W]. Shape: unchanged; see {@link LayerRules#instanceNorm}.
   */
  INSTANCE_NORM3D_LAYER(tensors2((op, m, in) -> LayerRules.instanceNorm(op, 3, m, in)),
      TENSOR, TENSOR),
  /**
   * (input, size): local response norm, an input [N,C,*] of at least 3 dims and a positive
   * size. Shape: unchanged; see {@link LayerRules#localResponseNorm}.
   */
  LOCAL_RESPONSE_NORM(a -> LayerRules.localResponseNorm(a.op, a.tensor(0), a.integer(1)),
      TENSOR, INT),
  /**
   * (input, kernelSize, dilation, padding, stride): {@code F.unfold} (im2col). Shape: [N,C,H,W]
   * to [N, C*kh*kw, L], unbatched [C,H,W] to [C*kh*kw, L], L the number of blocks; see {@link
   * FoldRules#unfold}.
   */
  IM2COL(FoldRules::unfold, TENSOR, INTS, INTS, INTS, INTS),
  /**
   * (input, outputSize, kernelSize, dilation, padding, stride): {@code F.fold} (col2im). Shape:
   * [N, C*kh*kw, L] to [N,C,oh,ow], unbatched [C*kh*kw, L] to [C,oh,ow], L the blocks that
   * outputSize holds; see {@link FoldRules#fold}.
   */
  COL2IM(FoldRules::fold, TENSOR, INTS, INTS, INTS, INTS, INTS),
  /**
   * (input, weight, bias, runningMean, runningVar; all but the input {@link RuleArg.Ignored}
   * when absent): batch norm. Shape: [N,C,*] to [N,C,*], C the per-channel tensors' length.
   */
  BATCH_NORM(LayerRules::batchNorm, TENSOR, TENSOR, TENSOR, TENSOR, TENSOR),
  /**
   * (input, numGroups, weight, bias; the last two {@link RuleArg.Ignored} when absent): group
   * norm, {@link #BATCH_NORM}'s channels divisible by numGroups.
   */
  GROUP_NORM(LayerRules::groupNorm, TENSOR, INT, TENSOR, TENSOR),
  /** (input, normalizedShape): layer norm; the input must end in normalizedShape. Shape: unchanged. */
  LAYER_NORM(LayerRules::layerNorm, TENSOR, INTS),
  /** (input, size): interpolate to a size. Shape: [N,C,*s] to [N,C,*size]. */
  INTERPOLATE(SpatialRules::interpolate, TENSOR, INTS),
  /** (input, pads): F.pad, pairs from the last dim. Shape: [..,W] (l,r) to [..,W+l+r]. */
  PAD(SpatialRules::pad, TENSOR, INTS),
  /**
   * (in, out, kernel, stride, padding, dilation, groups): a convolution layer's constructor
   * contract ({@code new Conv2d(...)}, {@code Conv2d.Spec}): channels, kernel, stride and
   * dilation positive, padding not negative, groups dividing both channel counts. Shape: {@code
   * []} (the constructor's {@code @Shape} gives the layer's type); see {@link
   * ContractRules#conv}.
   */
  CONV_CONTRACT(ContractRules::conv, INT, INT, INTS, INTS, INTS, INTS, INT),
  /**
   * (numGroups, numChannels): {@code GroupNorm}'s constructor contract: both positive, the groups
   * dividing the channels. Shape: {@code []}; see {@link ContractRules#groupNorm}.
   */
  GROUP_NORM_CONTRACT(ContractRules::groupNorm, INT, INT),
  /**
   * (embedDim, numHeads): {@code MultiheadAttention}'s constructor contract: both positive, the
   * heads dividing the embedding size. Shape: {@code []}; see {@link ContractRules#attention}.
   */
  ATTENTION_CONTRACT(ContractRules::attention, INT, INT),
  /** (indices, numClasses): one-hot. Shape: [*] to [*, numClasses] (unknown for -1). */
  ONE_HOT(FactoryRules::oneHot, TENSOR, INT),
  /** (image): {@code ToTensor}: [H, W] to [1, H, W]; rank 3 and more kept. See {@link ImageRules#toTensor}. */
  IMAGE_TO_TENSOR(tensors1(ImageRules::toTensor), TENSOR),
  /** (this, image): {@code Resize}: [C, H, W] or [B, C, H, W] to [.., height, width]. See {@link ImageRules#resize}. */
  IMAGE_RESIZE(tensors2(ImageRules::resize), TENSOR, TENSOR),
  /** (this, image): {@code CenterCrop}: [*, H, W] to [*, height, width]. See {@link ImageRules#crop}. */
  IMAGE_CROP(tensors2(ImageRules::crop), TENSOR, TENSOR),
  /** (this, image): {@code Grayscale}: [*, 1 or 3, H, W] to [*, n, H, W]. See {@link ImageRules#grayscale}. */
  IMAGE_GRAYSCALE(tensors2(ImageRules::grayscale), TENSOR, TENSOR),
  /** (image): {@code Normalize}: [*, C, H, W] kept. See {@link ImageRules#normalize}. */
  IMAGE_NORMALIZE(tensors1(ImageRules::normalize), TENSOR),
  /** (image): flips: [..., H, W] kept. See {@link ImageRules#keep}. */
  IMAGE_KEEP(tensors1(ImageRules::keep), TENSOR),
  /** (sizes): a factory whose result has exactly the given sizes (zeros, ones, ...). */
  SIZES(FactoryRules::sizes, INTS);

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
    ENUM,
    /** A string, such as an index string ({@link RuleArg.StringArg}). */
    STRING
  }

  /** What a rule computes from its inputs, read through {@link RuleArgs}. */
  @FunctionalInterface
  private interface Behaviour {
    ShapeResult<TensorShape> apply(RuleArgs args);
  }

  /** A family function of one tensor. */
  @FunctionalInterface
  private interface OfTensor {
    ShapeResult<TensorShape> apply(String op, TensorShape a);
  }

  /** A family function of two tensors. */
  @FunctionalInterface
  private interface OfTwoTensors {
    ShapeResult<TensorShape> apply(String op, TensorShape a, TensorShape b);
  }

  /** A family function of three tensors. */
  @FunctionalInterface
  private interface OfThreeTensors {
    ShapeResult<TensorShape> apply(String op, TensorShape a, TensorShape b, TensorShape c);
  }

  private static Behaviour tensors1(OfTensor f) {
    return a -> f.apply(a.op, a.tensor(0));
  }

  private static Behaviour tensors2(OfTwoTensors f) {
    return a -> f.apply(a.op, a.tensor(0), a.tensor(1));
  }

  private static Behaviour tensors3(OfThreeTensors f) {
    return a -> f.apply(a.op, a.tensor(0), a.tensor(1), a.tensor(2));
  }

  private final Behaviour behaviour;
  private final List<InputKind> inputs;

  Rule(Behaviour behaviour, InputKind... inputs) {
    this.behaviour = behaviour;
    this.inputs = List.of(inputs);
  }

  /** The rule's inputs, in order. */
  public List<InputKind> inputs() {
    return inputs;
  }

  /**
   * The shape of every piece, in order, of a call of {@link #SPLIT} or {@link #CHUNK} with these
   * inputs, when their number and sizes are known ({@link JoinRules#splitPieces}, {@link
   * JoinRules#chunkPieces}): {@code [5, 3].split(2, 0)} gives {@code [2, 3], [2, 3], [1, 3]}.
   * Empty for any other rule, for inputs that are not known constants, and for inputs that
   * {@link #apply} rejects.
   */
  public List<TensorShape> pieces(String op, List<RuleArg> args) {
    if ((this != SPLIT && this != CHUNK) || args == null || args.size() != inputs.size()) {
      return List.of();
    }
    try {
      RuleArgs a = new RuleArgs(op, args);
      Long dim = a.constant(2);
      if (dim == null) {
        return List.of();
      }
      ShapeResult<List<TensorShape>> r = this == SPLIT
          ? JoinRules.splitPieces(op, a.tensor(0), a.integer(1), dim)
          : JoinRules.chunkPieces(op, a.tensor(0), a.integer(1), dim);
      return r.isOk() ? r.value() : List.of();
    } catch (RuleArgs.BadArgument | ArithmeticException e) {
      return List.of();
    }
  }

  /**
   * Runs the rule. Arguments that do not fit its {@linkplain #inputs() inputs} (a bug in an
   * op's declaration) are a {@link MessageKeys#RULE_ARGUMENTS} mismatch, and a size that
   * overflows 64 bits a {@link MessageKeys#SIZE_OVERFLOW} mismatch: the rule never throws.
   *
   * @param op the op's name for messages ({@code Torch.matmul})
   * @param args one argument per {@linkplain #inputs() input}
   * @return the output's shape (for split and chunk: the shape every piece has, with unknown
   *     sizes where pieces differ), or the mismatch
   */
  public ShapeResult<TensorShape> apply(String op, List<RuleArg> args) {
    if (args == null || args.size() != inputs.size()) {
      return ShapeResult.mismatch(MessageKeys.RULE_ARGUMENTS, op,
          "rule " + this + " takes " + inputs.size() + " inputs " + inputs + ", got "
              + (args == null ? "none" : args.size()), -1, -1);
    }
    try {
      return behaviour.apply(new RuleArgs(op, args));
    } catch (RuleArgs.BadArgument e) {
      return ShapeResult.mismatch(MessageKeys.RULE_ARGUMENTS, op,
          "rule " + this + " input " + e.index + " must be " + e.expected + ", got "
              + args.get(e.index), e.index, -1);
    } catch (ArithmeticException e) {
      // DimExpr computes with Math.*Exact: sizes, strides or paddings near Long.MAX_VALUE.
      return ShapeResult.mismatch(MessageKeys.SIZE_OVERFLOW, op,
          "a size computed from the arguments does not fit in 64 bits (" + e.getMessage()
              + "); check for sizes, strides, paddings or dilations near Long.MAX_VALUE",
          -1, -1);
    }
  }
}
