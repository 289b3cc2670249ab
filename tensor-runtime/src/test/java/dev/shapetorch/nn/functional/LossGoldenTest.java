package dev.shapetorch.nn.functional;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.shapetorch.nn.Golden;
import dev.shapetorch.nn.loss.BCELoss;
import dev.shapetorch.nn.loss.BCEWithLogitsLoss;
import dev.shapetorch.nn.loss.CrossEntropyLoss;
import dev.shapetorch.nn.loss.HuberLoss;
import dev.shapetorch.nn.loss.KLDivLoss;
import dev.shapetorch.nn.loss.L1Loss;
import dev.shapetorch.nn.loss.Loss;
import dev.shapetorch.nn.loss.MSELoss;
import dev.shapetorch.nn.loss.NLLLoss;
import dev.shapetorch.nn.loss.SmoothL1Loss;
import dev.shapetorch.tensor.Reduction;
import dev.shapetorch.tensor.Tensor;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Every loss, as an {@code F} function and as a module, against PyTorch 1.13: the value for
 * each reduction and the gradient of its sum with respect to the input.
 */
class LossGoldenTest {

  /** A loss under test: the fixture's tensors and a reduction give the loss. */
  interface Case {
    Tensor apply(Golden g, Tensor input, Tensor target, Reduction reduction);
  }

  private static final List<Reduction> USUAL = List.of(Reduction.MEAN, Reduction.SUM, Reduction.NONE);

  private static void check(String fixture, Case loss) {
    check(fixture, USUAL, loss);
  }

  private static void check(String fixture, List<Reduction> reductions, Case loss) {
    Golden g = Golden.load(fixture);
    for (Reduction r : reductions) {
      String name = r.name().toLowerCase(java.util.Locale.ROOT);
      Tensor input = g.leaf("in.input");
      Tensor y = loss.apply(g, input, g.tensor("in.target"), r);
      g.assertClose("out." + name, y);
      y.sum().backward();
      g.assertClose("grad." + name, input.grad());
    }
  }

  /** The module built for each reduction, checked like the function. */
  private static void checkModule(String fixture, Function<Reduction, Loss> module) {
    check(fixture, (g, x, t, r) -> {
      Loss l = module.apply(r);
      assertEquals(r, l.reduction());
      return l.forward(x, t);
    });
  }

  @Test
  void mseLoss() {
    check("mse_loss", (g, x, t, r) -> F.mseLoss(x, t, r));
    checkModule("mse_loss", MSELoss::new);
    Golden g = Golden.load("mse_loss");
    g.assertClose("out.mean", F.mseLoss(g.tensor("in.input"), g.tensor("in.target")));
  }

  @Test
  void l1Loss() {
    check("l1_loss", (g, x, t, r) -> F.l1Loss(x, t, r));
    checkModule("l1_loss", L1Loss::new);
  }

  @Test
  void smoothL1Loss_withBeta() {
    check("smooth_l1_loss", (g, x, t, r) -> F.smoothL1Loss(x, t, r, 0.5));
    checkModule("smooth_l1_loss", r -> new SmoothL1Loss(r, 0.5));
  }

  @Test
  void huberLoss_withDelta() {
    check("huber_loss", (g, x, t, r) -> F.huberLoss(x, t, r, 0.7));
    checkModule("huber_loss", r -> new HuberLoss(r, 0.7));
  }

  @Test
  void crossEntropy_classIndices() {
    check("cross_entropy", (g, x, t, r) -> F.crossEntropy(x, t, r));
    checkModule("cross_entropy",
        r -> new CrossEntropyLoss(null, F.DEFAULT_IGNORE_INDEX, r, 0.0));
    Golden g = Golden.load("cross_entropy");
    g.assertClose("out.mean", F.crossEntropy(g.tensor("in.input"), g.tensor("in.target")));
  }

  @Test
  void crossEntropy_classWeightsAndIgnoredClass() {
    check("cross_entropy_weight_ignore",
        (g, x, t, r) -> F.crossEntropy(x, t, g.tensor("in.weight"), 3, r, 0.0));
    checkModule("cross_entropy_weight_ignore", r -> new CrossEntropyLoss(
        Golden.load("cross_entropy_weight_ignore").tensor("in.weight"), 3, r, 0.0));
  }

  @Test
  void crossEntropy_labelSmoothingWithWeights() {
    check("cross_entropy_smoothing", (g, x, t, r) -> F.crossEntropy(x, t, g.tensor("in.weight"),
        F.DEFAULT_IGNORE_INDEX, r, 0.2));
  }

  @Test
  void crossEntropy_probabilityTargets() {
    check("cross_entropy_probs",
        (g, x, t, r) -> F.crossEntropy(x, t, null, F.DEFAULT_IGNORE_INDEX, r, 0.1));
  }

  @Test
  void crossEntropy_perPositionTargets() {
    check("cross_entropy_kdim", (g, x, t, r) -> F.crossEntropy(x, t, r));
  }

  @Test
  void nllLoss() {
    check("nll_loss", (g, x, t, r) -> F.nllLoss(x, t, r));
    checkModule("nll_loss", r -> new NLLLoss(null, F.DEFAULT_IGNORE_INDEX, r));
  }

  @Test
  void nllLoss_classWeightsAndIgnoredClass() {
    check("nll_loss_weight_ignore",
        (g, x, t, r) -> F.nllLoss(x, t, g.tensor("in.weight"), 0, r));
  }

  @Test
  void binaryCrossEntropy() {
    check("binary_cross_entropy", (g, x, t, r) -> F.binaryCrossEntropy(x, t, r));
    checkModule("binary_cross_entropy", r -> new BCELoss(null, r));
  }

  @Test
  void binaryCrossEntropy_weighted() {
    check("binary_cross_entropy_weight",
        (g, x, t, r) -> F.binaryCrossEntropy(x, t, g.tensor("in.weight"), r));
  }

  @Test
  void binaryCrossEntropyWithLogits() {
    check("bce_with_logits", (g, x, t, r) -> F.binaryCrossEntropyWithLogits(x, t, r));
    checkModule("bce_with_logits", r -> new BCEWithLogitsLoss(null, r, null));
  }

  @Test
  void binaryCrossEntropyWithLogits_weightAndPositiveWeight() {
    check("bce_with_logits_pos_weight", (g, x, t, r) -> F.binaryCrossEntropyWithLogits(x, t,
        g.tensor("in.weight"), g.tensor("in.pos_weight"), r));
    Golden g = Golden.load("bce_with_logits_pos_weight");
    checkModule("bce_with_logits_pos_weight",
        r -> new BCEWithLogitsLoss(g.tensor("in.weight"), r, g.tensor("in.pos_weight")));
  }

  @Test
  void klDiv_everyReductionIncludingBatchMean() {
    List<Reduction> all = List.of(Reduction.MEAN, Reduction.SUM, Reduction.NONE,
        Reduction.BATCHMEAN);
    check("kl_div", all, (g, x, t, r) -> F.klDiv(x, t, r));
    check("kl_div", all, (g, x, t, r) -> new KLDivLoss(r, false).forward(x, t));
  }

  @Test
  void klDiv_logTarget() {
    List<Reduction> all = List.of(Reduction.MEAN, Reduction.SUM, Reduction.NONE,
        Reduction.BATCHMEAN);
    check("kl_div_log_target", all, (g, x, t, r) -> F.klDiv(x, t, r, true));
  }
}
