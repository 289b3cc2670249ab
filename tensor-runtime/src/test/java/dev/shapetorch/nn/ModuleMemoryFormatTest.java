package dev.shapetorch.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shapetorch.nn.functional.F;
import dev.shapetorch.optim.Adam;
import dev.shapetorch.optim.AdamOptions;
import dev.shapetorch.tensor.MemoryFormat;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import dev.shapetorch.vision.models.LeNet5;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code Module.to(MemoryFormat)}, as PyTorch's {@code model.to(memory_format=...)}: 4-d weights
 * change layout, nothing else changes, and training gives the same numbers as in row-major
 * layout (up to float rounding: the kernels sum in another order).
 */
class ModuleMemoryFormatTest {

  @Test
  void channelsLast_laysOutFourDimensionalParametersOnly_andKeepsTheHolders() {
    Torch.manualSeed(1);
    LeNet5 net = LeNet5.create(10);
    Map<String, Parameter> before = net.namedParameters();
    Map<String, float[]> values = new java.util.LinkedHashMap<>();
    before.forEach((k, p) -> values.put(k, p.get().toFloatArray()));
    net.to(MemoryFormat.CHANNELS_LAST);
    Map<String, Parameter> after = net.namedParameters();
    assertEquals(before.keySet(), after.keySet());
    for (String name : before.keySet()) {
      Parameter p = after.get(name);
      assertSame(before.get(name), p, name);
      assertArrayEquals(values.get(name), p.get().contiguous().toFloatArray(), name);
      assertTrue(p.get().requiresGrad(), name);
      MemoryFormat expected =
          p.get().dim() == 4 ? MemoryFormat.CHANNELS_LAST : MemoryFormat.CONTIGUOUS;
      assertEquals(expected, p.get().suggestMemoryFormat(), name);
    }
    // conv1.weight is [6, 1, 5, 5]: channels-last strides even with one input channel
    assertArrayEquals(new long[] {25, 1, 5, 1}, after.get("conv1.weight").get().stride());
  }

  @Test
  void trainingSteps_inChannelsLast_matchRowMajor() {
    Torch.manualSeed(7);
    Tensor x = Torch.randn(16, 1, 28, 28);
    Tensor y = Torch.randint(0, 10, 16);
    Torch.manualSeed(2);
    LeNet5 plain = LeNet5.create(10);
    Torch.manualSeed(2);
    LeNet5 nhwc = LeNet5.create(10);
    nhwc.to(MemoryFormat.CHANNELS_LAST);
    Adam a = new Adam(plain.parameters(), AdamOptions.lr(1e-2));
    Adam b = new Adam(nhwc.parameters(), AdamOptions.lr(1e-2));
    for (int step = 0; step < 3; step++) {
      Tensor la = F.crossEntropy(plain.forward(x), y);
      Tensor lb = F.crossEntropy(nhwc.forward(x), y);
      assertEquals(la.item(), lb.item(), 1e-5, "loss at step " + step);
      a.zeroGrad();
      b.zeroGrad();
      la.backward();
      lb.backward();
      a.step();
      b.step();
    }
    List<Parameter> pa = plain.parameters();
    List<Parameter> pb = nhwc.parameters();
    for (int i = 0; i < pa.size(); i++) {
      float[] u = pa.get(i).get().contiguous().toFloatArray();
      float[] v = pb.get(i).get().contiguous().toFloatArray();
      for (int j = 0; j < u.length; j++) {
        assertEquals(u[j], v[j], 1e-4, "parameter " + i + " element " + j);
      }
    }
    assertEquals(MemoryFormat.CHANNELS_LAST,
        pb.get(0).get().suggestMemoryFormat(), "the optimizer keeps the layout");
  }

  @Test
  void backToContiguous_restoresRowMajorStrides() {
    LeNet5 net = LeNet5.create(10);
    net.to(MemoryFormat.CHANNELS_LAST);
    net.to(MemoryFormat.CONTIGUOUS);
    assertArrayEquals(new long[] {25, 25, 5, 1},
        net.namedParameters().get("conv1.weight").get().stride());
  }

  @Test
  void preserve_isRejectedWithTheLayoutsToUse() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LeNet5.create(10).to(MemoryFormat.PRESERVE));
    assertTrue(e.getMessage().startsWith("Module.to: PRESERVE"), e.getMessage());
  }
}
