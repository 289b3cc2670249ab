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

  private static void assertStarts(String start, Executable call) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    assertTrue(e.getMessage().startsWith(start), "expected \"" + start + "\" at the start of: "
        + e.getMessage());
  }
}
