package dev.shapetorch.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shapetorch.nn.activation.CELU;
import dev.shapetorch.nn.activation.GLU;
import dev.shapetorch.nn.activation.Hardshrink;
import dev.shapetorch.nn.activation.Hardsigmoid;
import dev.shapetorch.nn.activation.Hardswish;
import dev.shapetorch.nn.activation.Hardtanh;
import dev.shapetorch.nn.activation.LogSigmoid;
import dev.shapetorch.nn.activation.Mish;
import dev.shapetorch.nn.activation.PReLU;
import dev.shapetorch.nn.activation.ReLU6;
import dev.shapetorch.nn.activation.SELU;
import dev.shapetorch.nn.activation.Softmin;
import dev.shapetorch.nn.activation.Softshrink;
import dev.shapetorch.nn.activation.Softsign;
import dev.shapetorch.nn.activation.Tanhshrink;
import dev.shapetorch.nn.activation.Threshold;
import dev.shapetorch.nn.functional.F;
import dev.shapetorch.tensor.ShapeException;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Issue 14's activations (modules and {@code F} functions) against PyTorch 1.13: values and
 * input gradients at PyTorch's defaults and one other setting, GLU along two dims, PReLU's
 * weight gradient with one slope and one per channel, and the errors each refuses with.
 */
class ActivationBreadthTest {

  /** {@code sum(y * w)}, {@code w = 1, 2, ...} in y's shape, as nn_golden.py weights it. */
  static void weightedBackward(Tensor y) {
    y.mul(Torch.arange(1.0, y.numel() + 1.0, 1.0).reshape(y.shape())).sum().backward();
  }

  @Test
  void activations_modulesAndFunctions_matchPyTorch_valuesAndGradients() {
    Golden g = Golden.load("activations_more");
    Map<String, List<UnaryOperator<Tensor>>> cases = new LinkedHashMap<>();
    cases.put("hardswish", List.of(new Hardswish()::forward, F::hardswish));
    cases.put("hardsigmoid", List.of(new Hardsigmoid()::forward, F::hardsigmoid));
    cases.put("hardtanh", List.of(new Hardtanh()::forward, F::hardtanh));
    cases.put("hardtanh_custom", List.of(new Hardtanh(-0.5, 2.0)::forward,
        x -> F.hardtanh(x, -0.5, 2.0)));
    cases.put("relu6", List.of(new ReLU6()::forward, F::relu6));
    cases.put("mish", List.of(new Mish()::forward, F::mish));
    cases.put("softsign", List.of(new Softsign()::forward, F::softsign));
    cases.put("selu", List.of(new SELU()::forward, F::selu));
    cases.put("celu", List.of(new CELU()::forward, F::celu));
    cases.put("celu_custom", List.of(new CELU(0.5)::forward, x -> F.celu(x, 0.5)));
    cases.put("logsigmoid", List.of(new LogSigmoid()::forward, F::logsigmoid));
    cases.put("tanhshrink", List.of(new Tanhshrink()::forward, F::tanhshrink));
    cases.put("softshrink", List.of(new Softshrink()::forward, F::softshrink));
    cases.put("softshrink_custom", List.of(new Softshrink(1.0)::forward,
        x -> F.softshrink(x, 1.0)));
    cases.put("hardshrink", List.of(new Hardshrink()::forward, F::hardshrink));
    cases.put("hardshrink_custom", List.of(new Hardshrink(1.2)::forward,
        x -> F.hardshrink(x, 1.2)));
    cases.put("threshold", List.of(new Threshold(0.1, 20.0)::forward,
        x -> F.threshold(x, 0.1, 20.0)));
    cases.put("threshold_custom", List.of(new Threshold(-0.5, -2.0)::forward,
        x -> F.threshold(x, -0.5, -2.0)));
    cases.put("softmin", List.of(new Softmin(1)::forward, x -> F.softmin(x, 1)));
    cases.put("softmin_dim0", List.of(new Softmin(0)::forward, x -> F.softmin(x, 0)));
    int checked = 0;
    for (Map.Entry<String, List<UnaryOperator<Tensor>>> c : cases.entrySet()) {
      for (UnaryOperator<Tensor> f : c.getValue()) {
        Tensor x = g.leaf("in.x");
        Tensor y = f.apply(x);
        g.assertClose("out." + c.getKey(), y);
        weightedBackward(y);
        g.assertClose("grad." + c.getKey(), x.grad(), 1e-4, 1e-4);
        checked++;
      }
    }
    assertEquals(40, checked);
  }

  @Test
  void torchForms_areTheSameKernels() {
    Golden g = Golden.load("activations_more");
    g.assertClose("out.hardswish", Torch.hardswish(g.tensor("in.x")));
    g.assertClose("out.softshrink_custom", Torch.softshrink(g.tensor("in.x"), 1.0));
  }

  @Test
  void glu_halvesTheDim_moduleAndFunction_matchPyTorch() {
    Golden g = Golden.load("glu");
    for (UnaryOperator<Tensor> f : List.<UnaryOperator<Tensor>>of(new GLU()::forward, F::glu,
        x -> F.glu(x, -1))) {
      Tensor x = g.leaf("in.x");
      Tensor y = f.apply(x);
      g.assertClose("out.default", y);
      weightedBackward(y);
      g.assertClose("grad.default.x", x.grad());
    }
    for (UnaryOperator<Tensor> f : List.<UnaryOperator<Tensor>>of(new GLU(0)::forward,
        x -> F.glu(x, 0))) {
      Tensor x = g.leaf("in.x");
      Tensor y = f.apply(x);
      g.assertClose("out.dim0", y);
      weightedBackward(y);
      g.assertClose("grad.dim0.x", x.grad());
    }
  }

  @Test
  void glu_oddSize_isAShapeErrorNamingTheOpTheDimAndItsSize() {
    ShapeException e = assertThrows(ShapeException.class, () -> F.glu(Torch.zeros(3, 5)));
    assertEquals("shape.split.size", e.key());
    assertTrue(e.getMessage().contains("F.glu"), e.getMessage());
    assertTrue(e.getMessage().contains("dim -1 of [3, 5] has odd size 5"), e.getMessage());
    ShapeException m = assertThrows(ShapeException.class,
        () -> new GLU(0).forward(Torch.zeros(3, 4)));
    assertTrue(m.getMessage().contains("GLU.forward"), m.getMessage());
    assertTrue(m.getMessage().contains("odd size 3"), m.getMessage());
    ShapeException range = assertThrows(ShapeException.class, () -> F.glu(Torch.zeros(4), 1));
    assertEquals("shape.dim.range", range.key());
    ShapeException scalar = assertThrows(ShapeException.class, () -> F.glu(Torch.zeros()));
    assertTrue(scalar.getMessage().contains("0-d"), scalar.getMessage());
  }

  private static void prelu(String fixture, PReLU module) {
    Golden g = Golden.load(fixture);
    g.loadInto(module);
    Tensor x = g.leaf("in.x");
    Tensor y = module.forward(x);
    g.assertClose("out.y", y);
    y.sum().backward();
    g.assertClose("grad.x", x.grad());
    g.assertParameterGrads(module);
    Tensor x2 = g.leaf("in.x");
    Tensor y2 = F.prelu(x2, g.tensor("state.weight"));
    g.assertClose("out.y", y2);
  }

  @Test
  void prelu_oneSlopeAndOnePerChannel_matchPyTorch_withTheWeightGradient() {
    PReLU one = new PReLU();
    assertEquals(0.25f, one.weight().get().toFloatArray()[0]);
    prelu("prelu", one);
    PReLU channels = new PReLU(3, 0.1);
    assertEquals(3, channels.weight().get().numel());
    prelu("prelu_channels", channels);
  }

  @Test
  void prelu_slopesThatAreNotTheChannels_areRefusedNamingTheShapes() {
    ShapeException e = assertThrows(ShapeException.class,
        () -> new PReLU(4, 0.25).forward(Torch.zeros(2, 3, 5)));
    assertTrue(e.getMessage().contains("PReLU.forward"), e.getMessage());
    assertTrue(e.getMessage().contains("weight [4]"), e.getMessage());
    assertTrue(e.getMessage().contains("[2, 3, 5]"), e.getMessage());
    ShapeException f = assertThrows(ShapeException.class,
        () -> F.prelu(Torch.zeros(2, 3), Torch.zeros(2)));
    assertTrue(f.getMessage().startsWith("[shape.mismatch.argument] F.prelu: weight [2]"),
        f.getMessage());
    ShapeException rank = assertThrows(ShapeException.class,
        () -> F.prelu(Torch.zeros(2, 3), Torch.zeros(2, 2)));
    assertEquals("shape.rank", rank.key());
    IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
        () -> new PReLU(0, 0.25));
    assertTrue(zero.getMessage().startsWith("PReLU: numParameters"), zero.getMessage());
  }

  @Test
  void options_outOfRange_areRefusedNamingTheOp() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> new Hardtanh(1.0, 1.0))
        .getMessage().startsWith("Hardtanh: maxVal must be greater than minVal"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> F.hardtanh(Torch.zeros(2), 2.0, -2.0)).getMessage().startsWith("F.hardtanh: "));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> new Softshrink(-0.1))
        .getMessage().startsWith("Softshrink: lambd"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> F.hardshrink(Torch.zeros(2), -1.0)).getMessage().startsWith("F.hardshrink: "));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> new CELU(0.0))
        .getMessage().startsWith("CELU: alpha"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> F.hardswish(null))
        .getMessage().contains("input"));
    ShapeException softmin = assertThrows(ShapeException.class,
        () -> new Softmin(2).forward(Torch.zeros(3, 4)));
    assertEquals("shape.dim.range", softmin.key());
    assertTrue(softmin.getMessage().contains("Softmin.forward"), softmin.getMessage());
  }

  @Test
  void reprs_asPyTorchPrintsThem() {
    assertEquals("GLU(dim=-1)", new GLU().toString());
    assertEquals("Hardtanh(min_val=-1.0, max_val=1.0)", new Hardtanh().toString());
    assertEquals("Softshrink(0.5)", new Softshrink().toString());
    assertEquals("PReLU(num_parameters=1)", new PReLU().toString());
  }
}
