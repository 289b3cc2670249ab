package dev.shapetorch.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * PyTorch's values for one test case, read from {@code golden/nn/<case>.txt} (written by {@code
 * src/test/python/nn_golden.py}; see its docstring for the format).
 */
public final class Golden {
  /** One tensor of the fixture. */
  record Entry(boolean integral, long[] shape, double[] values) {}

  private final String name;
  private final Map<String, Entry> entries;

  private Golden(String name, Map<String, Entry> entries) {
    this.name = name;
    this.entries = entries;
  }

  /** Loads {@code golden/nn/<name>.txt} from the test classpath. */
  public static Golden load(String name) {
    String path = "/golden/nn/" + name + ".txt";
    Map<String, Entry> entries = new LinkedHashMap<>();
    try (InputStream in = Golden.class.getResourceAsStream(path)) {
      assertNotNull(in, "missing fixture " + path);
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String[] f = line.split("\t", -1);
        long[] shape = f[2].equals("-") ? new long[0] : parseLongs(f[2].split(","));
        String[] vs = f[3].isEmpty() ? new String[0] : f[3].split(" ");
        double[] values = new double[vs.length];
        for (int i = 0; i < vs.length; i++) {
          values[i] = Double.parseDouble(vs[i]);
        }
        entries.put(f[0], new Entry(f[1].equals("long"), shape, values));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Golden(name, entries);
  }

  private static long[] parseLongs(String[] parts) {
    long[] out = new long[parts.length];
    for (int i = 0; i < parts.length; i++) {
      out[i] = Long.parseLong(parts[i]);
    }
    return out;
  }

  /** True if the fixture has {@code key}. */
  public boolean has(String key) {
    return entries.containsKey(key);
  }

  private Entry entry(String key) {
    Entry e = entries.get(key);
    assertNotNull(e, name + " has no entry " + key);
    return e;
  }

  /** The entry as a new tensor: float32, or int64 for integral entries. */
  public Tensor tensor(String key) {
    Entry e = entry(key);
    if (e.integral()) {
      long[] v = new long[e.values().length];
      for (int i = 0; i < v.length; i++) {
        v[i] = (long) e.values()[i];
      }
      return Torch.fromArray(v, e.shape());
    }
    float[] v = new float[e.values().length];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) e.values()[i];
    }
    return Torch.fromArray(v, e.shape());
  }

  /** The entry as a float32 tensor that requires a gradient. */
  public Tensor leaf(String key) {
    return tensor(key).requiresGrad_(true);
  }

  /** The {@code state.*} entries, prefix removed, in PyTorch's state_dict order. */
  public Map<String, Tensor> state() {
    Map<String, Tensor> out = new LinkedHashMap<>();
    for (String k : entries.keySet()) {
      if (k.startsWith("state.")) {
        out.put(k.substring("state.".length()), tensor(k));
      }
    }
    return out;
  }

  /**
   * Loads the fixture's state dict into {@code module}, strictly: this also checks that the
   * module's parameter and buffer names are PyTorch's.
   */
  public void loadInto(Module module) {
    module.loadStateDict(state());
  }

  /** Asserts every {@code pgrad.<name>} entry against the module's parameter gradients. */
  public void assertParameterGrads(Module module) {
    Map<String, Parameter> params = module.namedParameters();
    int checked = 0;
    for (String k : entries.keySet()) {
      if (k.startsWith("pgrad.")) {
        Parameter p = params.get(k.substring("pgrad.".length()));
        assertNotNull(p, name + ": no parameter for " + k);
        assertNotNull(p.grad(), name + ": no gradient for " + k);
        assertClose(k, p.grad());
        checked++;
      }
    }
    assertEquals(params.size(), checked, name + ": every parameter has a PyTorch gradient");
  }

  /** Asserts that {@code actual} has the entry's shape and values (float32 tolerances). */
  public void assertClose(String key, Tensor actual) {
    assertClose(key, actual, 1e-5, 1e-4);
  }

  /** Asserts shape and values within {@code atol + rtol * |expected|}. */
  public void assertClose(String key, Tensor actual, double atol, double rtol) {
    Entry e = entry(key);
    assertArrayEquals(e.shape(), actual.shape(), name + "/" + key + ": shape");
    double[] got = actual.to(DType.FLOAT64).toDoubleArray();
    for (int i = 0; i < got.length; i++) {
      double want = e.values()[i];
      double tol = atol + rtol * Math.abs(want);
      if (!(Math.abs(got[i] - want) <= tol)) {
        assertEquals(want, got[i], tol, name + "/" + key + ": element " + i);
      }
    }
  }
}
