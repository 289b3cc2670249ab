package dev.shapetorch.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shapetorch.tensor.ChildJvm;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.TensorScope;
import dev.shapetorch.tensor.Torch;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.openblas.global.openblas_full;
import org.junit.jupiter.api.Test;

/**
 * A plain {@code java -cp ... Main}, started with an empty environment and no flags, runs with
 * the settings libtorch needs to be fast; a setting the user made is kept; where ShapeTorch comes
 * too late, one warning line names the fix.
 *
 * <p>The settings are read where they take effect: libgomp prints its wait policy and spin count
 * when {@code OMP_DISPLAY_ENV=VERBOSE} (that variable changes nothing else), OpenBLAS reports its
 * thread count, JavaCPP its {@code maxPhysicalBytes}.
 */
class RuntimeDefaultsTest {

  /** libgomp's line for a passive wait policy: idle workers sleep at once. */
  private static final String NO_SPINNING = "GOMP_SPINCOUNT = '0'";

  private static final String PROPERTY_FLAG = "-D" + RuntimeDefaults.MAX_PHYSICAL_BYTES + "=0";

  /** Trains a tiny linear model, then prints the settings in effect. */
  public static final class Child {
    public static void main(String[] args) {
      Tensor w = Torch.zeros(256, 10).requiresGrad_(true);
      for (int step = 0; step < 3; step++) {
        try (TensorScope scope = TensorScope.open()) {
          Tensor loss = Torch.randn(64, 256).matmul(w).pow(2).mean();
          loss.backward();
        }
      }
      report();
    }

    static void report() {
      System.out.println("maxPhysicalBytes=" + Pointer.maxPhysicalBytes());
      System.out.println("openblasThreads=" + openblas_full.openblas_get_num_threads());
      System.out.println("sum=" + Torch.ones(2, 2).add(1.0).sum().item());
    }
  }

  /** Initialises JavaCPP and loads libtorch with the presets before ShapeTorch is touched. */
  public static final class TorchFirst {
    public static void main(String[] args) throws IOException {
      String platform = Loader.getPlatform();
      // As NativeLibrary does: safe from an empty cache where a system libtorch exists.
      Loader.cacheResources("/org/bytedeco/openblas/" + platform + "/");
      Loader.cacheResources("/org/bytedeco/pytorch/" + platform + "/");
      new BytePointer(8).close();
      Loader.load(org.bytedeco.pytorch.global.torch.class);
      Child.report();
    }
  }

  /** Loads OpenBLAS (not libtorch, not OpenMP) with the presets before ShapeTorch is touched. */
  public static final class OpenBlasFirst {
    public static void main(String[] args) throws IOException {
      Loader.cacheResources("/org/bytedeco/openblas/" + Loader.getPlatform() + "/");
      Loader.load(org.bytedeco.openblas.global.openblas.class);
      Child.report();
    }
  }

  @Test
  void emptyEnvironment_passiveOpenMpOneBlasThreadNoMemoryAccounting() throws Exception {
    ChildJvm.Result r =
        ChildJvm.run(Child.class, List.of(), Map.of("OMP_DISPLAY_ENV", "VERBOSE"), 180);
    String out = r.output();
    assertEquals(0, r.exitCode(), out);
    assertTrue(out.contains("OMP_WAIT_POLICY = 'PASSIVE'") && out.contains(NO_SPINNING), out);
    assertTrue(out.contains("openblasThreads=1\n"), out);
    assertTrue(out.contains("maxPhysicalBytes=0\n"), out);
    assertTrue(out.contains("sum=8.0"), out);
    assertEquals(0, warningLines(out).size(), out);
  }

  @Test
  void trulyEmptyEnvironment_sameSettingsAndNoWarning() throws Exception {
    ChildJvm.Result r = ChildJvm.run(Child.class, List.of(), 180);
    String out = r.output();
    assertEquals(0, r.exitCode(), out);
    assertTrue(out.contains("maxPhysicalBytes=0\n") && out.contains("openblasThreads=1\n"), out);
    assertTrue(out.contains("sum=8.0") && !out.contains("ShapeTorch"), out);
  }

  @Test
  void explicitUserSettings_areKept() throws Exception {
    ChildJvm.Result r = ChildJvm.run(Child.class,
        List.of("-D" + RuntimeDefaults.MAX_PHYSICAL_BYTES + "=3g"),
        Map.of("OMP_DISPLAY_ENV", "VERBOSE", "OMP_WAIT_POLICY", "ACTIVE",
            "OPENBLAS_NUM_THREADS", "2"),
        180);
    String out = r.output();
    assertEquals(0, r.exitCode(), out);
    assertTrue(out.contains("OMP_WAIT_POLICY = 'ACTIVE'") && !out.contains(NO_SPINNING), out);
    assertTrue(out.contains("openblasThreads=2\n"), out);
    assertTrue(out.contains("maxPhysicalBytes=" + 3L * 1024 * 1024 * 1024 + "\n"), out);
    assertEquals(0, warningLines(out).size(), out);
  }

  @Test
  void lowerCasePropertySpelling_isKeptToo() throws Exception {
    ChildJvm.Result r = ChildJvm.run(Child.class,
        List.of("-Dorg.bytedeco.javacpp.maxphysicalbytes=1g"), Map.of(), 180);
    assertEquals(0, r.exitCode(), r.output());
    assertTrue(r.output().contains("maxPhysicalBytes=" + 1024L * 1024 * 1024 + "\n"), r.output());
  }

  @Test
  void libtorchLoadedBeforeShapeTorch_oneWarningLineNamesEveryFix() throws Exception {
    ChildJvm.Result r =
        ChildJvm.run(TorchFirst.class, List.of(), Map.of("OMP_DISPLAY_ENV", "VERBOSE"), 180);
    String out = r.output();
    assertEquals(0, r.exitCode(), out);
    List<String> warnings = warningLines(out);
    assertEquals(1, warnings.size(), out);
    String w = warnings.get(0);
    assertTrue(w.contains("OMP_WAIT_POLICY=PASSIVE OPENBLAS_NUM_THREADS=1 in the environment"), w);
    assertTrue(w.contains(PROPERTY_FLAG + " on the java command line"), w);
    assertTrue(w.contains(RuntimeDefaults.TOO_LATE), w);
    assertTrue(!out.contains(NO_SPINNING) && out.contains("sum=8.0"), out);
  }

  @Test
  void openBlasLoadedBeforeShapeTorch_warningNamesOnlyWhatCameTooLate() throws Exception {
    ChildJvm.Result r = ChildJvm.run(OpenBlasFirst.class, List.of(PROPERTY_FLAG),
        Map.of("OMP_DISPLAY_ENV", "VERBOSE"), 180);
    String out = r.output();
    assertEquals(0, r.exitCode(), out);
    List<String> warnings = warningLines(out);
    assertEquals(1, warnings.size(), out);
    String w = warnings.get(0);
    assertTrue(w.contains("start the JVM with OPENBLAS_NUM_THREADS=1 in the environment ("), w);
    // OpenMP had not loaded yet: its setting still took effect.
    assertTrue(out.contains(NO_SPINNING) && out.contains("maxPhysicalBytes=0\n"), out);
  }

  @Test
  void warning_isNullWhenNothingWasMissed() {
    assertNull(RuntimeDefaults.warning(List.of(), RuntimeDefaults.TOO_LATE));
  }

  @Test
  void warning_unreachableEnvironment_saysSoAndNamesTheVariables() {
    String w = RuntimeDefaults.warning(
        List.of("OMP_WAIT_POLICY=PASSIVE", "OPENBLAS_NUM_THREADS=1"), RuntimeDefaults.UNREACHABLE);
    assertTrue(w.startsWith(RuntimeDefaults.WARNING_PREFIX), w);
    assertTrue(w.contains(RuntimeDefaults.UNREACHABLE), w);
    assertTrue(w.contains("OMP_WAIT_POLICY=PASSIVE OPENBLAS_NUM_THREADS=1 in the environment ("), w);
    assertTrue(!w.contains("\n") && !w.contains("command line"), w);
  }

  private static List<String> warningLines(String output) {
    return output.lines().filter(l -> l.startsWith(RuntimeDefaults.WARNING_PREFIX)).toList();
  }
}
