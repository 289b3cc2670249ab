package dev.shapetorch.shapes.rules;

import static dev.shapetorch.shapes.rules.ConvRulesGoldenTest.dims;
import static dev.shapetorch.shapes.rules.ConvRulesGoldenTest.longs;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Transposed convolutions' output sizes, and refusals, against PyTorch 1.13 (fixture written by
 * src/test/python/conv_golden.py).
 */
class ConvTransposeRulesGoldenTest {

  static Stream<String> cases() throws IOException {
    List<String> lines = ConvRulesGoldenTest.fixture("conv-transpose-golden.csv");
    assertTrue(lines.size() > 1000, "fixture has " + lines.size() + " cases");
    return lines.stream();
  }

  /** {@code kind;input;weight;stride;padding;output_padding;groups;dilation;output}. */
  @ParameterizedTest
  @MethodSource("cases")
  void matchesPytorch(String line) {
    String[] f = line.split(";", -1);
    ShapeResult<TensorShape> r = ConvTransposeRules.convTranspose(f[0],
        f[0].equals("conv_transpose2d") ? 2 : 1, TensorShape.of(longs(f[1])),
        TensorShape.of(longs(f[2])), dims(f[3]), dims(f[4]), dims(f[5]),
        DimExpr.of(Long.parseLong(f[6])), dims(f[7]));
    ConvRulesGoldenTest.assertAgreesWithPytorch(line, f[8], r);
  }
}
