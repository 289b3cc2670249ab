package dev.shapetorch.shapes.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Output sizes, and refusals, against PyTorch 1.13 (fixture written by
 * src/test/python/conv_golden.py): conv with numeric and string ("same", "valid") paddings, and
 * pooling.
 */
class ConvRulesGoldenTest {

  static Stream<String> cases() throws IOException {
    List<String> lines = fixture("conv-golden.csv");
    assertTrue(lines.size() > 800, "fixture has " + lines.size() + " cases");
    return lines.stream();
  }

  /** The non-comment lines of a fixture next to this class. */
  static List<String> fixture(String name) throws IOException {
    List<String> lines = new ArrayList<>();
    try (InputStream in = ConvRulesGoldenTest.class.getResourceAsStream(name);
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.startsWith("#")) {
          lines.add(line);
        }
      }
    }
    return lines;
  }

  static long[] longs(String s) {
    return s.isBlank() ? new long[0]
        : Arrays.stream(s.trim().split(" ")).mapToLong(Long::parseLong).toArray();
  }

  static List<DimExpr> dims(String s) {
    List<DimExpr> out = new ArrayList<>();
    for (long v : longs(s)) {
      out.add(DimExpr.of(v));
    }
    return out;
  }

  @ParameterizedTest
  @MethodSource("cases")
  void matchesPytorch(String line) {
    String[] f = line.split(";", -1);
    TensorShape input = TensorShape.of(longs(f[1]));
    ShapeResult<TensorShape> r;
    switch (f[0]) {
      case "conv2d":
      case "conv1d": {
        int spatial = f[0].equals("conv2d") ? 2 : 1;
        TensorShape weight = TensorShape.of(longs(f[2]));
        DimExpr groups = DimExpr.of(Long.parseLong(f[6]));
        if (f[4].equals("same")) {
          r = ConvRules.convSame(f[0], spatial, input, weight, dims(f[3]), dims(f[5]), groups);
        } else if (f[4].equals("valid")) {
          r = ConvRules.convValid(f[0], spatial, input, weight, dims(f[3]), dims(f[5]), groups);
        } else {
          r = ConvRules.conv(f[0], spatial, input, weight, dims(f[3]), dims(f[4]), dims(f[5]),
              groups);
        }
        break;
      }
      default:
        r = ConvRules.pool(f[0], f[0].endsWith("2d") ? 2 : 1, input, dims(f[2]), dims(f[3]),
            dims(f[4]), dims(f[5]), f[6].equals("ceil"));
    }
    assertAgreesWithPytorch(line, f[7], r);
  }

  /**
   * PyTorch's outcome {@code expected} (a space-separated shape, or {@code error:<key>} where
   * PyTorch refuses) against the rule's result.
   */
  static void assertAgreesWithPytorch(String line, String expected, ShapeResult<TensorShape> r) {
    if (expected.startsWith("error:")) {
      assertFalse(r.isOk(), () -> line + ": PyTorch refuses this, the rule gives " + r);
      assertEquals(expected.substring("error:".length()), r.mismatch().key(), line);
    } else {
      assertTrue(r.isOk(), () -> line + " -> " + r);
      assertEquals(TensorShape.of(longs(expected)), r.value(), line);
    }
  }
}
