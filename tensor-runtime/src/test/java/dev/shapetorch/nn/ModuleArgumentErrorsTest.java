package dev.shapetorch.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shapetorch.nn.activation.ReLU;
import dev.shapetorch.nn.attention.TransformerEncoderLayer;
import dev.shapetorch.nn.containers.ModuleList;
import dev.shapetorch.nn.containers.Sequential;
import dev.shapetorch.nn.functional.F;
import dev.shapetorch.nn.functional.InterpolationMode;
import dev.shapetorch.nn.init.Init;
import dev.shapetorch.nn.linear.Flatten;
import dev.shapetorch.nn.linear.Linear;
import dev.shapetorch.nn.loss.BCEWithLogitsLoss;
import dev.shapetorch.nn.loss.HuberLoss;
import dev.shapetorch.nn.loss.MSELoss;
import dev.shapetorch.nn.recurrent.GRU;
import dev.shapetorch.nn.recurrent.LSTM;
import dev.shapetorch.nn.recurrent.RNN;
import dev.shapetorch.nn.recurrent.RecurrentOptions;
import dev.shapetorch.nn.recurrent.RecurrentSpec;
import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.MemoryFormat;
import dev.shapetorch.tensor.Reduction;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Issue 10 §6 for layers, containers, initialisers and F: a null or invalid argument gets an
 * {@link IllegalArgumentException} that starts with the op the user called and names the
 * parameter (the fuzzer found each of these as a NullPointerException or a message naming an
 * inner layer).
 */
class ModuleArgumentErrorsTest {

  @Test
  void visitChildren_nullVisitor_isNamed() {
    assertStarts("Linear.visitChildren: visitor is null", () -> new Linear(2, 3).visitChildren(null));
    assertStarts("LSTM.visitChildren: visitor is null", () -> new LSTM(2, 3).visitChildren(null));
    assertStarts("Sequential.visitChildren: visitor is null",
        () -> new Sequential(new ReLU()).visitChildren(null));
  }

  @Test
  void recurrent_badHyperparameters_areNamedByTheLayerConstructed() {
    assertStarts("LSTM: hiddenSize must be positive, got 0", () -> new LSTM(3, 0));
    assertStarts("RecurrentOptions.withNumLayers: numLayers must be positive, got 0",
        () -> new GRU(3, 4, RecurrentOptions.defaults().withNumLayers(0)));
    assertStarts("RNN: the dropout probability must be in [0, 1], got 1.5",
        () -> new RNN(3, 4, 2, "tanh", true, false, 1.5, false));
    assertStarts("RNN: nonlinearity must be \"tanh\" or \"relu\", got \"sigmoid\"",
        () -> new RNN(3, 4, 1, "sigmoid", true, false, 0.0, false));
    assertStarts("RecurrentSpec: numLayers must be positive, got 0",
        () -> new RecurrentSpec(3, 4, 0, false, false, true, 0.0));
  }

  @Test
  void losses_badOptions_areNamedByTheLoss() {
    assertStarts("HuberLoss: reduction is null", () -> new HuberLoss(null, 1.0));
    assertStarts("MSELoss: Reduction.BATCHMEAN is only defined for KLDivLoss",
        () -> new MSELoss(Reduction.BATCHMEAN));
    assertStarts("BCEWithLogitsLoss.visitChildren: visitor is null",
        () -> new BCEWithLogitsLoss().visitChildren(null));
  }

  @Test
  void moduleDefaults_nullArguments_areNamed() {
    Linear layer = new Linear(2, 3);
    assertStarts("Module.loadStateDict: state is null", () -> layer.loadStateDict(null));
    assertStarts("Module.apply: fn is null", () -> layer.apply(null));
    assertStarts("Module.to: dtype is null", () -> layer.to((DType) null));
    assertStarts("Module.to: format is null", () -> layer.to((MemoryFormat) null));
  }

  @Test
  void loadStateDict_aNullEntry_isNamedByItsKey_notTakenForAMissingOne() {
    Linear layer = new Linear(2, 3);
    Map<String, Tensor> state = new HashMap<>(layer.stateDict());
    state.put("bias", null);
    assertStarts("Module.loadStateDict: state[\"bias\"] is null",
        () -> layer.loadStateDict(state, false));
  }

  @Test
  void loadResult_rejectsNullLists() {
    assertStarts("Module.LoadResult: missingKeys is null",
        () -> new Module.LoadResult(null, List.of()));
    assertStarts("Module.LoadResult: unexpectedKeys[0] is null",
        () -> new Module.LoadResult(List.of(), Arrays.asList((String) null)));
  }

  @Test
  void containers_nullModules_areNamedWithTheirIndex() {
    assertStarts("Sequential: modules[1] is null",
        () -> new Sequential(Arrays.asList(new ReLU(), null)));
    assertStarts("Sequential: modules is null", () -> new Sequential((UnaryModule[]) null));
    assertStarts("ModuleList.of: modules[0] is null", () -> ModuleList.of((Module) null));
    assertStarts("ModuleList: modules is null", () -> new ModuleList<Module>(null));
    Map<String, UnaryModule> badName = new HashMap<>();
    badName.put("a.b", new ReLU());
    assertStarts("Sequential: modules has the name \"a.b\"", () -> new Sequential(badName));
  }

  @Test
  void transformerEncoderLayer_checksItsOwnArguments_underItsOwnNames() {
    // These used to be reported by the inner MultiheadAttention, in its parameter names.
    assertStarts("TransformerEncoderLayer: dModel must be positive, got 0",
        () -> new TransformerEncoderLayer(0, 1, 8));
    assertStarts("TransformerEncoderLayer: dModel (4) must be divisible by nhead (3)",
        () -> new TransformerEncoderLayer(4, 3, 8));
    assertStarts("TransformerEncoderLayer: dimFeedforward must be positive, got -1",
        () -> new TransformerEncoderLayer(4, 2, -1));
  }

  @Test
  void forward_aNullInput_isNamed() {
    assertStarts("Flatten.forward: input is null", () -> new Flatten().forward(null));
    assertStarts("Linear.forward: input is null", () -> new Linear(2, 3).forward(null));
  }

  @Test
  void functional_nullArguments_areNamed() {
    assertStarts("F.embedding: weight is null",
        () -> F.embedding(Torch.arange(3), null, 0));
    assertStarts("F.interpolate: input is null",
        () -> F.interpolate(null, 2.0, InterpolationMode.NEAREST, false));
    assertStarts("F.interpolate: size is null",
        () -> F.interpolate(Torch.randn(1, 1, 2, 2), null, InterpolationMode.NEAREST));
    assertStarts("F.interpolate: mode is null",
        () -> F.interpolate(Torch.randn(1, 1, 2, 2), new long[] {4, 4}, null));
  }

  @Test
  void init_nullTensor_isNamedUnderTheFunctionCalled() {
    assertStarts("Init.kaimingUniform_: tensor is null", () -> Init.kaimingUniform_(null));
    assertStarts("Init.zeros_: tensor is null", () -> Init.zeros_(null));
    assertStarts("Init.orthogonal_: tensor is null", () -> Init.orthogonal_(null));
    assertStarts("Init.kaimingNormal_: mode is null",
        () -> Init.kaimingNormal_(Torch.empty(3, 2), 0, null,
            dev.shapetorch.nn.init.Nonlinearity.RELU));
  }

  @Test
  void init_fansOfAVector_nameTheFunctionCalled() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Init.xavierUniform_(Torch.empty(7)));
    assertEquals("Init.xavierUniform_: fan in and fan out can not be computed for a tensor with"
        + " fewer than 2 dimensions (got shape [7])", e.getMessage());
  }

  private static void assertStarts(String start, Executable call) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    assertTrue(e.getMessage().startsWith(start), "expected \"" + start + "\" at the start of: "
        + e.getMessage());
  }
}
