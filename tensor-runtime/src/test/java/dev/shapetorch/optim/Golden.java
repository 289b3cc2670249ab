package dev.shapetorch.optim;

import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads the PyTorch golden files written by {@code src/test/python/optim_golden.py}: lines of
 * tab-separated fields; tensor lines are {@code name float shape values}.
 */
public final class Golden {

  private final List<String[]> lines;

  private Golden(List<String[]> lines) {
    this.lines = lines;
  }

  /** The file {@code golden/optim/<name>} from the test classpath. */
  public static Golden read(String name) {
    return readFrom("/golden/optim/" + name);
  }

  /** The golden file at this test-classpath resource path. */
  public static Golden readFrom(String resource) {
    try (InputStream in = Golden.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing golden file " + resource);
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      List<String[]> lines = new ArrayList<>();
      for (String line : text.split("\n")) {
        if (!line.isEmpty()) {
          lines.add(line.split("\t", -1));
        }
      }
      return new Golden(lines);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The optimizer case names: every file except problem, clip, schedulers, swa and update_bn. */
  public static Stream<String> optimizerCases() {
    URL dir = Golden.class.getResource("/golden/optim");
    try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
      return files.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".txt"))
          .map(n -> n.substring(0, n.length() - 4))
          .filter(n -> !List.of("problem", "clip", "schedulers", "swa", "update_bn").contains(n))
          .sorted()
          .toList()
          .stream();
    } catch (IOException | URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** All lines whose first field is {@code key}. */
  public List<String[]> rows(String key) {
    List<String[]> out = new ArrayList<>();
    for (String[] l : lines) {
      if (l[0].equals(key)) {
        out.add(l);
      }
    }
    return out;
  }

  /** All lines. */
  public List<String[]> rows() {
    return lines;
  }

  /** The values of tensor line {@code name}. */
  public float[] values(String name) {
    String[] l = tensorLine(name);
    if (l[3].isEmpty()) {
      return new float[0];
    }
    String[] parts = l[3].split(" ");
    float[] out = new float[parts.length];
    for (int i = 0; i < parts.length; i++) {
      out[i] = Float.parseFloat(parts[i]);
    }
    return out;
  }

  /** The shape of tensor line {@code name}. */
  public long[] shape(String name) {
    String s = tensorLine(name)[2];
    if (s.equals("-")) {
      return new long[0];
    }
    return Arrays.stream(s.split(",")).mapToLong(Long::parseLong).toArray();
  }

  /** Tensor line {@code name} as a float32 tensor. */
  public Tensor tensor(String name) {
    return Torch.fromArray(values(name), shape(name));
  }

  private String[] tensorLine(String name) {
    for (String[] l : lines) {
      if (l[0].equals(name)) {
        return l;
      }
    }
    throw new IllegalArgumentException("no tensor line " + name);
  }

  /** Parses {@code k=v k2=v2} into a map. */
  public static Map<String, String> keyValues(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String kv : text.trim().split(" ")) {
      if (!kv.isEmpty()) {
        int eq = kv.indexOf('=');
        out.put(kv.substring(0, eq), kv.substring(eq + 1));
      }
    }
    return out;
  }

  /** Parses space-separated doubles. */
  public static double[] doubles(String text) {
    return Arrays.stream(text.trim().split(" ")).mapToDouble(Double::parseDouble).toArray();
  }
}
