package dev.shapetorch.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shapetorch.nn.functional.F;
import dev.shapetorch.nn.recurrent.GRU;
import dev.shapetorch.nn.recurrent.LSTM;
import dev.shapetorch.nn.recurrent.RNN;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Calls that killed the JVM inside libtorch or kept it busy for minutes (issue 10 §6: SIGFPE,
 * out-of-bounds writes, allocations of impossible sizes, endless loops) are refused before any
 * native code runs, with a message that names the op, the argument and the limit. Each case runs
 * in a fresh child JVM, so that a regression shows as this case's crash and not as the loss of
 * the whole test run.
 */
class NativeHazardsTest {

  /** The hazards, by name: the call, and what its message must contain. */
  static final Map<String, Hazard> HAZARDS = Map.ofEntries(
      hazard("arange_integerStepTruncatesToZero",
          () -> Torch.arange(0.0, 1.0, 0.5, DType.INT64),
          "Torch.arange: step 0.5 truncates to 0 in torch.int64"),
      hazard("arange_countBeyondAnyMemory",
          () -> Torch.arange(0L, Long.MIN_VALUE, -1L), "Torch.arange: ", "elements"),
      hazard("maxPoolBackward_indicesPastThePlane",
          () -> poolBackward(1000), "Torch.maxPool2dWithIndicesBackward: indices must lie in [0, 16)"),
      hazard("maxPoolBackward_negativeIndices",
          () -> poolBackward(-100), "Torch.maxPool2dWithIndicesBackward: indices must lie in [0, 16)",
          "from -100"),
      hazard("convTranspose2d_strideOf2Pow31",
          () -> F.convTranspose2d(Torch.randn(2, 3, 6, 5), Torch.randn(3, 2, 1, 1), null,
              new long[] {2147483647, 1}, new long[] {1, 0}, new long[] {0, 0}, 1,
              new long[] {1, 1}),
          "F.convTranspose2d: the result of shape [2, 2, 10737418234, 5] would need"),
      hazard("convTranspose2d_strideBeyondTheOutput",
          () -> F.convTranspose2d(Torch.randn(2, 3, 1, 5), Torch.randn(3, 2, 1, 1), null,
              new long[] {2147483647, 1}, new long[] {0, 0}, new long[] {0, 0}, 1,
              new long[] {1, 1}),
          "[shape.conv.params] F.convTranspose2d: stride 2147483647 (spatial dim 0)"),
      hazard("conv2d_strideLongMaxOnOneThread", () -> {
        Threads.setNumThreads(1);
        Tensor x = Torch.randn(2, 3, 6, 5).requiresGrad_(true);
        F.conv2d(x, Torch.randn(4, 3, 2, 2), null, new long[] {Long.MAX_VALUE, 1},
            new long[] {0, 0}, new long[] {1, 1}, 1).sum().backward();
        return x;
      }, "[shape.conv.params] F.conv2d: stride 9223372036854775807 (spatial dim 0) is longer"
          + " than the padded input size 6"),
      hazard("conv2dBackward_paddingNear2Pow28", () -> {
        Tensor x = Torch.randn(2, 3, 6, 5).requiresGrad_(true);
        F.conv2d(x, Torch.randn(4, 3, 2, 2), null, new long[] {1L << 28, 1},
            new long[] {(1L << 28) - 4, 0}, new long[] {1, 1}, 1).sum().backward();
        return x;
      }, "F.conv2d: the padded input of shape [2, 3, 536870910, 5] would need"),
      hazard("rnn_inputSizeLongMax", () -> new RNN(Long.MAX_VALUE, 3, 2),
          "RNN: inputSize 9223372036854775807"),
      hazard("gru_layersIntMax", () -> new GRU(2, 1, Integer.MAX_VALUE),
          "GRU: the parameters (inputSize 2, hiddenSize 1, numLayers 2147483647)"),
      hazard("lstm_layersIntMax", () -> new LSTM(3, 3, 2147483647L),
          "LSTM: the parameters (inputSize 3, hiddenSize 3, numLayers 2147483647)"),
      hazard("maxPool1d_dilationOverflows",
          () -> F.maxPool1d(Torch.randn(4, 4), 2, 1, 0, Long.MAX_VALUE, false),
          "[shape.size.overflow] F.maxPool1d: "),
      hazard("zeros_onCudaWithoutCuda",
          () -> Device.isCudaAvailable() ? null
              : Torch.zeros(new long[] {2}, DType.FLOAT32, Device.cuda(0)),
          "Torch.zeros: cuda:0 is not available: this build of libtorch has no CUDA"));

  record Hazard(Supplier<Object> call, List<String> expected) {}

  private static Map.Entry<String, Hazard> hazard(
      String name, Supplier<Object> call, String... expected) {
    return Map.entry(name, new Hazard(call, List.of(expected)));
  }

  private static Tensor poolBackward(long index) {
    Tensor x = Torch.randn(1, 1, 4, 4);
    long[] two = {2, 2};
    return Torch.maxPool2dWithIndicesBackward(Torch.ones(1, 1, 2, 2), x, two, two,
        new long[] {0, 0}, new long[] {1, 1}, false, Torch.full(new long[] {1, 1, 2, 2}, index));
  }

  static List<String> names() {
    return HAZARDS.keySet().stream().sorted().toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("names")
  void refusedBeforeLibtorchRuns_withTheOpAndTheLimitNamed(String name) throws Exception {
    ChildJvm.Result r = ChildJvm.run(Case.class, List.of(), List.of(name), 120);
    assertEquals(0, r.exitCode(), name + " ended the JVM:\n" + r.output());
    String refused = r.output().lines().filter(l -> l.startsWith("REFUSED ")).findFirst()
        .orElse("");
    if (name.equals("zeros_onCudaWithoutCuda") && r.output().contains("RETURNED")) {
      return; // a machine with CUDA: nothing to refuse
    }
    assertTrue(refused.startsWith("REFUSED java.lang.IllegalArgumentException")
        || refused.startsWith("REFUSED dev.shapetorch.tensor.ShapeException"), r.output());
    for (String part : HAZARDS.get(name).expected()) {
      assertTrue(refused.contains(part), "expected \"" + part + "\" in: " + refused);
    }
    assertTrue(refused.length() < 500, "a short message, got " + refused.length() + " chars");
  }

  /** Runs one hazard in this JVM and prints what became of it. */
  public static final class Case {
    private Case() {}

    /** Runs the hazard named by {@code args[0]}. */
    public static void main(String[] args) {
      try {
        HAZARDS.get(args[0]).call().get();
        System.out.println("RETURNED");
      } catch (RuntimeException e) {
        System.out.println("REFUSED " + e.getClass().getName() + ": " + e.getMessage());
      }
      System.exit(0);
    }
  }
}
