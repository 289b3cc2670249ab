package dev.shapetorch.differential;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The disagreements between checker and runtime that are known and not fixed yet; issue 12
 * tracks every one. Each is named by the tags of the programs that show it ({@link
 * ProgramBuilder}'s spellings, ops and injected mistakes): a program that carries all the tags
 * of an entry is left out of the CI run ({@link DifferentialTest}); {@code
 * scripts/differential-fuzz.sh} runs them all and reports these apart from new ones. When a fix
 * lands, its entry goes, and CI covers those programs again.
 */
enum KnownDisagreement {
  // ---- False errors: the checker rejects a program that runs.

  /** {@code long b = x.size(0); x.view(b, -1)}: the local is a fresh named size, not its value. */
  SIZE_KEPT_IN_LOCAL(Verdict.Kind.FALSE_ERROR,
      "at the layer or view that uses a size kept in a local"
      + " (long s = x.size(d)): the local is a new named size, its value is ignored",
      "spelling:sizeLocal"),
  /** {@code x.expand(2, -1)} with {@code x} of unknown shape. */
  EXPAND_OF_UNKNOWN(Verdict.Kind.FALSE_ERROR,
      "Tensor.expand [shape.expand]: -1 in expand of an unknown"
      + " shape is read as a new leading dim", "spelling:unannotated", "op:Tensor.expand"),

  // ---- Shapes lost, so a later mistake is missed.

  /** {@code x.sum(x.dim() - 1)}. */
  DIM_AS_EXPRESSION(Verdict.Kind.MISS,
      "after a dim written x.dim() - k: the result's shape is unknown",
      "spelling:dimExpr"),
  /** {@code x.max(1).values()}. */
  RECORD_VALUES(Verdict.Kind.MISS,
      "after max/min(dim)'s .values(): the record's tensors have no shape",
      "spelling:recordValues"),
  /** {@code x.split(2, 0).get(0)}. */
  SPLIT_GET(Verdict.Kind.MISS,
      "after split/chunk(...).get(i): the parts have no shape", "spelling:listGet"),
  /** {@code p.grad()} after {@code backward()}. */
  GRAD(Verdict.Kind.MISS,
      "after Tensor.grad(): the gradient has no shape (it is the tensor's)",
      "op:Tensor.grad"),
  /** {@code final GRU f = GRU.batchFirst(3, 6, 2);}, then {@code f.forward(x)}. */
  FIELD_FROM_STATIC_FACTORY(Verdict.Kind.MISS,
      "at a module field built by a static"
      + " factory (LSTM.batchFirst, the documented spelling): the field has no type",
      "spelling:fieldFromFactory"),
  /** {@code new MSELoss(Reduction.NONE).forward(a, b).permute(...)}. */
  LOSS_MODULE_RESULT(Verdict.Kind.MISS,
      "after a loss module's forward: its result has no shape (the"
      + " reduction decides its rank)", "uses:lossModuleResult"),
  /** {@code new MaxPool2d(kh, kw, sh, sw, ph, pw, dh, dw, ceilMode)}. */
  MAX_POOL_2D_FULL_CONSTRUCTOR(Verdict.Kind.MISS,
      "after MaxPool2d's full constructor: its output is"
      + " [N, C, _, _], so a kernel larger than the input and later mistakes are missed",
      "spelling:fullConstructor:MaxPool2d"),

  // ---- Ops checked only at run time.

  /** {@code new Softmax(1).forward(x)} on a 1-D {@code x}. */
  SOFTMAX_MODULE_DIM(Verdict.Kind.MISS,
      "Softmax.forward [shape.dim.range]: the module's dim is not checked",
      "mistake:softmax.range", "op:new Softmax"),
  /** {@code new LogSoftmax(1).forward(x)} on a 1-D {@code x}. */
  LOG_SOFTMAX_MODULE_DIM(Verdict.Kind.MISS,
      "LogSoftmax.forward [shape.dim.range]: the module's dim is not"
      + " checked", "mistake:softmax.range", "op:new LogSoftmax"),
  /** Query {@code [L, 2, E]}, key {@code [S, 3, E]}. */
  ATTENTION_BATCH(Verdict.Kind.MISS,
      "MultiheadAttention.forward [shape.mismatch.argument]: query and key"
      + " batch sizes are two independent names in its signature", "mistake:attention.batch"),
  /** {@code new BatchNorm1d(c).forward(x)} with a 4-D {@code x}. */
  BATCH_NORM_1D_RANK(Verdict.Kind.MISS,
      "BatchNorm1d.forward [shape.rank]: its rank is checked at run time"
      + " only", "mistake:batchNorm1d.rank"),
  /** {@code new CrossEntropyLoss().forward(logits[3, 1], labels[4])}. */
  CROSS_ENTROPY_LOSS_MODULE(Verdict.Kind.MISS,
      "CrossEntropyLoss.forward [shape.mismatch.loss.target]:"
      + " checked at run time only (F.crossEntropy is checked)", "op:CrossEntropyLoss.forward"),
  /** {@code new NLLLoss().forward(logits[3, 1], labels[4])}. */
  NLL_LOSS_MODULE(Verdict.Kind.MISS,
      "NLLLoss.forward [shape.mismatch.loss.target]: checked at run time"
      + " only (F.nllLoss is checked)", "op:NLLLoss.forward"),

  // ---- Constructor contracts: run-time IllegalArgumentException only.

  /** {@code new Conv2d(5, 6, 2, 2, 1, 1, 0, 0, 1, 1, 2, true)}. */
  CONV_2D_GROUPS(Verdict.Kind.MISSED_CONTRACT,
      "new Conv2d: groups not dividing the channels",
      "mistake:conv2d.groups"),
  /** {@code new Conv2d(3, 4, 0)}. */
  CONV_2D_KERNEL_ZERO(Verdict.Kind.MISSED_CONTRACT,
      "new Conv2d: a kernel of 0", "mistake:conv2d.kernelZero"),
  /** {@code new GroupNorm(5, 4)}. */
  GROUP_NORM_GROUPS(Verdict.Kind.MISSED_CONTRACT,
      "new GroupNorm: numGroups not dividing numChannels",
      "mistake:groupNorm.groups"),
  /** {@code new MultiheadAttention(3, 4)}. */
  ATTENTION_HEADS(Verdict.Kind.MISSED_CONTRACT,
      "new MultiheadAttention: numHeads not dividing embedDim",
      "mistake:attention.heads"),

  // ---- Bad shapes that reach libtorch.

  /** {@code F.mseLoss(a, b, Reduction.NONE).backward()}. */
  BACKWARD_NOT_SCALAR(Verdict.Kind.LIBTORCH_ERROR,
      "Tensor.backward: backward() without a gradient of a"
      + " loss that was never reduced", "mistake:backward.notScalar"),
  /** {@code new LSTM(3, 4).forward(x)} with a 2-D {@code x}. */
  RECURRENT_UNBATCHED(Verdict.Kind.LIBTORCH_ERROR,
      "RNN/GRU/LSTM.forward: a 2-D (unbatched) input passes the"
      + " rule and fails in libtorch", "mistake:recurrent.unbatched"),
  /** {@code F.conv2d(x, w[4, C, k, k], b[5])}. */
  CONV_2D_BIAS(Verdict.Kind.LIBTORCH_ERROR,
      "F.conv2d: a bias whose length is not the weight's out-channels",
      "mistake:F.conv2d.bias"),
  /** {@code F.crossEntropy(x[2, 1], labels[2, 1])} with integer labels. */
  CROSS_ENTROPY_INTEGER_PROBABILITIES(Verdict.Kind.LIBTORCH_ERROR,
      "F.crossEntropy: an integer target of the"
      + " input's shape is taken for class probabilities",
      "mistake:classificationLoss.targetLikeInput");

  private final Verdict.Kind kind;
  private final String description;
  private final List<String> tags;

  KnownDisagreement(Verdict.Kind kind, String description, String... tags) {
    this.kind = kind;
    this.description = description;
    this.tags = List.of(tags);
  }

  /** The kind of disagreement it causes. */
  Verdict.Kind kind() {
    return kind;
  }

  /** The class, as the report names it, and why. */
  String description() {
    return description;
  }

  /** The tags a program carries when it shows this disagreement. */
  List<String> tags() {
    return tags;
  }

  boolean matches(Set<String> programTags) {
    return programTags.containsAll(tags);
  }

  /** The first known disagreement a program's tags match, if any: what leaves it out of CI. */
  static Optional<KnownDisagreement> of(Program p) {
    return Arrays.stream(values()).filter(k -> k.matches(p.tags())).findFirst();
  }

  /**
   * The known disagreement that explains a verdict: the first whose tags the program carries
   * and whose kind is the verdict's, else the first whose tags it carries.
   */
  static Optional<KnownDisagreement> explaining(Verdict v) {
    Optional<KnownDisagreement> sameKind = Arrays.stream(values())
        .filter(k -> k.kind == v.kind() && k.matches(v.program().tags())).findFirst();
    return sameKind.isPresent() ? sameKind : of(v.program());
  }
}
