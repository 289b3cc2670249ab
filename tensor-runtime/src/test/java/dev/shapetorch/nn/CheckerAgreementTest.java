package dev.shapetorch.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.shapetorch.nn.activation.LogSoftmax;
import dev.shapetorch.nn.activation.Softmax;
import dev.shapetorch.nn.attention.MultiheadAttention;
import dev.shapetorch.nn.conv.Conv1d;
import dev.shapetorch.nn.conv.Conv2d;
import dev.shapetorch.nn.conv.ConvTranspose2d;
import dev.shapetorch.nn.functional.F;
import dev.shapetorch.nn.functional.InterpolationMode;
import dev.shapetorch.nn.loss.BCELoss;
import dev.shapetorch.nn.loss.BCEWithLogitsLoss;
import dev.shapetorch.nn.loss.CrossEntropyLoss;
import dev.shapetorch.nn.loss.HuberLoss;
import dev.shapetorch.nn.loss.KLDivLoss;
import dev.shapetorch.nn.loss.L1Loss;
import dev.shapetorch.nn.loss.MSELoss;
import dev.shapetorch.nn.loss.NLLLoss;
import dev.shapetorch.nn.loss.SmoothL1Loss;
import dev.shapetorch.nn.normalization.BatchNorm1d;
import dev.shapetorch.nn.normalization.GroupNorm;
import dev.shapetorch.nn.pooling.AvgPool2d;
import dev.shapetorch.nn.pooling.MaxPool1d;
import dev.shapetorch.nn.pooling.MaxPool2d;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.shapes.rules.DimExpr;
import dev.shapetorch.shapes.rules.LossRules;
import dev.shapetorch.shapes.rules.Rule;
import dev.shapetorch.shapes.rules.RuleArg;
import dev.shapetorch.shapes.rules.TensorShape;
import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.Reduction;
import dev.shapetorch.tensor.ShapeException;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The run-time half of the checker's cases in {@code processor-tests}' {@code
 * checker/runtime-agreement}: each call here is a call the Shape Checker rejects there, and it
 * fails here, before libtorch runs, with a {@link ShapeException} whose text is the compile-time
 * diagnostic's (the same rule on the same shapes), and the accepted calls there run here.
 */
class CheckerAgreementTest {

  private static void fails(String message, Executable call) {
    ShapeException e = assertThrows(ShapeException.class, call);
    assertEquals(message, e.getMessage());
  }

  private static Tensor zeros(long... shape) {
    return Torch.zeros(shape);
  }

  private static Tensor indices(long... shape) {
    return Torch.zeros(shape, DType.INT64);
  }

  // Output sizes below 1.

  @Test
  void convLayers_inputSmallerThanTheKernel() {
    fails("[shape.conv.size] Conv2d.forward: input [1, 1, 4, 4] is too small: spatial dim 0 has"
        + " size 4 (padded 4), smaller than the effective kernel size 5",
        () -> new Conv2d(1, 6, 5).forward(Torch.randn(1, 1, 4, 4)));
    fails("[shape.conv.size] Conv1d.forward: input [1, 2, 2] is too small: spatial dim 0 has"
        + " size 2 (padded 2), smaller than the effective kernel size 3",
        () -> new Conv1d(2, 4, 3).forward(zeros(1, 2, 2)));
    assertArrayEquals(new long[] {1, 6, 1, 1},
        new Conv2d(1, 6, 5).forward(zeros(1, 1, 5, 5)).shape());
  }

  @Test
  void poolingTwiceBeforeAConv_leavesTooLittleForIt() {
    MaxPool2d pool = new MaxPool2d(2);
    Conv2d conv = new Conv2d(16, 32, 3);
    Tensor twice = pool.forward(pool.forward(zeros(1, 16, 8, 8)));
    fails("[shape.conv.size] Conv2d.forward: input [1, 16, 2, 2] is too small: spatial dim 0"
        + " has size 2 (padded 2), smaller than the effective kernel size 3",
        () -> conv.forward(twice));
    Tensor once = pool.forward(zeros(1, 16, 8, 8));
    assertArrayEquals(new long[] {1, 32, 2, 2}, conv.forward(once).shape());
  }

  @Test
  void convFunctions_inputSmallerThanTheKernel() {
    fails("[shape.conv.size] F.conv2d: input [1, 1, 4, 4] is too small: spatial dim 0 has size"
        + " 4 (padded 4), smaller than the effective kernel size 5",
        () -> F.conv2d(zeros(1, 1, 4, 4), zeros(6, 1, 5, 5), null));
    fails("[shape.conv.size] Torch.conv1d: input [1, 2, 2] is too small: spatial dim 0 has size"
        + " 2 (padded 2), smaller than the effective kernel size 3",
        () -> Torch.conv1d(zeros(1, 2, 2), zeros(4, 2, 3), null, 1, 0, 1, 1));
  }

  @Test
  void transposedConv_paddingLargerThanTheOutput() {
    long[] one = {1, 1};
    long[] none = {0, 0};
    fails("[shape.conv.size] F.convTranspose2d: output too small: spatial dim 0 of input [1, 3,"
        + " 2, 2] (size 2) gives -2 = (2-1)*1 - 2*3 + 1*(3-1) + 0 + 1; reduce the padding",
        () -> F.convTranspose2d(zeros(1, 3, 2, 2), zeros(3, 2, 3, 3), null, one,
            new long[] {3, 3}, none, 1, one));
    fails("[shape.conv.size] ConvTranspose2d.forward: output too small: spatial dim 0 of input"
        + " [1, 3, 2, 2] (size 2) gives -2 = (2-1)*1 - 2*3 + 1*(3-1) + 0 + 1; reduce the padding",
        () -> new ConvTranspose2d(3, 2, 3, 1, 3, 0).forward(zeros(1, 3, 2, 2)));
  }

  @Test
  void poolingLayers_windowLargerThanTheInput() {
    fails("[shape.conv.size] MaxPool2d.forward: input [1, 1, 2, 2] is too small: spatial dim 0"
        + " has size 2 (padded 2), smaller than the effective kernel size 3",
        () -> new MaxPool2d(3).forward(zeros(1, 1, 2, 2)));
    fails("[shape.conv.size] MaxPool1d.forward: input [1, 1, 2] is too small: spatial dim 0 has"
        + " size 2 (padded 2), smaller than the effective kernel size 3",
        () -> new MaxPool1d(3).forward(zeros(1, 1, 2)));
    fails("[shape.conv.size] AvgPool2d.forward: input [1, 1, 2, 2] is too small: spatial dim 0"
        + " has size 2 (padded 2), smaller than the effective kernel size 3",
        () -> new AvgPool2d(3).forward(zeros(1, 1, 2, 2)));
    fails("[shape.conv.size] MaxPool2d.forward: input [1, 1, 3, 3] is too small: spatial dim 0"
        + " has size 3 (padded 3), smaller than the effective kernel size 4",
        () -> new MaxPool2d(2, 2, 1, 1, 0, 0, 3, 3, false).forward(zeros(1, 1, 3, 3)));
  }

  @Test
  void poolingInCeilMode_tooSmallEvenRoundingUp_andJustLargeEnough() {
    MaxPool2d max = new MaxPool2d(3, 3, 2, 2, 0, 0, 1, 1, true);
    AvgPool2d avg = new AvgPool2d(3, 3, 2, 2, 0, 0, true, true);
    fails("[shape.conv.size] MaxPool2d.forward: input [1, 1, 1, 1] is too small: spatial dim 0"
        + " has size 1 (padded 1), smaller than the effective kernel size 3",
        () -> max.forward(zeros(1, 1, 1, 1)));
    fails("[shape.conv.size] AvgPool2d.forward: input [1, 1, 1, 1] is too small: spatial dim 0"
        + " has size 1 (padded 1), smaller than the effective kernel size 3",
        () -> avg.forward(zeros(1, 1, 1, 1)));
    // Rounded up, a 2x2 input gives one window of the 3x3 kernel (PyTorch's too).
    assertArrayEquals(new long[] {1, 1, 1, 1}, max.forward(zeros(1, 1, 2, 2)).shape());
    assertArrayEquals(new long[] {1, 1, 1, 1}, avg.forward(zeros(1, 1, 2, 2)).shape());
  }

  @Test
  void poolingFunctionWithACeilModeInAVariable_tooSmallOnlyWhenRoundingUpIsToo() {
    long[] k = {3, 3};
    long[] s = {2, 2};
    long[] p = {0, 0};
    long[] d = {1, 1};
    for (boolean ceilMode : new boolean[] {false, true}) {
      fails("[shape.conv.size] F.maxPool2d: input [1, 1, 1, 1] is too small: spatial dim 0 has"
          + " size 1 (padded 1), smaller than the effective kernel size 3",
          () -> F.maxPool2d(zeros(1, 1, 1, 1), k, s, p, d, ceilMode));
    }
    // The checker accepts this call with an unknown ceil mode: it runs when rounding up.
    assertArrayEquals(new long[] {1, 1, 1, 1},
        F.maxPool2d(zeros(1, 1, 2, 2), k, s, p, d, true).shape());
  }

  @Test
  void poolingFunctions_andInterpolate_toNothing() {
    fails("[shape.conv.size] F.maxPool2d: input [1, 1, 2, 2] is too small: spatial dim 0 has"
        + " size 2 (padded 2), smaller than the effective kernel size 3",
        () -> F.maxPool2d(zeros(1, 1, 2, 2), 3));
    fails("[shape.conv.size] F.avgPool2d: input [1, 1, 2, 2] is too small: spatial dim 0 has"
        + " size 2 (padded 2), smaller than the effective kernel size 3",
        () -> F.avgPool2d(zeros(1, 1, 2, 2), 3));
    fails("[shape.spatial.params] F.interpolate: size [0, 4] must be positive",
        () -> F.interpolate(zeros(1, 1, 4, 4), new long[] {0, 4}, InterpolationMode.NEAREST));
  }

  // A convolution's bias.

  @Test
  void convBias_ofAnotherLengthThanTheOutChannels_isTheRulesError() {
    fails("[shape.mismatch.conv.channels] F.conv2d: bias [5] must be 1-D [6], one value per"
        + " out-channel: weight [6, 1, 5, 5] has 6 out-channels (dim 0); pass a bias of 6 values"
        + " or null", () -> F.conv2d(zeros(1, 1, 8, 8), zeros(6, 1, 5, 5), zeros(5)));
    fails("[shape.mismatch.conv.channels] Torch.conv1d: bias [2] must be 1-D [4], one value per"
        + " out-channel: weight [4, 2, 3] has 4 out-channels (dim 0); pass a bias of 4 values or"
        + " null", () -> Torch.conv1d(zeros(1, 2, 8), zeros(4, 2, 3), zeros(2), 1, 0, 1, 1));
    long[] one = {1, 1};
    long[] none = {0, 0};
    fails("[shape.mismatch.conv.channels] F.convTranspose2d: bias [3] must be 1-D [6], one value"
        + " per out-channel: weight [4, 3, 3, 3] with 2 group(s) has 6 out-channels (dim 1 x"
        + " groups); pass a bias of 6 values or null",
        () -> F.convTranspose2d(zeros(1, 4, 5, 5), zeros(4, 3, 3, 3), zeros(3), one, none, none,
            2, one));
    assertArrayEquals(new long[] {1, 6, 4, 4},
        F.conv2d(zeros(1, 1, 8, 8), zeros(6, 1, 5, 5), zeros(6)).shape());
    assertArrayEquals(new long[] {1, 6, 7, 7}, F.convTranspose2d(zeros(1, 4, 5, 5),
        zeros(4, 3, 3, 3), zeros(6), one, none, none, 2, one).shape());
  }

  // Modules whose forward now declares what its functional op checks.

  @Test
  void classIndexLossModules_targetWithAClassDim() {
    fails("[shape.mismatch.loss.target] CrossEntropyLoss.forward: a target with the input's rank"
        + " holds class probabilities and must have the input's shape: input is [8, 10], target"
        + " is [8, 1] (for class indices, drop the class dim, dim 1)",
        () -> new CrossEntropyLoss().forward(zeros(8, 10), indices(8, 1)));
    fails("[shape.mismatch.loss.target] NLLLoss.forward: target [5] must be [8] for input"
        + " [8, 10] (dim 0: 5 vs 8)", () -> new NLLLoss().forward(zeros(8, 10), indices(5)));
    assertEquals(0, new CrossEntropyLoss().forward(zeros(8, 10), indices(8)).dim());
  }

  // Loss modules: the reduction in the type gives forward's result (checker/agreement's
  // LossModuleResultAccepted and LossModuleResultRejected).

  @Test
  void lossModules_resultShape_isTheReductions() {
    Tensor x = zeros(4, 3);
    Tensor y = zeros(4, 3);
    assertArrayEquals(new long[0], new MSELoss().forward(x, y).shape());
    assertArrayEquals(new long[0], new L1Loss(Reduction.SUM).forward(x, y).shape());
    assertArrayEquals(new long[0], new KLDivLoss(Reduction.BATCHMEAN, false).forward(x, y).shape());
    assertArrayEquals(new long[0], new BCEWithLogitsLoss().forward(x, y).shape());
    assertArrayEquals(new long[] {4, 3}, new MSELoss(Reduction.NONE).forward(x, y).shape());
    assertArrayEquals(new long[] {4, 3},
        new SmoothL1Loss(Reduction.NONE, 1.0).forward(x, y).shape());
    assertArrayEquals(new long[] {4, 3}, new HuberLoss(Reduction.NONE, 1.0).forward(x, y).shape());
    assertArrayEquals(new long[] {4, 3},
        new BCELoss(null, Reduction.NONE).forward(x.sigmoid(), y).shape());
    assertArrayEquals(new long[] {4}, new CrossEntropyLoss(null, -100, Reduction.NONE, 0.0)
        .forward(zeros(4, 10), indices(4)).shape());
    assertArrayEquals(new long[] {4},
        new NLLLoss(null, -100, Reduction.NONE).forward(zeros(4, 10), indices(4)).shape());
    assertArrayEquals(new long[0], new NLLLoss().forward(zeros(4, 10), indices(4)).shape());
  }

  @Test
  void lossModules_typeVector_isTheCheckersReading() throws NoSuchMethodException {
    // The default constructor's declared type is the code of MEAN, as LossRules gives it.
    for (Class<?> loss : List.of(MSELoss.class, L1Loss.class, SmoothL1Loss.class,
        HuberLoss.class, BCELoss.class, BCEWithLogitsLoss.class, KLDivLoss.class,
        CrossEntropyLoss.class, NLLLoss.class)) {
      Shape declared = loss.getConstructor().getAnnotatedReturnType().getAnnotation(Shape.class);
      assertArrayEquals(new String[] {Long.toString(LossRules.reductionCode("MEAN"))},
          declared.value(), loss.getSimpleName());
    }
  }

  @Test
  void lossModules_unreducedResult_thenAMistake() {
    Tensor perElement = new MSELoss(Reduction.NONE).forward(zeros(4, 3), zeros(4, 3));
    fails("[shape.rank] Tensor.permute: permute needs one dim per dimension: [4, 3] has 2-D"
        + " dims, got 3 dims [0, 1, 2]", () -> perElement.permute(0, 1, 2));
    Tensor reduced = new MSELoss().forward(zeros(4, 3), zeros(4, 3));
    fails("[shape.reshape.numel] Tensor.view: shape [2, 2] is invalid for input [] of 1"
        + " elements", () -> reduced.view(2, 2));
    fails("[shape.mismatch.loss.same] MSELoss.forward: input is [8, 1] but target is [8]; they"
        + " must be equal (broadcasting would silently compute a [8, 8] loss, pairing every"
        + " input with every target; squeeze or reshape one of them)",
        () -> new MSELoss().forward(zeros(8, 1), zeros(8)));
  }

  // split/chunk pieces (checker/agreement's SplitPiecesAccepted): the algebra's pieces are the
  // ones libtorch cuts, uneven splits and chunks that come out fewer included.

  @Test
  void splitAndChunkPieces_areTheAlgebras() {
    long[][] shapes = {{5, 3}, {6, 4}, {1, 7}, {7, 2, 3}};
    for (long[] shape : shapes) {
      Tensor x = zeros(shape);
      for (int dim = -shape.length; dim < shape.length; dim++) {
        for (long k = 1; k <= 5; k++) {
          assertPieces(Rule.SPLIT, x.split(k, dim), x, k, dim);
          assertPieces(Rule.CHUNK, x.chunk((int) k, dim), x, k, dim);
        }
      }
    }
    assertArrayEquals(new long[] {1, 3}, zeros(5, 3).split(2, 0).get(2).shape());
    assertEquals(3, zeros(5).chunk(4, 0).size());
  }

  private static void assertPieces(Rule rule, List<Tensor> pieces, Tensor x, long k, int dim) {
    List<TensorShape> expected = rule.pieces("Tensor.split", List.of(
        new RuleArg.TensorArg(x.shapeOf()), new RuleArg.IntArg(DimExpr.of(k)),
        new RuleArg.IntArg(DimExpr.of(dim))));
    List<TensorShape> actual = pieces.stream().map(Tensor::shapeOf).toList();
    assertEquals(expected, actual, rule + " " + x.shapeOf() + " by " + k + " along " + dim);
  }

  // The negative log-likelihood takes no class probabilities (NllLossIndicesOnlyRejected).

  @Test
  void nllLoss_targetOfTheInputsRank_isAShapeError() {
    String text = " target [2, 1] must be [2] (class indices) for input [2, 1]: this loss takes"
        + " no class probabilities, so a target of the input's rank is an error (drop the class"
        + " dim, dim 1)";
    fails("[shape.mismatch.loss.target] F.nllLoss:" + text,
        () -> F.nllLoss(zeros(2, 1), indices(2, 1)));
    fails("[shape.mismatch.loss.target] F.nllLoss:" + text,
        () -> F.nllLoss(zeros(2, 1), indices(2, 1), Reduction.SUM));
    fails("[shape.mismatch.loss.target] NLLLoss.forward:" + text,
        () -> new NLLLoss().forward(zeros(2, 1), indices(2, 1)));
    fails("[shape.mismatch.loss.target] F.nllLoss: target [3] must be [] (class indices) for"
        + " input [3]: this loss takes no class probabilities, so a target of the input's rank"
        + " is an error (drop the class dim, dim 0)", () -> F.nllLoss(zeros(3), zeros(3)));
  }

  // Cross-entropy: an integer target of the input's shape reads as probabilities, which must be
  // floating. A dtype, which the checker's types do not hold (issue 15): caught here, before
  // libtorch, with what to do.

  @Test
  void crossEntropy_integerTargetOfTheInputsShape_isRefusedBeforeLibtorch() {
    String text = " target [2, 1] has the input's shape [2, 1], so it holds class probabilities"
        + " and must be floating, got int64; for class indices pass an integral target of rank 1,"
        + " for probabilities convert it with target.to(DType.FLOAT32)";
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> F.crossEntropy(zeros(2, 1), indices(2, 1)));
    assertEquals("[shape.dtype.contract] F.crossEntropy:" + text, e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new CrossEntropyLoss().forward(zeros(2, 1), indices(2, 1)));
    assertEquals("[shape.dtype.contract] CrossEntropyLoss.forward:" + text, e.getMessage());
    assertArrayEquals(new long[0], F.crossEntropy(zeros(2, 1), zeros(2, 1)).shape());
    assertArrayEquals(new long[0], F.crossEntropy(zeros(2, 1), indices(2)).shape());
  }

  @Test
  void softmaxModules_dimOutOfRange() {
    fails("[shape.dim.range] Softmax.forward: dimension 2 is out of range for [3, 4] (rank 2):"
        + " expected a dim in [-2, 1]", () -> new Softmax(2).forward(zeros(3, 4)));
    fails("[shape.dim.range] LogSoftmax.forward: dimension -3 is out of range for [3, 4] (rank"
        + " 2): expected a dim in [-2, 1]", () -> new LogSoftmax(-3).forward(zeros(3, 4)));
    assertArrayEquals(new long[] {3, 4}, new LogSoftmax(-1).forward(zeros(3, 4)).shape());
  }

  @Test
  void normFunctions_channelCounts() {
    fails("[shape.mismatch.norm.channels] F.batchNorm: input [2, 3, 4] has 3 channels (dim 1),"
        + " the layer expects 4",
        () -> F.batchNorm(zeros(2, 3, 4), zeros(4), Torch.ones(4), null, null, false, 0.1, 1e-5));
    fails("[shape.mismatch.norm.channels] F.groupNorm: the input [2, 6, 4] has 6 channels, which"
        + " 4 groups do not divide", () -> F.groupNorm(zeros(2, 6, 4), 4, null, null, 1e-5));
  }

  @Test
  void batchNorm1d_imagesAreNotItsInput() {
    fails("[shape.rank] BatchNorm1d.forward: expected a 2-D [N, C] or 3-D [N, C, L] input, got"
        + " [2, 3, 4, 5]; for images [N, C, H, W] use BatchNorm2d",
        () -> new BatchNorm1d(3).forward(zeros(2, 3, 4, 5)));
  }

  @Test
  void attention_queryAndKeyOfOtherBatchSizes_inEitherLayout() {
    fails("[shape.mismatch.argument] MultiheadAttention.forward: query [3, 2, 4] and key [5, 3,"
        + " 4] have different batch sizes (dim 1, as not batch first)",
        () -> new MultiheadAttention(4, 2).forward(zeros(3, 2, 4), zeros(5, 3, 4),
            zeros(5, 3, 4)));
    MultiheadAttention batchFirst = new MultiheadAttention(4, 2, 0.0, true);
    fails("[shape.mismatch.argument] MultiheadAttention.forward: query [2, 3, 4] and key [3, 5,"
        + " 4] have different batch sizes (dim 0, as batch first)",
        () -> batchFirst.forward(zeros(2, 3, 4), zeros(3, 5, 4), zeros(3, 5, 4)));
    assertArrayEquals(new long[] {2, 3, 4},
        batchFirst.forward(zeros(2, 3, 4), zeros(2, 5, 4), zeros(2, 5, 4)).shape());
    MultiheadAttention m = new MultiheadAttention(4, 2);
    fails("[shape.mismatch.argument] MultiheadAttention.forward: key [5, 2, 4] and value [6, 2,"
        + " 4] must have the same shape",
        () -> m.forward(zeros(3, 2, 4), zeros(5, 2, 4), zeros(6, 2, 4)));
    fails("[shape.rank] MultiheadAttention.forward: query must be 3-D ([L, N, E], or [N, L, E]"
        + " when batch first), got [3, 4]", () -> m.forward(zeros(3, 4), zeros(5, 4), zeros(5, 4)));
  }

  @Test
  void groupNormLayer_channelCount() {
    fails("[shape.mismatch.norm.channels] GroupNorm.forward: input [2, 4, 5] has 4 channels"
        + " (dim 1), the layer expects 6", () -> new GroupNorm(2, 6).forward(zeros(2, 4, 5)));
  }

  @Test
  void expandAs_receiverThatDoesNotExpand() {
    fails("[shape.expand] Tensor.expandAs: cannot expand [3, 2] to [3, 4]: dim 1 = 2 is not 1"
        + " and differs from 4 (only size-1 dims expand)",
        () -> zeros(3, 2).expandAs(zeros(3, 4)));
  }

  // Constructor contracts: checker/runtime-agreement/ConstructorContractsRejected.java.

  @Test
  void constructorContracts_theRuleTheCheckerRuns_sameText() {
    fails("[shape.conv.params] Conv2d: groups (2) must be positive and divide both in (5) and"
        + " out (6) channels; choose groups among their common divisors",
        () -> new Conv2d(5, 6, 2, 2, 1, 1, 0, 0, 1, 1, 2, true));
    fails("[shape.conv.params] Conv2d: kernel must be positive, got 0",
        () -> new Conv2d(3, 4, 0));
    fails("[shape.conv.params] Conv2d: kernel must be positive, got 0",
        () -> new Conv2d(3, 4, 3, 0, 1, 1, 0, 0, 1, 1, 1, true));
    fails("[shape.conv.params] Conv2d: padding must not be negative, got -1",
        () -> new Conv2d(3, 4, 3, 1, -1));
    fails("[shape.conv.params] Conv2d: stride must be positive, got 0",
        () -> new Conv2d(3, 4, 3, 0, 0));
    fails("[shape.conv.params] Conv1d: groups (3) must be positive and divide both in (4) and"
        + " out (8) channels; choose groups among their common divisors",
        () -> new Conv1d(4, 8, 3, 1, 1, 1, 3, false));
    fails("[shape.conv.params] ConvTranspose2d: padding must not be negative, got -1",
        () -> new ConvTranspose2d(3, 4, 3, 2, -1, 0));
    fails("[shape.module.params] GroupNorm: numChannels (4) must be divisible by numGroups (5);"
        + " choose a numGroups that divides it (1 normalises all channels together)",
        () -> new GroupNorm(5, 4));
    fails("[shape.module.params] GroupNorm: numGroups must be positive, got 0",
        () -> new GroupNorm(0, 4, 1e-5, true));
    fails("[shape.module.params] MultiheadAttention: embedDim (3) must be divisible by numHeads"
        + " (4), each head taking embedDim/numHeads features; choose a numHeads that divides it",
        () -> new MultiheadAttention(3, 4));
    fails("[shape.module.params] MultiheadAttention: embedDim (100) must be divisible by numHeads"
        + " (8), each head taking embedDim/numHeads features; choose a numHeads that divides it",
        () -> new MultiheadAttention(100, 8, 0.0, true));
  }

  @Test
  void constructorContracts_accepted_build() {
    assertEquals(2, new Conv2d(4, 6, 2, 2, 1, 1, 0, 0, 1, 1, 2, true).spec().groups());
    assertArrayEquals(new long[] {1, 4, 5, 5},
        new Conv2d(3, 4, 3, 1, 1).forward(zeros(1, 3, 5, 5)).shape());
    assertArrayEquals(new long[] {2, 6, 3},
        new GroupNorm(2, 6).forward(zeros(2, 6, 3)).shape());
    assertArrayEquals(new long[] {3, 2, 8}, new MultiheadAttention(8, 4)
        .forward(zeros(3, 2, 8), zeros(5, 2, 8), zeros(5, 2, 8)).shape());
  }

  // MaxPool2d's full constructor: checker/runtime-agreement/MaxPoolFullConstructor*.java.

  @Test
  void maxPool2dFullConstructor_exactOutput_andAKernelLargerThanTheInput() {
    assertArrayEquals(new long[] {1, 3, 2, 2}, new MaxPool2d(2, 2, 2, 2, 0, 0, 1, 1, false)
        .forward(zeros(1, 3, 5, 5)).shape());
    assertArrayEquals(new long[] {1, 3, 3, 3}, new MaxPool2d(2, 2, 2, 2, 0, 0, 1, 1, true)
        .forward(zeros(1, 3, 5, 5)).shape());
    fails("[shape.conv.size] MaxPool2d.forward: input [1, 3, 3, 3] is too small: spatial dim 0"
        + " has size 3 (padded 3), smaller than the effective kernel size 4",
        () -> new MaxPool2d(4, 4, 1, 1, 0, 0, 1, 1, false).forward(zeros(1, 3, 3, 3)));
    fails("[shape.reshape.numel] Tensor.view: shape [1, 13] is invalid for input [1, 3, 2, 2]"
        + " of 12 elements",
        () -> new MaxPool2d(2, 2, 2, 2, 0, 0, 1, 1, false).forward(zeros(1, 3, 5, 5))
            .view(1, 13));
  }
}
