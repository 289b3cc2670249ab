package dev.shapetorch.nn.utils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shapetorch.nn.Golden;
import dev.shapetorch.nn.Module;
import dev.shapetorch.nn.Parameter;
import dev.shapetorch.nn.conv.Conv1d;
import dev.shapetorch.nn.conv.Conv2d;
import dev.shapetorch.nn.linear.Linear;
import dev.shapetorch.optim.SGD;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Weight norm, spectral norm and pruning against PyTorch 1.13 (nn_reparam_golden.py): the
 * state dict after the reparametrization (names, order and the initial values that weight norm
 * computes), one forward, the gradients of the input and of the new parameters, the buffers a
 * training forward of spectral norm updates, and its evaluation forward.
 */
class ReparametrizationGoldenTest {

  /** Loads {@code before.*}, reparametrizes, checks or loads {@code state.*}, runs a forward. */
  private static <M extends Module> Golden run(String fixture, M module,
      UnaryOperator<M> reparametrize, boolean stateIsRandom) {
    Golden g = Golden.load(fixture);
    Map<String, Tensor> before = new java.util.LinkedHashMap<>();
    for (String k : List.of("weight", "bias")) {
      before.put(k, g.tensor("before." + k));
    }
    module.loadStateDict(before);
    reparametrize.apply(module);
    Map<String, Tensor> state = module.stateDict();
    assertEquals(List.copyOf(g.state().keySet()), List.copyOf(state.keySet()),
        fixture + ": PyTorch's state-dict names and order");
    if (stateIsRandom) {
      module.loadStateDict(g.state());
    } else {
      for (var e : g.state().entrySet()) {
        g.assertClose("state." + e.getKey(), state.get(e.getKey()));
      }
    }
    Tensor x = g.leaf("in.x");
    Tensor y = ((dev.shapetorch.nn.UnaryModule) module).forward(x);
    g.assertClose("out.y", y);
    y.sum().backward();
    g.assertClose("grad.x", x.grad());
    g.assertParameterGrads(module);
    return g;
  }

  @Test
  void weightNorm_linear_dim0_initialValuesForwardAndGradients() {
    Linear fc = new Linear(5, 4);
    run("reparam_weight_norm_linear", fc, m -> WeightNorm.weightNorm(m), false);
    assertEquals(List.of("bias", "weight_g", "weight_v"), List.copyOf(fc.namedParameters().keySet()));
    assertTrue(fc.weight().isComputed());
  }

  @Test
  void weightNorm_dim1_andWholeTensor() {
    run("reparam_weight_norm_linear_dim1", new Linear(5, 4), m -> WeightNorm.weightNorm(m, "weight", 1), false);
    Golden g = run("reparam_weight_norm_conv1d_whole", new Conv1d(2, 3, 3),
        m -> WeightNorm.weightNorm(m, "weight", -1), false);
    assertEquals(0, g.tensor("state.weight_g").dim(), "dim -1: g is a scalar, as dim=None");
  }

  @Test
  void removeWeightNorm_keepsTheComputedWeightAsAPlainParameter() {
    Linear fc = WeightNorm.weightNorm(new Linear(5, 4));
    Tensor x = Torch.randn(2, 5);
    Tensor before = fc.forward(x).detach();
    WeightNorm.removeWeightNorm(fc);
    assertEquals(List.of("weight", "bias"), List.copyOf(fc.namedParameters().keySet()));
    assertFalse(fc.weight().isComputed());
    assertTrue(fc.forward(x).allclose(before, 1e-5, 1e-6));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> WeightNorm.removeWeightNorm(fc));
    assertEquals("WeightNorm.removeWeightNorm: weight_norm of 'weight' not found in Linear", e.getMessage());
  }

  @Test
  void spectralNorm_trainingForwardUpdatesTheVectors_evalUsesThem() {
    Linear fc = new Linear(5, 4);
    Golden g = run("reparam_spectral_norm_linear", fc, m -> SpectralNorm.spectralNorm(m), true);
    g.assertClose("after.weight_u", fc.stateDict().get("weight_u"));
    g.assertClose("after.weight_v", fc.stateDict().get("weight_v"));
    g.assertClose("weight", fc.weight().get());
    fc.eval();
    try (var ng = Torch.noGrad()) {
      g.assertClose("out.eval", fc.forward(g.tensor("in.x")));
    }
  }

  @Test
  void spectralNorm_conv2d_threeIterations() {
    Conv2d conv = new Conv2d(2, 3, 2);
    Golden g = run("reparam_spectral_norm_conv2d", conv,
        m -> SpectralNorm.spectralNorm(m, 3), true);
    g.assertClose("after.weight_u", conv.stateDict().get("weight_u"));
    g.assertClose("after.weight_v", conv.stateDict().get("weight_v"));
    conv.eval();
    try (var ng = Torch.noGrad()) {
      g.assertClose("out.eval", conv.forward(g.tensor("in.x")));
    }
  }

  @Test
  void l1Unstructured_masksTheSmallestWeights() {
    Linear fc = new Linear(5, 4);
    Golden g = run("reparam_prune_l1", fc, m -> Prune.l1Unstructured(m, "weight", 0.3), false);
    g.assertClose("weight", fc.weight().get());
    assertTrue(Prune.isPruned(fc));
  }

  @Test
  void l1Unstructured_twice_prunesAmongTheRemaining() {
    Linear fc = new Linear(5, 4);
    Golden g = run("reparam_prune_l1_twice", fc, m -> {
      Prune.l1Unstructured(m, "weight", 0.3);
      return Prune.l1Unstructured(m, "weight", 5);
    }, false);
    g.assertClose("weight", fc.weight().get());
    assertEquals(6 + 5, 20 - (long) fc.stateDict().get("weight_mask").sum().item());
  }

  @Test
  void lnStructured_alongTwoDims() {
    Conv2d conv = new Conv2d(2, 4, 2);
    Golden g = run("reparam_prune_ln_structured", conv, m -> {
      Prune.lnStructured(m, "weight", 0.5, 2, 0);
      return Prune.lnStructured(m, "weight", 1, 1, 1);
    }, false);
    g.assertClose("weight", conv.weight().get());
  }

  @Test
  void globalUnstructured_overTwoLayers() {
    Golden g = Golden.load("reparam_prune_global");
    Linear a = new Linear(4, 3);
    Linear b = new Linear(3, 2);
    a.weight().set(g.tensor("before.a.weight"));
    b.weight().set(g.tensor("before.b.weight"));
    Prune.l1Unstructured(a, "weight", 2);
    g.assertClose("a.mask_first", a.stateDict().get("weight_mask"));
    Prune.globalUnstructured(List.of(new Prune.Target(a, "weight"), new Prune.Target(b, "weight")),
        Prune.GlobalMethod.L1, 0.5);
    g.assertClose("a.weight_mask", a.stateDict().get("weight_mask"));
    g.assertClose("b.weight_mask", b.stateDict().get("weight_mask"));
  }

  @Test
  void remove_makesPruningPermanent_andPrunedEntriesStayZeroThroughTraining() {
    Torch.manualSeed(7);
    Linear fc = Prune.randomUnstructured(new Linear(6, 3), "weight", 0.5);
    Tensor mask = fc.stateDict().get("weight_mask").clone();
    assertEquals(9.0, mask.sum().item(), "half of 18, rounded half to even");
    SGD sgd = new SGD(fc.parameters(), dev.shapetorch.optim.SGDOptions.lr(0.5));
    for (int i = 0; i < 3; i++) {
      sgd.zeroGrad();
      fc.forward(Torch.randn(4, 6)).pow(2).sum().backward();
      sgd.step();
    }
    Tensor pruned = fc.weight().get().detach().mul(mask.logicalNot().to(mask.dtype()));
    assertEquals(0.0, pruned.abs().sum().item(), "pruned entries stay zero");
    Prune.remove(fc, "weight");
    assertEquals(List.of("weight", "bias"), List.copyOf(fc.stateDict().keySet()));
    assertFalse(Prune.isPruned(fc));
    assertEquals(0.0, fc.weight().get().mul(mask.logicalNot().to(mask.dtype())).abs().sum()
        .item());
  }

  @Test
  void badInput_isRefusedWithPyTorchsMessages_andChangesNothing() {
    Linear fc = new Linear(3, 2);
    IllegalArgumentException amount = assertThrows(IllegalArgumentException.class,
        () -> Prune.l1Unstructured(fc, "weight", 1.5));
    assertEquals("Prune.l1Unstructured: amount=1.5 should either be a float in the range [0, 1]"
        + " or a non-negative integer", amount.getMessage());
    IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class,
        () -> Prune.l1Unstructured(fc, "weight", 7));
    assertEquals("Prune.l1Unstructured: amount=7 should be smaller than the number of parameters to"
        + " prune=6", tooMany.getMessage());
    assertEquals(List.of("weight", "bias"), List.copyOf(fc.stateDict().keySet()),
        "a refused call leaves the module as it was");
    IllegalArgumentException noSuch = assertThrows(IllegalArgumentException.class,
        () -> WeightNorm.weightNorm(fc, "kernel", 0));
    assertTrue(noSuch.getMessage().contains("Linear has no parameter \"kernel\""),
        noSuch.getMessage());
    WeightNorm.weightNorm(fc);
    IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
        () -> SpectralNorm.spectralNorm(fc));
    assertTrue(twice.getMessage().contains("already reparametrized by weight_norm(dim=0)"),
        twice.getMessage());
    IllegalArgumentException notPruned = assertThrows(IllegalArgumentException.class,
        () -> Prune.remove(fc, "weight"));
    assertEquals("Prune.remove: parameter 'weight' of module Linear has to be pruned before pruning"
        + " can be removed", notPruned.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> SpectralNorm.spectralNorm(new Linear(3, 2), "weight", 0, 1e-12, 0));
    assertThrows(IllegalArgumentException.class,
        () -> WeightNorm.weightNorm(new Linear(3, 2), "weight", 2));
    Parameter bias = fc.bias();
    assertNull(fc.reparametrization("bias"));
    assertFalse(bias.isComputed());
  }

  @Test
  void pruning_keepsTheLeaf_soOptimizersBuiltBeforeOrDuringItKeepTraining() {
    Linear fc = new Linear(3, 2);
    SGD before = new SGD(fc.parameters(), dev.shapetorch.optim.SGDOptions.lr(0.1));
    Prune.l1Unstructured(fc, "weight", 0.5);
    assertTrue(fc.stateDict().get("weight_orig") != null);
    Tensor orig0 = fc.stateDict().get("weight_orig").clone();
    fc.forward(Torch.randn(2, 3)).sum().backward();
    before.step();
    Tensor orig1 = fc.stateDict().get("weight_orig").clone();
    assertFalse(orig1.equal(orig0), "an optimizer built before pruning trains weight_orig");
    SGD during = new SGD(fc.parameters(), dev.shapetorch.optim.SGDOptions.lr(0.1));
    Prune.remove(fc, "weight");
    fc.zeroGrad();
    fc.forward(Torch.randn(2, 3)).sum().backward();
    Tensor w0 = fc.weight().get().clone();
    during.step();
    assertFalse(fc.weight().get().equal(w0),
        "after remove, an optimizer built while pruned still trains the weight");
  }

  @Test
  void weightNorm_anOptimizerBuiltBefore_refusesToStep_ratherThanStopTraining() {
    Linear fc = new Linear(3, 2);
    SGD early = new SGD(fc.parameters(), dev.shapetorch.optim.SGDOptions.lr(0.1));
    WeightNorm.weightNorm(fc);
    fc.forward(Torch.randn(2, 3)).sum().backward();
    IllegalStateException e = assertThrows(IllegalStateException.class, early::step);
    assertTrue(e.getMessage().startsWith("SGD.step: a parameter of group 0 (shape [2, 3]) is now"
        + " computed by a reparametrization of its module (weight norm)"), e.getMessage());
    SGD late = new SGD(fc.parameters(), dev.shapetorch.optim.SGDOptions.lr(0.1));
    Tensor before = fc.stateDict().get("weight_v").clone();
    late.step();
    assertFalse(fc.stateDict().get("weight_v").equal(before), "weight_v trains");
  }
}
