package dev.shapetorch.nn.containers;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.shapetorch.nn.AbstractModule;
import dev.shapetorch.nn.Module;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.Parameter;
import dev.shapetorch.nn.activation.ReLU;
import dev.shapetorch.nn.internal.Printing;
import dev.shapetorch.nn.linear.Linear;
import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * ModuleDict, ParameterList, ParameterDict and Module.requiresGrad_ against PyTorch 1.13
 * (fixture {@code golden/nn/containers.txt}, from {@code src/test/python/containers_golden.py}):
 * how they print, the names and order of their parameters, state dicts and modules, and which
 * parameters get gradients after part of a model is frozen.
 */
class ContainersGoldenTest {

  private static final Map<String, String> GOLDEN = new HashMap<>();

  @BeforeAll
  static void load() throws IOException {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        ContainersGoldenTest.class.getResourceAsStream("/golden/nn/containers.txt"),
        StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String[] f = line.split("\t", 2);
        GOLDEN.put(f[0], f[1].replace("\\n", "\n"));
      }
    }
  }

  private static List<String> names(String key) {
    String v = GOLDEN.get(key);
    if (v.isEmpty()) {
      return List.of();
    }
    return Arrays.stream(v.split(" ")).map(n -> n.equals("<root>") ? "" : n).toList();
  }

  /** The twin of containers_golden.py's Heads model. */
  static final class Heads extends AbstractModule {
    final Linear trunk = new Linear(4, 3);
    final ModuleDict<Linear> heads;
    final ParameterList scales =
        ParameterList.of(new Parameter(Torch.ones(3)), new Parameter(Torch.ones(2)));
    final ParameterDict gates;

    Heads() {
      Map<String, Linear> h = new LinkedHashMap<>();
      h.put("cls", new Linear(3, 2));
      h.put("box", new Linear(3, 4, false));
      heads = new ModuleDict<>(h);
      Map<String, Parameter> g = new LinkedHashMap<>();
      g.put("input", new Parameter(Torch.zeros(3)));
      g.put("output", new Parameter(Torch.zeros(2, 2)));
      gates = new ParameterDict(g);
    }

    @Override
    public void visitChildren(ModuleVisitor v) {
      v.module("trunk", trunk);
      v.module("heads", heads);
      v.module("scales", scales);
      v.module("gates", gates);
    }

    @Override
    public String toString() {
      return Printing.container("Heads", namedChildren());
    }
  }

  private static Map<String, Module> cases() {
    Map<String, Module> m = new LinkedHashMap<>();
    Map<String, Module> dict = new LinkedHashMap<>();
    dict.put("a", new Linear(2, 3));
    dict.put("b", new ReLU());
    m.put("module_dict", new ModuleDict<>(dict));
    m.put("module_dict_empty", new ModuleDict<>(Map.of()));
    m.put("parameter_list", ParameterList.of(new Parameter(Torch.zeros(3, 4)),
        new Parameter(Torch.zeros(3), false),
        new Parameter(Torch.zeros(2).to(DType.FLOAT64))));
    m.put("parameter_list_empty", ParameterList.of());
    Map<String, Parameter> params = new LinkedHashMap<>();
    params.put("a", new Parameter(Torch.zeros(3, 4)));
    params.put("b", new Parameter(Torch.zeros()));
    params.put("c", new Parameter(Torch.zeros(5).to(DType.FLOAT64)));
    m.put("parameter_dict", new ParameterDict(params));
    m.put("heads", new Heads());
    return m;
  }

  @Test
  void containers_printNameAndOrderAsPyTorch() {
    Map<String, Module> cases = cases();
    for (Map.Entry<String, Module> e : cases.entrySet()) {
      String name = e.getKey();
      Module m = e.getValue();
      assertEquals(GOLDEN.get(name + ".repr"), m.toString(), name);
      assertEquals(names(name + ".parameters"), new ArrayList<>(m.namedParameters().keySet()), name);
      assertEquals(names(name + ".state_dict"), new ArrayList<>(m.stateDict().keySet()), name);
      assertEquals(names(name + ".modules"), new ArrayList<>(m.namedModules().keySet()), name);
    }
  }

  @Test
  void requiresGrad_freezesASubtree_soOnlyTheRestGetsGradients() {
    Heads model = new Heads();
    model.trunk.requiresGrad_(false);
    model.heads.get("box").requiresGrad_(false);
    Tensor x = Torch.ones(2, 4);
    Tensor h = model.trunk.forward(x).mul(model.scales.get(0).get())
        .add(model.gates.get("input").get());
    Tensor loss = model.heads.get("cls").forward(h).sum().mul(model.scales.get(1).get().sum())
        .add(model.heads.get("box").forward(h).sum())
        .add(model.gates.get("output").get().sum());
    loss.backward();
    List<String> requiring = new ArrayList<>();
    List<String> withGrad = new ArrayList<>();
    model.namedParameters().forEach((n, p) -> {
      if (p.requiresGrad()) {
        requiring.add(n);
      }
      if (p.grad() != null) {
        withGrad.add(n);
      }
    });
    assertEquals(names("freeze.requires_grad"), requiring);
    assertEquals(names("freeze.has_grad"), withGrad);
    assertNull(model.trunk.namedParameters().get("weight").grad());

    model.requiresGrad_(true); // unfreeze: the next backward reaches the trunk again
    model.zeroGrad();
    model.trunk.forward(x).sum().backward();
    assertThat(model.trunk.namedParameters().get("weight").grad()).isNotNull();
  }

  @Test
  void parameterSet_keepsTheFrozenState() {
    Parameter p = new Parameter(Torch.ones(3));
    p.requiresGrad_(false);
    p.set(Torch.zeros(3));
    assertThat(p.requiresGrad()).isFalse();
    assertThat(p.get().requiresGrad()).isFalse();
  }

  @Test
  void badKeysAndIndices_areRefusedNamingTheContainer() {
    var dot = assertThrows(IllegalArgumentException.class,
        () -> new ModuleDict<>(Map.of("a.b", new ReLU())));
    assertThat(dot).hasMessageThat().startsWith("ModuleDict: key \"a.b\" contains a dot");
    var empty = assertThrows(IllegalArgumentException.class,
        () -> new ParameterDict(Map.of("", new Parameter(Torch.ones(1)))));
    assertThat(empty).hasMessageThat().startsWith("ParameterDict: a key must be a non-empty name");
    var missing = assertThrows(IllegalArgumentException.class,
        () -> new ModuleDict<>(Map.of("a", new ReLU())).get("b"));
    assertThat(missing).hasMessageThat()
        .isEqualTo("ModuleDict.get: no module named \"b\"; the keys are [a]");
    var list = ParameterList.of(new Parameter(Torch.ones(1)), new Parameter(Torch.ones(2)));
    assertThat(list.get(-1).shape()).isEqualTo(new long[] {2});
    var out = assertThrows(IndexOutOfBoundsException.class, () -> list.get(2));
    assertThat(out).hasMessageThat()
        .isEqualTo("ParameterList.get: index 2 is out of range for 2 parameters");
  }

  @Test
  void anOptimizerOverAModuleDict_seesEveryHeadsParameters() {
    Heads model = new Heads();
    assertThat(model.parameters()).hasSize(9);
    assertThat(model.heads.keySet()).containsExactly("cls", "box").inOrder();
    Map<String, Tensor> state = model.stateDict();
    Heads other = new Heads();
    other.loadStateDict(state);
    assertThat(other.heads.get("cls").namedParameters().get("weight").get()
        .equal(model.heads.get("cls").namedParameters().get("weight").get())).isTrue();
  }
}
