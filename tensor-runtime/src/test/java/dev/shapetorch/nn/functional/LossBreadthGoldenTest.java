package dev.shapetorch.nn.functional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shapetorch.nn.Golden;
import dev.shapetorch.nn.loss.CTCLoss;
import dev.shapetorch.nn.loss.CosineEmbeddingLoss;
import dev.shapetorch.nn.loss.GaussianNLLLoss;
import dev.shapetorch.nn.loss.HingeEmbeddingLoss;
import dev.shapetorch.nn.loss.MarginRankingLoss;
import dev.shapetorch.nn.loss.MultiLabelMarginLoss;
import dev.shapetorch.nn.loss.MultiLabelSoftMarginLoss;
import dev.shapetorch.nn.loss.MultiMarginLoss;
import dev.shapetorch.nn.loss.PoissonNLLLoss;
import dev.shapetorch.nn.loss.SoftMarginLoss;
import dev.shapetorch.nn.loss.TripletMarginLoss;
import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.Reduction;
import dev.shapetorch.tensor.ShapeException;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 14's losses, as {@code F} functions and as modules, against PyTorch 1.13: the value for
 * each reduction and the gradients of its sum with respect to the inputs named in the fixture,
 * at PyTorch's defaults and one other setting; and the errors they raise.
 */
class LossBreadthGoldenTest {

  /** A loss of the fixture's leaves (by input name) under a reduction. */
  interface Case {
    Tensor apply(Map<String, Tensor> in, Reduction reduction);
  }

  private static final List<Reduction> USUAL =
      List.of(Reduction.MEAN, Reduction.SUM, Reduction.NONE);

  private static void check(String fixture, List<String> inputs, List<String> grads, Case loss) {
    Golden g = Golden.load(fixture);
    for (Reduction r : USUAL) {
      String name = r.name().toLowerCase(Locale.ROOT);
      Map<String, Tensor> in = new LinkedHashMap<>();
      for (String k : inputs) {
        in.put(k, grads.contains(k) ? g.leaf("in." + k) : g.tensor("in." + k));
      }
      Tensor y = loss.apply(in, r);
      g.assertClose("out." + name, y);
      y.sum().backward();
      for (String k : grads) {
        g.assertClose("grad." + k + "." + name, in.get(k).grad(), 1e-5, 1e-3);
      }
    }
  }

  /** The default form (mean) against the fixture's mean. */
  private static void checkDefault(String fixture, List<String> inputs, Case loss) {
    Golden g = Golden.load(fixture);
    Map<String, Tensor> in = new LinkedHashMap<>();
    for (String k : inputs) {
      in.put(k, g.tensor("in." + k));
    }
    g.assertClose("out.mean", loss.apply(in, Reduction.MEAN));
  }

  private static final List<String> PAIR = List.of("input1", "input2", "target");
  private static final List<String> PAIR_GRADS = List.of("input1", "input2");

  @Test
  void cosineEmbeddingLoss() {
    check("cosine_embedding_loss", PAIR, PAIR_GRADS, (in, r) -> F.cosineEmbeddingLoss(
        in.get("input1"), in.get("input2"), in.get("target"), 0.0, r));
    check("cosine_embedding_loss", PAIR, PAIR_GRADS, (in, r) -> new CosineEmbeddingLoss(0.0, r)
        .forward(in.get("input1"), in.get("input2"), in.get("target")));
    check("cosine_embedding_loss_margin", PAIR, PAIR_GRADS, (in, r) ->
        new CosineEmbeddingLoss(0.3, r).forward(in.get("input1"), in.get("input2"),
            in.get("target")));
    checkDefault("cosine_embedding_loss", PAIR, (in, r) -> F.cosineEmbeddingLoss(
        in.get("input1"), in.get("input2"), in.get("target")));
    checkDefault("cosine_embedding_loss", PAIR, (in, r) -> new CosineEmbeddingLoss()
        .forward(in.get("input1"), in.get("input2"), in.get("target")));
  }

  @Test
  void marginRankingLoss() {
    check("margin_ranking_loss", PAIR, PAIR_GRADS, (in, r) -> F.marginRankingLoss(
        in.get("input1"), in.get("input2"), in.get("target"), 0.0, r));
    check("margin_ranking_loss_margin", PAIR, PAIR_GRADS, (in, r) ->
        new MarginRankingLoss(0.5, r).forward(in.get("input1"), in.get("input2"),
            in.get("target")));
    checkDefault("margin_ranking_loss", PAIR, (in, r) -> new MarginRankingLoss()
        .forward(in.get("input1"), in.get("input2"), in.get("target")));
    checkDefault("margin_ranking_loss", PAIR, (in, r) -> F.marginRankingLoss(
        in.get("input1"), in.get("input2"), in.get("target")));
  }

  private static final List<String> TRIPLET = List.of("anchor", "positive", "negative");

  @Test
  void tripletMarginLoss() {
    check("triplet_margin_loss", TRIPLET, TRIPLET, (in, r) -> F.tripletMarginLoss(
        in.get("anchor"), in.get("positive"), in.get("negative"), 1.0, 2.0, 1e-6, false, r));
    check("triplet_margin_loss_swap", TRIPLET, TRIPLET, (in, r) ->
        new TripletMarginLoss(2.0, 1.0, 1e-3, true, r).forward(in.get("anchor"),
            in.get("positive"), in.get("negative")));
    checkDefault("triplet_margin_loss", TRIPLET, (in, r) -> new TripletMarginLoss()
        .forward(in.get("anchor"), in.get("positive"), in.get("negative")));
    checkDefault("triplet_margin_loss", TRIPLET, (in, r) -> F.tripletMarginLoss(
        in.get("anchor"), in.get("positive"), in.get("negative")));
  }

  private static final List<String> INPUT_GRAD = List.of("input");

  @Test
  void multilabelSoftMarginLoss() {
    List<String> inputs = List.of("input", "target", "weight");
    check("multilabel_soft_margin_loss", inputs, INPUT_GRAD, (in, r) ->
        F.multilabelSoftMarginLoss(in.get("input"), in.get("target"), null, r));
    check("multilabel_soft_margin_loss", inputs, INPUT_GRAD, (in, r) ->
        new MultiLabelSoftMarginLoss(null, r).forward(in.get("input"), in.get("target")));
    check("multilabel_soft_margin_loss_weight", inputs, INPUT_GRAD, (in, r) ->
        new MultiLabelSoftMarginLoss(in.get("weight"), r).forward(in.get("input"),
            in.get("target")));
    checkDefault("multilabel_soft_margin_loss", inputs, (in, r) ->
        F.multilabelSoftMarginLoss(in.get("input"), in.get("target")));
    MultiLabelSoftMarginLoss weighted =
        new MultiLabelSoftMarginLoss(Torch.ones(3), Reduction.MEAN);
    assertEquals(List.of("weight"), List.copyOf(weighted.stateDict().keySet()));
  }

  @Test
  void poissonNllLoss() {
    List<String> inputs = List.of("input", "target", "rate");
    check("poisson_nll_loss", inputs, INPUT_GRAD, (in, r) ->
        F.poissonNllLoss(in.get("input"), in.get("target"), true, false, 1e-8, r));
    check("poisson_nll_loss", inputs, INPUT_GRAD, (in, r) ->
        new PoissonNLLLoss(true, false, 1e-8, r).forward(in.get("input"), in.get("target")));
    check("poisson_nll_loss_rate_full", inputs, List.of("rate"), (in, r) ->
        new PoissonNLLLoss(false, true, 1e-4, r).forward(in.get("rate"), in.get("target")));
    checkDefault("poisson_nll_loss", inputs, (in, r) ->
        F.poissonNllLoss(in.get("input"), in.get("target")));
    checkDefault("poisson_nll_loss", inputs, (in, r) ->
        new PoissonNLLLoss().forward(in.get("input"), in.get("target")));
  }

  @Test
  void gaussianNllLoss() {
    List<String> inputs = List.of("input", "target", "var", "var_sample");
    check("gaussian_nll_loss", inputs, List.of("input", "var"), (in, r) ->
        F.gaussianNllLoss(in.get("input"), in.get("target"), in.get("var"), false, 1e-6, r));
    check("gaussian_nll_loss", inputs, List.of("input", "var"), (in, r) ->
        new GaussianNLLLoss(false, 1e-6, r).forward(in.get("input"), in.get("target"),
            in.get("var")));
    check("gaussian_nll_loss_full_sample_var", inputs, List.of("input", "var_sample"),
        (in, r) -> new GaussianNLLLoss(true, 1e-3, r).forward(in.get("input"),
            in.get("target"), in.get("var_sample")));
    checkDefault("gaussian_nll_loss", inputs, (in, r) ->
        F.gaussianNllLoss(in.get("input"), in.get("target"), in.get("var")));
    checkDefault("gaussian_nll_loss", inputs, (in, r) -> new GaussianNLLLoss()
        .forward(in.get("input"), in.get("target"), in.get("var")));
  }

  @Test
  void ctcLoss_paddedTargets_andBlank3WithZeroInfinity() {
    List<String> inputs = List.of("log_probs", "targets", "input_lengths", "target_lengths",
        "short_lengths", "targets_blank3");
    List<String> grads = List.of("log_probs");
    check("ctc_loss", inputs, grads, (in, r) -> F.ctcLoss(in.get("log_probs"),
        in.get("targets"), in.get("input_lengths"), in.get("target_lengths"), 0, r, false));
    check("ctc_loss", inputs, grads, (in, r) -> new CTCLoss(0, r, false).forward(
        in.get("log_probs"), in.get("targets"), in.get("input_lengths"),
        in.get("target_lengths")));
    check("ctc_loss_blank_zero_infinity", inputs, grads, (in, r) -> new CTCLoss(3, r, true)
        .forward(in.get("log_probs"), in.get("targets_blank3"), in.get("short_lengths"),
            Torch.fromArray(new long[] {3, 3}, 2)));
    checkDefault("ctc_loss", inputs, (in, r) -> F.ctcLoss(in.get("log_probs"),
        in.get("targets"), in.get("input_lengths"), in.get("target_lengths")));
    checkDefault("ctc_loss", inputs, (in, r) -> new CTCLoss().forward(in.get("log_probs"),
        in.get("targets"), in.get("input_lengths"), in.get("target_lengths")));
    IllegalArgumentException blank = assertThrows(IllegalArgumentException.class,
        () -> F.ctcLoss(Torch.zeros(6, 2, 4), Torch.zeros(2, 3), Torch.zeros(2),
            Torch.zeros(2), 4, Reduction.MEAN, false));
    assertTrue(blank.getMessage().startsWith("F.ctcLoss: blank 4 is not a class of logProbs"),
        blank.getMessage());
    ShapeException lengths = assertThrows(ShapeException.class,
        () -> F.ctcLoss(Torch.zeros(6, 2, 4), Torch.zeros(2, 3), Torch.zeros(3),
            Torch.zeros(2)));
    assertTrue(lengths.getMessage().contains("F.ctcLoss"), lengths.getMessage());
  }

  private static final List<String> INPUT_TARGET = List.of("input", "target");

  @Test
  void hingeEmbeddingLoss() {
    check("hinge_embedding_loss", INPUT_TARGET, INPUT_GRAD, (in, r) ->
        F.hingeEmbeddingLoss(in.get("input"), in.get("target"), 1.0, r));
    check("hinge_embedding_loss_margin", INPUT_TARGET, INPUT_GRAD, (in, r) ->
        new HingeEmbeddingLoss(0.5, r).forward(in.get("input"), in.get("target")));
    checkDefault("hinge_embedding_loss", INPUT_TARGET, (in, r) ->
        F.hingeEmbeddingLoss(in.get("input"), in.get("target")));
    checkDefault("hinge_embedding_loss", INPUT_TARGET, (in, r) ->
        new HingeEmbeddingLoss().forward(in.get("input"), in.get("target")));
  }

  @Test
  void softMarginLoss() {
    check("soft_margin_loss", INPUT_TARGET, INPUT_GRAD, (in, r) ->
        F.softMarginLoss(in.get("input"), in.get("target"), r));
    check("soft_margin_loss", INPUT_TARGET, INPUT_GRAD, (in, r) ->
        new SoftMarginLoss(r).forward(in.get("input"), in.get("target")));
    checkDefault("soft_margin_loss", INPUT_TARGET, (in, r) ->
        F.softMarginLoss(in.get("input"), in.get("target")));
    checkDefault("soft_margin_loss", INPUT_TARGET, (in, r) ->
        new SoftMarginLoss().forward(in.get("input"), in.get("target")));
  }

  @Test
  void multiMarginLoss() {
    List<String> inputs = List.of("input", "target", "weight");
    check("multi_margin_loss", inputs, INPUT_GRAD, (in, r) ->
        F.multiMarginLoss(in.get("input"), in.get("target"), 1, 1.0, null, r));
    check("multi_margin_loss_p2_weight", inputs, INPUT_GRAD, (in, r) ->
        F.multiMarginLoss(in.get("input"), in.get("target"), 2, 0.7, in.get("weight"), r));
    check("multi_margin_loss_p2_weight", inputs, INPUT_GRAD, (in, r) ->
        new MultiMarginLoss(2, 0.7, in.get("weight"), r).forward(in.get("input"),
            in.get("target")));
    checkDefault("multi_margin_loss", inputs, (in, r) ->
        F.multiMarginLoss(in.get("input"), in.get("target")));
    checkDefault("multi_margin_loss", inputs, (in, r) ->
        new MultiMarginLoss().forward(in.get("input"), in.get("target")));
    MultiMarginLoss weighted = new MultiMarginLoss(1, 1.0, Torch.ones(5), Reduction.MEAN);
    assertEquals(List.of("weight"), List.copyOf(weighted.stateDict().keySet()));
  }

  @Test
  void multilabelMarginLoss() {
    check("multilabel_margin_loss", INPUT_TARGET, INPUT_GRAD, (in, r) ->
        F.multilabelMarginLoss(in.get("input"), in.get("target"), r));
    check("multilabel_margin_loss", INPUT_TARGET, INPUT_GRAD, (in, r) ->
        new MultiLabelMarginLoss(r).forward(in.get("input"), in.get("target")));
    checkDefault("multilabel_margin_loss", INPUT_TARGET, (in, r) ->
        F.multilabelMarginLoss(in.get("input"), in.get("target")));
    checkDefault("multilabel_margin_loss", INPUT_TARGET, (in, r) ->
        new MultiLabelMarginLoss().forward(in.get("input"), in.get("target")));
  }

  @Test
  void marginLosses_refuseClassIndicesOutsideTheClasses_beforeLibtorchSeesThem() {
    Tensor scores = Torch.zeros(2, 3);
    IllegalArgumentException multi = assertThrows(IllegalArgumentException.class,
        () -> F.multiMarginLoss(scores, Torch.fromArray(new long[] {0, 3}, 2)));
    assertEquals("F.multiMarginLoss: class index 3 in target [2] is not a class of input"
        + " [2, 3]; class indices must lie in [0, 3)", multi.getMessage());
    IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
        () -> F.multiMarginLoss(scores, Torch.fromArray(new long[] {-1, 0}, 2)));
    assertTrue(negative.getMessage().startsWith("F.multiMarginLoss: class index -1"),
        negative.getMessage());
    IllegalArgumentException label = assertThrows(IllegalArgumentException.class,
        () -> F.multilabelMarginLoss(scores,
            Torch.fromArray(new long[] {0, -1, 0, 2, 1000, -1}, 2, 3)));
    assertEquals("F.multilabelMarginLoss: label 1000 in target [2, 3] is not a class of input"
        + " [2, 3]; labels must lie in [0, 3), and -1 ends a row's list", label.getMessage());
    IllegalArgumentException belowMinusOne = assertThrows(IllegalArgumentException.class,
        () -> F.multilabelMarginLoss(scores,
            Torch.fromArray(new long[] {0, -2, 0, 2, 1, -1}, 2, 3)));
    assertTrue(belowMinusOne.getMessage().startsWith("F.multilabelMarginLoss: label -2"),
        belowMinusOne.getMessage());
    // Indices after a row's -1 are ignored, as in PyTorch: row 0 is class 0 alone.
    Tensor ended = F.multilabelMarginLoss(Torch.fromArray(new double[] {2, 0, 0}, 3),
        Torch.fromArray(new long[] {0, -1, 2}, 3));
    assertEquals(0.0, ended.item(), 1e-12, "class 0 beats the others by the margin");
  }

  @Test
  void marginLosses_argumentErrors_nameTheOpAndTheFix() {
    IllegalArgumentException p = assertThrows(IllegalArgumentException.class,
        () -> F.multiMarginLoss(Torch.zeros(2, 3), Torch.zeros(2).to(DType.INT64), 3, 1.0,
            null, Reduction.MEAN));
    assertEquals("F.multiMarginLoss: p must be 1 or 2, got 3", p.getMessage());
    IllegalArgumentException module = assertThrows(IllegalArgumentException.class,
        () -> new MultiMarginLoss(0, 1.0, null, Reduction.MEAN));
    assertEquals("MultiMarginLoss: p must be 1 or 2, got 0", module.getMessage());
    IllegalArgumentException floats = assertThrows(IllegalArgumentException.class,
        () -> F.multiMarginLoss(Torch.zeros(2, 3), Torch.zeros(2)));
    assertTrue(floats.getMessage().startsWith("F.multiMarginLoss: class-index targets must be"
        + " int64, got torch.float32"), floats.getMessage());
    IllegalArgumentException weight = assertThrows(IllegalArgumentException.class,
        () -> F.multiMarginLoss(Torch.zeros(2, 3), Torch.zeros(2).to(DType.INT64), 1, 1.0,
            Torch.ones(4), Reduction.MEAN));
    assertTrue(weight.getMessage().contains("weight has shape [4] but input [2, 3] has 3"
        + " classes"), weight.getMessage());
    IllegalArgumentException rank = assertThrows(IllegalArgumentException.class,
        () -> F.multilabelMarginLoss(Torch.zeros(2, 3, 4),
            Torch.zeros(2, 3, 4).to(DType.INT64)));
    assertTrue(rank.getMessage().startsWith("F.multilabelMarginLoss: input [2, 3, 4] must be"),
        rank.getMessage());
    ShapeException same = assertThrows(ShapeException.class,
        () -> F.hingeEmbeddingLoss(Torch.zeros(4, 1), Torch.ones(4)));
    assertEquals("shape.mismatch.loss.same", same.key());
    assertTrue(same.getMessage().contains("F.hingeEmbeddingLoss"), same.getMessage());
    ShapeException layer = assertThrows(ShapeException.class,
        () -> new SoftMarginLoss().forward(Torch.zeros(3), Torch.ones(4)));
    assertTrue(layer.getMessage().contains("SoftMarginLoss.forward"), layer.getMessage());
    ShapeException labels = assertThrows(ShapeException.class,
        () -> F.multilabelMarginLoss(Torch.zeros(2, 3), Torch.zeros(2, 4).to(DType.INT64)));
    assertTrue(labels.getMessage().contains("F.multilabelMarginLoss"), labels.getMessage());
  }

  @Test
  void errors_nameTheOpTheShapesAndWhatToDo() {
    ShapeException same = assertThrows(ShapeException.class,
        () -> F.poissonNllLoss(Torch.zeros(4, 1), Torch.zeros(4)));
    assertEquals("shape.mismatch.loss.same", same.key());
    assertTrue(same.getMessage().contains("F.poissonNllLoss"), same.getMessage());
    ShapeException var = assertThrows(ShapeException.class,
        () -> F.gaussianNllLoss(Torch.zeros(4, 3), Torch.zeros(4, 3), Torch.ones(3)));
    assertTrue(var.getMessage().contains("F.gaussianNllLoss"), var.getMessage());
    assertTrue(var.getMessage().contains("var [3]"), var.getMessage());
    IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
        () -> F.gaussianNllLoss(Torch.zeros(2), Torch.zeros(2), Torch.full(new long[] {2},
            -1.0)));
    assertTrue(negative.getMessage().startsWith("F.gaussianNllLoss: var has a negative"),
        negative.getMessage());
    ShapeException pair = assertThrows(ShapeException.class,
        () -> F.cosineEmbeddingLoss(Torch.zeros(5, 4), Torch.zeros(5, 3), Torch.ones(5)));
    assertTrue(pair.getMessage().contains("F.cosineEmbeddingLoss"), pair.getMessage());
    IllegalArgumentException rank = assertThrows(IllegalArgumentException.class,
        () -> F.tripletMarginLoss(Torch.zeros(2, 5, 4), Torch.zeros(2, 5, 4),
            Torch.zeros(2, 5, 4)));
    assertTrue(rank.getMessage().startsWith("F.tripletMarginLoss: anchor [2, 5, 4]"),
        rank.getMessage());
    ShapeException module = assertThrows(ShapeException.class,
        () -> new MarginRankingLoss().forward(Torch.zeros(3), Torch.zeros(4), Torch.ones(3)));
    assertTrue(module.getMessage().contains("MarginRankingLoss.forward"), module.getMessage());
    IllegalArgumentException batchmean = assertThrows(IllegalArgumentException.class,
        () -> new TripletMarginLoss(1.0, 2.0, 1e-6, false, Reduction.BATCHMEAN));
    assertTrue(batchmean.getMessage().startsWith("TripletMarginLoss: "), batchmean.getMessage());
    ShapeException labels = assertThrows(ShapeException.class,
        () -> F.multilabelSoftMarginLoss(Torch.zeros(4, 3), Torch.zeros(4, 2)));
    assertTrue(labels.getMessage().contains("F.multilabelSoftMarginLoss"), labels.getMessage());
  }
}
