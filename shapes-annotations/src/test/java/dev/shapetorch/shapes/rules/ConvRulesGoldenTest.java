package dev.shapetorch.shapes.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

/** Output sizes against PyTorch 1.13 (fixture written by src/test/python/conv_golden.py). */
class ConvRulesGoldenTest {

  static Stream<String> cases() throws IOException {
    List<String> lines = new ArrayList<>();
    try (InputStream in = ConvRulesGoldenTest.class.getResourceAsStream("conv-golden.csv");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.startsWith("#")) {
          lines.add(line);
        }
      }
    }
    assertTrue(lines.size() > 500, "fixture has " + lines.size() + " cases");
    return lines.stream();
  }

  private static long[] longs(String s) {
    return s.isBlank() ? new long[0]
        : Arrays.stream(s.trim().split(" ")).mapToLong(Long::parseLong).toArray();
  }

  private static List<DimExpr> dims(String s) {
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
      case "conv1d":
        r = ConvRules.conv(f[0], f[0].equals("conv2d") ? 2 : 1, input,
            TensorShape.of(longs(f[2])), dims(f[3]), dims(f[4]), dims(f[5]),
            DimExpr.of(Long.parseLong(f[6])));
        break;
      default:
        r = ConvRules.pool(f[0], f[0].endsWith("2d") ? 2 : 1, input, dims(f[2]), dims(f[3]),
            dims(f[4]), dims(f[5]), f[6].equals("ceil"));
    }
    assertTrue(r.isOk(), () -> line + " -> " + r);
    assertEquals(TensorShape.of(longs(f[7])), r.value(), line);
  }
}
