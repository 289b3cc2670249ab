package dev.shapetorch.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shapetorch.tensor.ChildJvm;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.TensorScope;
import dev.shapetorch.tensor.Torch;
import dev.shapetorch.tensor.TorchException;
import java.util.List;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.Test;

/**
 * The door of ShapeTorch's other packages to a tensor's natives: set up whatever class
 * initialises first, and reporting errors under the op its caller names, as the ops do.
 */
class NativeTensorsTest {

  /** Run in a fresh JVM: uses the door before anything has initialised {@code Tensor}. */
  public static final class DoorFirst {
    public static void main(String[] args) {
      NativeLibrary.ensureLoaded();
      org.bytedeco.pytorch.Tensor made = torch.arange(new Scalar(6L)).reshape(2, 3);
      Tensor t = NativeTensors.wrap(made);
      System.out.println("wrapped=" + NativeTensors.describe(t) + " sum=" + t.sum().item());
    }
  }

  @Test
  void wrap_beforeTensorsClassInitialised_installsTheAccessFirst() throws Exception {
    ChildJvm.Result r = ChildJvm.run(DoorFirst.class, List.of(), 180);
    assertEquals(0, r.exitCode(), r.output());
    assertTrue(r.output().contains("wrapped=int64[2, 3] sum=15.0"), r.output());
  }

  @Test
  void handle_isTheTensorsOwnNativeTensor() {
    Tensor t = Torch.ones(2, 3);
    assertSame(t.unwrap(), NativeTensors.handle(t, "Archives.save", "tensors"));
  }

  @Test
  void handle_null_namesTheOpAndTheParameter() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> NativeTensors.handle(null, "FusedOptimizerKernels.sgd_", "grads[1]"));
    assertEquals("FusedOptimizerKernels.sgd_: grads[1] is null; pass a tensor", e.getMessage());
  }

  @Test
  void handle_freed_namesTheOpNotTheDoor() {
    Tensor t = Torch.ones(2);
    t.close();
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> NativeTensors.handle(t, "FusedOptimizerKernels.sgd_", "grads[0]"));
    assertEquals("FusedOptimizerKernels.sgd_: a tensor it was given has been freed: it was"
        + " closed with close()", e.getMessage());
  }

  @Test
  void wrap_handsTheTensorToTheCurrentScope() {
    Tensor t;
    try (TensorScope scope = TensorScope.open()) {
      t = NativeTensors.wrap(torch.arange(new Scalar(3L)));
      assertEquals(3, t.numel());
    }
    assertTrue(t.isFreed());
  }

  @Test
  void fail_libtorchsError_becomesOneLineNamingTheOpAndInputs() {
    Tensor t = Torch.ones(2, 3);
    RuntimeException e = NativeTensors.fail("ScriptModule.forward",
        new RuntimeException("Expected 4 dims\nException raised from forward at model.cpp:12"), t);
    TorchException te = (TorchException) e;
    assertEquals("ScriptModule.forward: Expected 4 dims (inputs: float32[2, 3])", te.getMessage());
    assertEquals("Expected 4 dims", te.reason());
  }

  @Test
  void fail_shapeTorchsOwnException_passesThrough() {
    IllegalStateException own = new IllegalStateException("Torch.add: freed");
    assertSame(own, NativeTensors.fail("Torch.add", own));
  }

  @Test
  void firstLine_dropsTheBacktrace() {
    assertEquals("bad", NativeTensors.firstLine(" bad \nException raised from x"));
    assertEquals("libtorch error", NativeTensors.firstLine(null));
  }

  @Test
  void install_onlyOnce_andOnlyByTheTensorPackage() {
    NativeTensors.describe(null); // installed by now
    NativeTensors.Access foreign = new NativeTensors.Access() {
      @Override
      public org.bytedeco.pytorch.Tensor handle(Tensor t, String op, String param) {
        return null;
      }

      @Override
      public Tensor wrap(org.bytedeco.pytorch.Tensor handle) {
        return null;
      }

      @Override
      public RuntimeException fail(String op, RuntimeException e, Tensor... inputs) {
        return e;
      }

      @Override
      public String describe(Tensor t) {
        return "";
      }

      @Override
      public String attribute(String op) {
        return op;
      }
    };
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> NativeTensors.install(foreign));
    assertTrue(e.getMessage().startsWith("NativeTensors.install: only dev.shapetorch.tensor"),
        e.getMessage());
    assertEquals("null", NativeTensors.describe(null), "the installed access is still the one");
  }
}
