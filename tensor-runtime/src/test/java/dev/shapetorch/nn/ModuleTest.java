package dev.shapetorch.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shapetorch.nn.activation.ReLU;
import dev.shapetorch.nn.activation.Tanh;
import dev.shapetorch.nn.containers.ModuleList;
import dev.shapetorch.nn.containers.Sequential;
import dev.shapetorch.nn.conv.Conv2d;
import dev.shapetorch.nn.linear.Linear;
import dev.shapetorch.nn.loss.BCEWithLogitsLoss;
import dev.shapetorch.nn.loss.CrossEntropyLoss;
import dev.shapetorch.nn.loss.MSELoss;
import dev.shapetorch.nn.normalization.BatchNorm1d;
import dev.shapetorch.nn.normalization.BatchNorm2d;
import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.Reduction;
import dev.shapetorch.tensor.ShapeException;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.TensorScope;
import dev.shapetorch.tensor.Torch;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Module contract: names and order as PyTorch's, state dicts, modes, moving and casting,
 * gradients.
 */
class ModuleTest {

  /** LeNet-5 with the layer names PyTorch tutorials use. */
  record LeNet(Conv2d conv1, Conv2d conv2, Linear fc1, Linear fc2, Linear fc3)
      implements Module {
    LeNet() {
      this(new Conv2d(1, 6, 5, 1, 2), new Conv2d(6, 16, 5), new Linear(16 * 5 * 5, 120),
          new Linear(120, 84), new Linear(84, 10));
    }

    @Override
    public void visitChildren(ModuleVisitor v) {
      v.module("conv1", conv1);
      v.module("conv2", conv2);
      v.module("fc1", fc1);
      v.module("fc2", fc2);
      v.module("fc3", fc3);
    }

    Tensor forward(Tensor x) {
      Tensor h = F2.maxPool(F2.relu(conv1.forward(x)));
      h = F2.maxPool(F2.relu(conv2.forward(h)));
      h = h.flatten(1, -1);
      return fc3.forward(F2.relu(fc2.forward(F2.relu(fc1.forward(h)))));
    }
  }

  /** Short names for the functional calls LeNet uses. */
  static final class F2 {
    static Tensor relu(Tensor x) {
      return dev.shapetorch.nn.functional.F.relu(x);
    }

    static Tensor maxPool(Tensor x) {
      return dev.shapetorch.nn.functional.F.maxPool2d(x, 2);
    }
  }

  record Block(Conv2d conv, BatchNorm2d bn) implements Module {
    Block() {
      this(new Conv2d(3, 3, 3), new BatchNorm2d(3));
    }

    @Override
    public void visitChildren(ModuleVisitor v) {
      v.module("conv", conv);
      v.module("bn", bn);
    }
  }

  /** Registration order as in the Python model: stem, blocks, scale, head, steps. */
  record Nested(Sequential stem, ModuleList<Block> blocks, Parameter scale, Linear head,
      Buffer steps) implements Module {
    Nested() {
      this(new Sequential(new Conv2d(1, 3, 3), new ReLU(), new BatchNorm2d(3)),
          ModuleList.of(new Block(), new Block()), new Parameter(Torch.ones(1)),
          new Linear(3, 2), new Buffer(Torch.zeros(1)));
    }

    @Override
    public void visitChildren(ModuleVisitor v) {
      v.module("stem", stem);
      v.module("blocks", blocks);
      v.parameter("scale", scale);
      v.module("head", head);
      v.buffer("steps", steps);
    }
  }

  private static Map<String, List<String>> pytorchNames() throws IOException {
    Map<String, List<String>> out = new HashMap<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        ModuleTest.class.getResourceAsStream("/golden/nn/names.txt"), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String[] f = line.split("\t");
        List<String> names = new ArrayList<>();
        for (String n : f[1].split(" ")) {
          names.add(n.equals("<root>") ? "" : n);
        }
        out.put(f[0], names);
      }
    }
    return out;
  }

  @Test
  void lenet_namesAndOrderEqualPyTorchs() throws IOException {
    Map<String, List<String>> py = pytorchNames();
    LeNet net = new LeNet();
    assertEquals(py.get("lenet.parameters"), new ArrayList<>(net.namedParameters().keySet()));
    assertEquals(py.get("lenet.state_dict"), new ArrayList<>(net.stateDict().keySet()));
    assertEquals(py.get("lenet.modules"), new ArrayList<>(net.namedModules().keySet()));
  }

  @Test
  void lenet_hasPyTorchsParameterCount_andRuns() {
    LeNet net = new LeNet();
    long count = 0;
    for (Parameter p : net.parameters()) {
      count += p.get().numel();
    }
    assertEquals(61706, count);
    assertArrayEquals(new long[] {2, 10}, net.forward(Torch.zeros(2, 1, 28, 28)).shape());
  }

  @Test
  void nested_namesAndOrderEqualPyTorchs_ownEntriesFirst() throws IOException {
    Map<String, List<String>> py = pytorchNames();
    Nested net = new Nested();
    assertEquals(py.get("nested.parameters"), new ArrayList<>(net.namedParameters().keySet()));
    assertEquals(py.get("nested.state_dict"), new ArrayList<>(net.stateDict().keySet()));
    assertEquals(py.get("nested.modules"), new ArrayList<>(net.namedModules().keySet()));
    assertEquals(List.of("stem", "blocks", "head"), new ArrayList<>(net.namedChildren().keySet()));
    assertEquals(List.of("steps", "stem.2.running_mean", "stem.2.running_var",
        "stem.2.num_batches_tracked", "blocks.0.bn.running_mean", "blocks.0.bn.running_var",
        "blocks.0.bn.num_batches_tracked", "blocks.1.bn.running_mean", "blocks.1.bn.running_var",
        "blocks.1.bn.num_batches_tracked"), new ArrayList<>(net.namedBuffers().keySet()));
  }

  @Test
  void sharedParameter_isListedOnce_butSavedUnderEachName() {
    Linear shared = new Linear(2, 2);
    Module twice = v -> {
      v.module("a", shared);
      v.module("b", shared);
    };
    assertEquals(List.of("a.weight", "a.bias"), new ArrayList<>(twice.namedParameters().keySet()));
    assertEquals(List.of("", "a"), new ArrayList<>(twice.namedModules().keySet()));
    assertEquals(List.of("a.weight", "a.bias", "b.weight", "b.bias"),
        new ArrayList<>(twice.stateDict().keySet()));
  }

  @Test
  void visitChildren_badOrRepeatedNames_areRejected() {
    Module dotted = v -> v.module("a.b", new ReLU());
    IllegalStateException e = assertThrows(IllegalStateException.class, dotted::namedModules);
    assertTrue(e.getMessage().contains("\"a.b\""), e.getMessage());
    Module repeated = v -> {
      v.module("x", new ReLU());
      v.parameter("x", new Parameter(Torch.zeros(1)));
    };
    e = assertThrows(IllegalStateException.class, repeated::namedParameters);
    assertTrue(e.getMessage().contains("visited twice"), e.getMessage());
  }

  @Test
  void stateDict_roundTrip_copiesValuesIntoTheSameParameters() {
    LeNet a = new LeNet();
    LeNet b = new LeNet();
    Parameter bWeight = b.fc1().weight();
    Tensor bTensor = bWeight.get();
    Module.LoadResult r = b.loadStateDict(a.stateDict());
    assertTrue(r.isComplete());
    assertSame(bWeight, b.fc1().weight());
    assertSame(bTensor, bWeight.get());
    for (Map.Entry<String, Tensor> e : a.stateDict().entrySet()) {
      assertArrayEquals(e.getValue().toFloatArray(), b.stateDict().get(e.getKey()).toFloatArray(),
          e.getKey());
    }
    Tensor input = Torch.randn(3, 1, 28, 28);
    assertArrayEquals(a.forward(input).toFloatArray(), b.forward(input).toFloatArray());
    try (var ng = Torch.noGrad()) {
      a.fc1().weight().get().fill_(7.0);
    }
    assertNotEquals(7.0f, b.fc1().weight().get().toFloatArray()[0]);
    assertTrue(b.fc1().weight().get().requiresGrad());
    assertTrue(b.fc1().weight().get().isLeaf());
  }

  @Test
  void stateDict_includesBuffers_andLoadsThem() {
    BatchNorm2d bn = new BatchNorm2d(3);
    Map<String, Tensor> state = new LinkedHashMap<>(bn.stateDict());
    assertEquals(List.of("weight", "bias", "running_mean", "running_var", "num_batches_tracked"),
        new ArrayList<>(state.keySet()));
    state.put("running_mean", Torch.fromArray(new float[] {1, 2, 3}, 3));
    state.put("num_batches_tracked", Torch.fromArray(new long[] {5}));
    bn.loadStateDict(state);
    assertArrayEquals(new float[] {1, 2, 3}, bn.runningMean().get().toFloatArray());
    assertEquals(5, bn.numBatchesTracked().get().itemLong());
  }

  @Test
  void loadStateDict_wrongShape_namesTheEntryAndBothShapes_andCopiesNothing() {
    Linear layer = new Linear(4, 3);
    float[] before = layer.bias().get().toFloatArray();
    Map<String, Tensor> state = new LinkedHashMap<>();
    state.put("weight", Torch.zeros(3, 5));
    state.put("bias", Torch.zeros(3));
    ShapeException e = assertThrows(ShapeException.class, () -> layer.loadStateDict(state));
    assertEquals("[shape.mismatch.state_dict] Module.loadStateDict: shapes differ for weight"
        + " (model [3, 4], state dict [3, 5]); the checkpoint was saved from a model with other"
        + " sizes", e.getMessage());
    assertArrayEquals(before, layer.bias().get().toFloatArray());
    assertThrows(ShapeException.class, () -> layer.loadStateDict(state, false));
  }

  @Test
  void loadStateDict_strict_rejectsMissingAndUnexpectedKeys_nonStrictReportsThem() {
    Linear layer = new Linear(2, 2);
    float[] before = layer.weight().get().toFloatArray();
    Map<String, Tensor> state = new LinkedHashMap<>();
    state.put("weight", Torch.ones(2, 2));
    state.put("extra", Torch.ones(1));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> layer.loadStateDict(state));
    assertEquals("Module.loadStateDict: the state dict does not match the model: missing keys"
        + " [bias], unexpected keys [extra] (pass strict=false to load the matching entries"
        + " only)", e.getMessage());
    assertArrayEquals(before, layer.weight().get().toFloatArray());
    Module.LoadResult r = layer.loadStateDict(state, false);
    assertEquals(List.of("bias"), r.missingKeys());
    assertEquals(List.of("extra"), r.unexpectedKeys());
    assertFalse(r.isComplete());
    assertArrayEquals(new float[] {1, 1, 1, 1}, layer.weight().get().toFloatArray());
  }

  @Test
  void loadStateDict_castsToTheParametersDtype() {
    Linear layer = new Linear(1, 1);
    Map<String, Tensor> state = new LinkedHashMap<>();
    state.put("weight", Torch.fromArray(new double[] {0.25}, 1, 1));
    state.put("bias", Torch.fromArray(new double[] {-0.5}, 1));
    layer.loadStateDict(state);
    assertEquals(DType.FLOAT32, layer.weight().get().dtype());
    assertEquals(0.25, layer.weight().get().item());
  }

  @Test
  void trainAndEval_reachEveryModule_andRecordsReportTheirChildrensMode() {
    Nested net = new Nested();
    assertTrue(net.isTraining());
    net.eval();
    for (Module m : net.modules()) {
      assertFalse(m.isTraining(), m.toString());
    }
    net.train();
    for (Module m : net.modules()) {
      assertTrue(m.isTraining(), m.toString());
    }
    net.blocks().get(1).bn().eval();
    assertFalse(net.blocks().get(1).bn().isTraining());
    assertTrue(net.blocks().get(0).bn().isTraining());
  }

  @Test
  void toDtype_castsFloatingState_keepsLeavesAndIntegerCounters() {
    Nested net = new Nested();
    net.to(DType.FLOAT64);
    for (Map.Entry<String, Parameter> e : net.namedParameters().entrySet()) {
      Tensor t = e.getValue().get();
      assertEquals(DType.FLOAT64, t.dtype(), e.getKey());
      assertTrue(t.requiresGrad() && t.isLeaf(), e.getKey());
    }
    assertEquals(DType.FLOAT64, net.namedBuffers().get("stem.2.running_var").get().dtype());
    assertEquals(DType.INT64, net.namedBuffers().get("stem.2.num_batches_tracked").get().dtype());
    assertThrows(IllegalArgumentException.class, () -> net.to(DType.INT64));
    Tensor y = net.head().forward(Torch.ones(new long[] {1, 3}, DType.FLOAT64));
    assertEquals(DType.FLOAT64, y.dtype());
  }

  @Test
  void zeroGrad_clearsAccumulatedGradients() {
    Linear layer = new Linear(3, 2);
    layer.forward(Torch.ones(4, 3)).sum().backward();
    assertEquals(4.0, layer.bias().grad().toDoubleArray()[0], 1e-6);
    layer.forward(Torch.ones(4, 3)).sum().backward();
    assertEquals(8.0, layer.bias().grad().toDoubleArray()[0], 1e-6);
    layer.zeroGrad(false);
    assertArrayEquals(new float[2], layer.bias().grad().toFloatArray());
    assertArrayEquals(new float[6], layer.weight().grad().toFloatArray());
    layer.zeroGrad();
    assertNull(layer.bias().grad(), "zeroGrad() sets to none, as PyTorch 2.x");
    assertNull(layer.weight().grad());
    layer.forward(Torch.ones(4, 3)).sum().backward();
    assertEquals(4.0, layer.bias().grad().toDoubleArray()[0], 1e-6);
  }

  @Test
  void parameterSet_otherShape_isAShapeError_namingBothShapes() {
    Parameter p = new Parameter(Torch.zeros(4, 3));
    ShapeException e = assertThrows(ShapeException.class, () -> p.set(Torch.zeros(3, 4)));
    assertEquals("[shape.mismatch.parameter] Parameter.set: the new value is [3, 4] but the"
        + " parameter is [4, 3]; a parameter's shape never changes (make a new module for other"
        + " sizes)", e.getMessage());
    Tensor withHistory = Torch.ones(4, 3).requiresGrad_(true).mul(2.0);
    p.set(withHistory);
    assertTrue(p.get().isLeaf() && p.get().requiresGrad());
    Parameter frozen = new Parameter(Torch.zeros(2), false);
    assertFalse(frozen.get().requiresGrad());
  }

  @Test
  void modulesBuiltAndTrainedInsideAScope_outliveIt() {
    BatchNorm1d bn;
    Linear fc;
    Map<String, Tensor> saved;
    try (TensorScope scope = TensorScope.open()) {
      fc = new Linear(3, 2);
      bn = new BatchNorm1d(2);
      bn.forward(fc.forward(Torch.randn(8, 3))).sum().backward();
      saved = fc.stateDict();
    }
    for (Parameter p : fc.parameters()) {
      assertFalse(p.get().isFreed());
    }
    assertFalse(bn.runningMean().get().isFreed());
    assertEquals(1, bn.numBatchesTracked().get().itemLong());
    assertFalse(saved.get("weight").isFreed());
    assertArrayEquals(new long[] {4, 2}, bn.forward(fc.forward(Torch.ones(4, 3))).shape());
  }

  @Test
  void buffers_nonPersistentOnesStayOutOfTheStateDict_andKeepTheirShape() {
    Buffer kept = new Buffer(Torch.zeros(2));
    Buffer scratch = new Buffer(Torch.zeros(3), false);
    Module m = v -> {
      v.buffer("kept", kept);
      v.buffer("scratch", scratch);
    };
    assertEquals(List.of("kept", "scratch"), new ArrayList<>(m.namedBuffers().keySet()));
    assertEquals(List.of("kept"), new ArrayList<>(m.stateDict().keySet()));
    ShapeException e = assertThrows(ShapeException.class, () -> kept.set(Torch.zeros(3)));
    assertEquals("shape.mismatch.buffer", e.key());
    assertFalse(kept.get().requiresGrad());
  }

  @Test
  void lossModules_keepClassWeightsAsBuffers() {
    CrossEntropyLoss ce = new CrossEntropyLoss(Torch.ones(3), -100, Reduction.MEAN, 0.0);
    assertEquals(List.of("weight"), new ArrayList<>(ce.stateDict().keySet()));
    assertTrue(new CrossEntropyLoss().stateDict().isEmpty());
    BCEWithLogitsLoss bce = new BCEWithLogitsLoss(null, Reduction.SUM, Torch.ones(4));
    assertEquals(List.of("pos_weight"), new ArrayList<>(bce.stateDict().keySet()));
    assertThrows(IllegalArgumentException.class, () -> new MSELoss(Reduction.BATCHMEAN));
  }

  @Test
  void apply_visitsChildrenBeforeParents() {
    Nested net = new Nested();
    List<String> seen = new ArrayList<>();
    net.apply(m -> seen.add(m.getClass().getSimpleName()));
    assertEquals(List.of("Conv2d", "ReLU", "BatchNorm2d", "Sequential", "Conv2d", "BatchNorm2d",
        "Block", "Conv2d", "BatchNorm2d", "Block", "ModuleList", "Linear", "Nested"), seen);
  }

  @Test
  void sequential_chainsItsModules_andPrintsLikePyTorch() {
    Sequential seq = new Sequential(new Linear(4, 3), new ReLU(), new Linear(3, 2));
    assertArrayEquals(new long[] {5, 2}, seq.forward(Torch.zeros(5, 4)).shape());
    assertEquals(List.of("0.weight", "0.bias", "2.weight", "2.bias"),
        new ArrayList<>(seq.namedParameters().keySet()));
    assertEquals("Sequential(\n"
        + "  (0): Linear(in_features=4, out_features=3, bias=True)\n"
        + "  (1): ReLU()\n"
        + "  (2): Linear(in_features=3, out_features=2, bias=True)\n"
        + ")", seq.toString());
    assertSame(seq.get(1), seq.get(-2));
    assertThrows(IndexOutOfBoundsException.class, () -> seq.get(3));
    Map<String, UnaryModule> named = new LinkedHashMap<>();
    named.put("fc", new Linear(2, 2));
    named.put("act", new Tanh());
    assertEquals(List.of("fc.weight", "fc.bias"),
        new ArrayList<>(new Sequential(named).namedParameters().keySet()));
  }
}
