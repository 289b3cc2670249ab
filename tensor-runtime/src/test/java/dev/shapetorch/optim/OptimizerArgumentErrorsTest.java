package dev.shapetorch.optim;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shapetorch.nn.Parameter;
import dev.shapetorch.nn.linear.Linear;
import dev.shapetorch.optim.lr.LRScheduler;
import dev.shapetorch.optim.lr.OneCycleLR;
import dev.shapetorch.optim.lr.ReduceLROnPlateau;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Issue 10 §6 for optimizers and schedulers: a null or invalid argument gets an {@link
 * IllegalArgumentException} that starts with the op the user called ({@code SGD}, not the
 * {@code ParamGroup} it builds inside) and names the parameter, or the element of a list.
 */
class OptimizerArgumentErrorsTest {

  private final List<Parameter> params = new Linear(2, 3).parameters();

  @Test
  void constructors_nullOrEmptyParams_areNamedUnderTheOptimizer() {
    assertStarts("SGD: params is null", () -> new SGD(null, SGDOptions.lr(0.1)));
    assertStarts("Adam: params[1] is null",
        () -> new Adam(Arrays.asList(params.get(0), null), AdamOptions.lr(0.1)));
    assertStarts("SGD: params is empty; a parameter group needs at least one parameter",
        () -> new SGD(List.of(), SGDOptions.lr(0.1)));
    assertStarts("SGD: options is null", () -> new SGD(params, null));
  }

  @Test
  void aParameterListedTwice_isNamedByBothIndices() {
    assertStarts("Adam: params[1] is params[0] again",
        () -> new Adam(List.of(params.get(0), params.get(0)), AdamOptions.lr(0.1)));
  }

  @Test
  void ofGroups_nullGroups_isNamed() {
    assertStarts("SGD.ofGroups: groups is null", () -> SGD.ofGroups(null));
    assertStarts("Adam.ofGroups: groups[0] is null",
        () -> Adam.ofGroups(Arrays.asList((ParamGroup<AdamOptions>) null)));
  }

  @Test
  void paramGroup_calledDirectly_namesItself() {
    assertStarts("ParamGroup: params is empty",
        () -> new ParamGroup<>(List.of(), SGDOptions.lr(0.1)));
  }

  @Test
  void schedulers_nullArguments_areNamed() {
    SGD sgd = new SGD(params, SGDOptions.lr(0.1).withMomentum(0.9));
    assertStarts("OneCycleLR: optimizer is null",
        () -> new OneCycleLR(null, OneCycleLR.Options.maxLr(1.0).withTotalSteps(10)));
    assertStarts("OneCycleLR: options is null", () -> new OneCycleLR(sgd, null));
    assertStarts("OneCycleLR.Options.maxLr: maxLr is null",
        () -> OneCycleLR.Options.maxLr((double[]) null));
    assertStarts("ReduceLROnPlateau.Options.withMinLr: m is null",
        () -> ReduceLROnPlateau.Options.DEFAULTS.withMinLr((double[]) null));
  }

  @Test
  void schedulerStates_rejectNullArrays() {
    assertStarts("LRScheduler.State: baseLrs is null",
        () -> new LRScheduler.State(0, 1, null, new double[] {0.1}));
    assertStarts("ReduceLROnPlateau.State: lastLr is null",
        () -> new ReduceLROnPlateau.State(1.0, 0, 0, 0, null));
  }

  @Test
  void oneCycle_epochsTimesStepsBeyondAnInt_isRefused_notAnOverflow() {
    assertStarts("OneCycleLR: 2147483647 epochs of 2 steps make more than 2147483647 total steps",
        () -> OneCycleLR.Options.maxLr(1.0).withEpochs(Integer.MAX_VALUE, 2));
  }

  @Test
  void newOptimizers_invalidHyperparameters_nameTheOptimizerAndTheValue() {
    assertStarts("Adadelta: invalid learning rate value: -1.0 (must be >= 0)",
        () -> AdadeltaOptions.lr(-1));
    assertStarts("Adadelta: invalid rho value: 1.5 (must be in [0, 1])",
        () -> AdadeltaOptions.DEFAULTS.withRho(1.5));
    assertStarts("Adadelta: invalid rho value: -0.1 (must be in [0, 1])",
        () -> AdadeltaOptions.DEFAULTS.withRho(-0.1));
    assertStarts("Adadelta: invalid epsilon value: -1.0E-6 (must be >= 0)",
        () -> AdadeltaOptions.DEFAULTS.withEps(-1e-6));
    assertStarts("Adadelta: invalid weight_decay value: -0.1 (must be >= 0)",
        () -> AdadeltaOptions.DEFAULTS.withWeightDecay(-0.1));
    assertStarts("Adamax: invalid learning rate value: -0.002 (must be >= 0)",
        () -> AdamaxOptions.lr(-0.002));
    assertStarts("Adamax: invalid beta parameter: 1.0 (must be in [0, 1))",
        () -> AdamaxOptions.DEFAULTS.withBetas(0.9, 1.0));
    assertStarts("Adamax: invalid epsilon value: -1.0 (must be >= 0)",
        () -> AdamaxOptions.DEFAULTS.withEps(-1));
    assertStarts("NAdam: invalid beta parameter: -0.5 (must be in [0, 1))",
        () -> NAdamOptions.DEFAULTS.withBetas(-0.5, 0.999));
    assertStarts("NAdam: invalid momentum_decay value: -0.004 (must be >= 0)",
        () -> NAdamOptions.DEFAULTS.withMomentumDecay(-4e-3));
    assertStarts("NAdam: invalid epsilon value: -1.0E-8 (must be >= 0)",
        () -> NAdamOptions.DEFAULTS.withEps(-1e-8));
    assertStarts("RAdam: invalid learning rate value: -0.001 (must be >= 0)",
        () -> RAdamOptions.lr(-1e-3));
    assertStarts("RAdam: invalid beta parameter: 1.5 (must be in [0, 1))",
        () -> RAdamOptions.DEFAULTS.withBetas(1.5, 0.999));
    assertStarts("RAdam: invalid weight_decay value: -1.0 (must be >= 0)",
        () -> RAdamOptions.DEFAULTS.withWeightDecay(-1));
    assertStarts("ASGD: invalid learning rate value: -0.01 (must be >= 0)",
        () -> ASGDOptions.lr(-0.01));
    assertStarts("ASGD: invalid weight_decay value: -0.1 (must be >= 0)",
        () -> ASGDOptions.DEFAULTS.withWeightDecay(-0.1));
    assertStarts("Rprop: invalid learning rate value: -1.0 (must be >= 0)",
        () -> RpropOptions.lr(-1));
    assertStarts("Rprop: invalid eta values: 1.5, 1.2 (must be 0 < etaMinus < 1 < etaPlus",
        () -> RpropOptions.DEFAULTS.withEtas(1.5, 1.2));
    assertStarts("Rprop: invalid eta values: 0.0, 1.2 (must be 0 < etaMinus < 1 < etaPlus",
        () -> RpropOptions.DEFAULTS.withEtas(0, 1.2));
    assertStarts("Rprop: invalid eta values: 0.5, 1.0 (must be 0 < etaMinus < 1 < etaPlus",
        () -> RpropOptions.DEFAULTS.withEtas(0.5, 1.0));
    assertStarts("LBFGS: invalid learning rate value: -1.0 (must be >= 0)",
        () -> LBFGSOptions.lr(-1));
    assertStarts("LBFGS: invalid max_iter value: 0 (must be >= 1)",
        () -> LBFGSOptions.DEFAULTS.withMaxIter(0));
    assertStarts("LBFGS: invalid max_eval value: -3 (must be >= 1)",
        () -> LBFGSOptions.DEFAULTS.withMaxEval(-3));
    assertStarts("LBFGS: invalid history_size value: 0 (must be >= 1)",
        () -> LBFGSOptions.DEFAULTS.withHistorySize(0));
    assertStarts("LBFGS: invalid tolerance_grad value: -1.0E-7 (must be >= 0)",
        () -> LBFGSOptions.DEFAULTS.withToleranceGrad(-1e-7));
    assertStarts("LBFGSOptions.withLineSearchFn: newLineSearchFn is null",
        () -> LBFGSOptions.DEFAULTS.withLineSearchFn(null));
  }

  @Test
  void lbfgs_withoutAClosure_orASecondGroup_isRefused() {
    LBFGS lbfgs = new LBFGS(params, LBFGSOptions.DEFAULTS);
    UnsupportedOperationException e =
        assertThrows(UnsupportedOperationException.class, lbfgs::step);
    assertTrue(e.getMessage().startsWith("LBFGS.step: LBFGS needs a closure"), e.getMessage());
    assertStarts("LBFGS.step: closure is null",
        () -> lbfgs.step((java.util.function.DoubleSupplier) null));
    assertStarts("LBFGS.addParamGroup: LBFGS supports one parameter group only",
        () -> lbfgs.addParamGroup(new ParamGroup<>(new Linear(1, 1).parameters(),
            LBFGSOptions.DEFAULTS)));
  }

  private static void assertStarts(String start, Executable call) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    assertTrue(e.getMessage().startsWith(start), "expected \"" + start + "\" at the start of: "
        + e.getMessage());
  }
}
