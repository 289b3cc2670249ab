package dev.shapetorch.shapes.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shapetorch.shapes.rules.DTypeRule.Input;
import dev.shapetorch.shapes.rules.ScalarTypes.Operand;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The dtype algebra against PyTorch 1.13's {@code promote_types} and {@code result_type}
 * (dtype-promotion.csv, written by src/test/python/dtype_promotion.py), and its lattice laws.
 */
class ScalarTypesTest {
  private static final Map<String, String> TABLE = load();

  private static Map<String, String> load() {
    Map<String, String> t = new HashMap<>();
    var in = ScalarTypesTest.class.getResourceAsStream("dtype-promotion.csv");
    assertNotNull(in, "dtype-promotion.csv is missing");
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.startsWith("#") || line.startsWith("kind,")) {
          continue;
        }
        String[] f = line.split(",");
        t.put(f[0] + "," + f[1] + "," + f[2], f[3]);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return t;
  }

  private static String torch(String kind, String a, String b) {
    String r = TABLE.get(kind + "," + a + "," + b);
    assertNotNull(r, "no row " + kind + "," + a + "," + b);
    return r;
  }

  @Provide
  Arbitrary<String> exact() {
    return Arbitraries.of(ScalarTypes.EXACT);
  }

  @Provide
  Arbitrary<String> any() {
    List<String> all = new ArrayList<>(ScalarTypes.EXACT);
    all.addAll(ScalarTypes.CATEGORIES);
    all.add(null);
    return Arbitraries.of(all);
  }

  @Test
  void tableCoversEveryPairAndKind() {
    assertEquals(10 * 10 * 5 + 10 * 4, TABLE.size());
  }

  @Property
  void promoteIsTorchPromoteTypes(@ForAll("exact") String a, @ForAll("exact") String b) {
    assertEquals(torch("promote", a, b), ScalarTypes.promote(a, b), a + " " + b);
  }

  @Property
  void resultTypeOfTensorsIsTorchResultType(@ForAll("exact") String a, @ForAll("exact") String b) {
    assertEquals(torch("tensor_tensor", a, b),
        ScalarTypes.resultType(a, Operand.TENSOR, b, Operand.TENSOR));
    assertEquals(torch("tensor_zerodim", a, b),
        ScalarTypes.resultType(a, Operand.TENSOR, b, Operand.ZERO_DIM));
    assertEquals(torch("zerodim_tensor", a, b),
        ScalarTypes.resultType(a, Operand.ZERO_DIM, b, Operand.TENSOR));
    assertEquals(torch("zerodim_zerodim", a, b),
        ScalarTypes.resultType(a, Operand.ZERO_DIM, b, Operand.ZERO_DIM));
  }

  @Property
  void resultTypeWithJavaScalarsIsTorchResultType(@ForAll("exact") String a) {
    assertEquals(torch("tensor_double", a, "double"),
        ScalarTypes.resultType(a, Operand.TENSOR, null, Operand.DOUBLE_SCALAR));
    assertEquals(torch("tensor_long", a, "long"),
        ScalarTypes.resultType(a, Operand.TENSOR, null, Operand.LONG_SCALAR));
    assertEquals(torch("zerodim_double", a, "double"),
        ScalarTypes.resultType(a, Operand.ZERO_DIM, null, Operand.DOUBLE_SCALAR));
    assertEquals(torch("zerodim_long", a, "long"),
        ScalarTypes.resultType(a, Operand.ZERO_DIM, null, Operand.LONG_SCALAR));
  }

  /** An unknown rank gives the answer when both ranks agree on it, else something above both. */
  @Property
  void unknownRankIsSoundForBothRanks(@ForAll("exact") String a, @ForAll("exact") String b) {
    String r = ScalarTypes.resultType(a, Operand.TENSOR, b, Operand.UNKNOWN_RANK);
    String dim = torch("tensor_tensor", a, b);
    String zero = torch("tensor_zerodim", a, b);
    if (dim.equals(zero)) {
      assertEquals(dim, r);
    } else {
      assertTrue(r == null || (ScalarTypes.isSubtype(dim, r) && ScalarTypes.isSubtype(zero, r)),
          a + " " + b + " gave " + r);
    }
  }

  /** A category or unknown operand gives an answer that holds for each dtype it stands for. */
  @Property
  void categoriesAreSound(@ForAll("any") String a, @ForAll("any") String b) {
    String r = ScalarTypes.promote(a, b);
    for (String x : ScalarTypes.members(a)) {
      for (String y : ScalarTypes.members(b)) {
        String exact = torch("promote", x, y);
        assertTrue(r == null || ScalarTypes.isSubtype(exact, r), a + " " + b + " gave " + r);
      }
    }
  }

  @Property
  void joinIsAnUpperBoundAndMeetALowerOne(@ForAll("any") String a, @ForAll("any") String b) {
    String j = ScalarTypes.join(a, b);
    assertTrue(j == null || (ScalarTypes.isSubtype(a == null ? "x" : a, j)
        && ScalarTypes.isSubtype(b == null ? "x" : b, j)) || a == null || b == null);
    String m = ScalarTypes.meet(a, b);
    if (m != null && !m.isEmpty()) {
      assertTrue(a == null || ScalarTypes.isSubtype(m, a));
      assertTrue(b == null || ScalarTypes.isSubtype(m, b));
    }
  }

  @Test
  void namesParseAndBadOnesExplain() {
    assertEquals("int64", ScalarTypes.parse("torch.int64"));
    assertEquals("float32", ScalarTypes.parse("FLOAT32"));
    assertEquals("integral", ScalarTypes.parse("integral"));
    assertNull(ScalarTypes.parse("int65"));
    assertNull(ScalarTypes.syntaxError("bool"));
    assertTrue(ScalarTypes.syntaxError("long").contains("is not a dtype: write one of bool"));
    assertEquals(ScalarTypes.INTEGRAL, ScalarTypes.join("int32", "int64"));
    assertNull(ScalarTypes.join("bool", "int64"));
    assertEquals("", ScalarTypes.meet("integral", "floating"));
    assertTrue(ScalarTypes.isSubtype("uint8", "integral"));
    assertTrue(!ScalarTypes.isSubtype("bool", "integral"));
  }

  @Test
  void effects() {
    Input f = Input.tensor("a", "float32", "[3]", 1);
    Input l = Input.tensor("b", "int64", "[3]", 1);
    Input u = Input.tensor("c", null, "", -1);
    assertEquals("float32", DTypeRule.PROMOTE.result(List.of(l, f)));
    assertEquals("int64", DTypeRule.PROMOTE.result(List.of(l, l)));
    assertNull(DTypeRule.PROMOTE.result(List.of(l, u)));
    assertEquals("float32", DTypeRule.FLOATING_RESULT.result(List.of(l, l)));
    assertEquals("int64", DTypeRule.SUM_LIKE.result(List.of(Input.tensor("x", "bool", "[2]", 1))));
    assertEquals("float64", DTypeRule.SUM_LIKE.result(List.of(Input.tensor("x", "float64", "[2]", 1))));
    assertEquals("bool", DTypeRule.BOOL.result(List.of(u)));
    assertEquals("float32", DTypeRule.PROMOTE.result(List.of(l,
        new Input("other", null, Operand.DOUBLE_SCALAR, "", -1))));
    assertEquals("int64", DTypeRule.PROMOTE.result(List.of(
        Input.tensor("x", "bool", "[2]", 1), new Input("other", null, Operand.LONG_SCALAR, "", -1))));
  }

  /**
   * {@code cat}/{@code stack} promote their elements with {@code promote_types}, whatever their
   * rank (torch 1.13: {@code cat([zeros(0, dtype=float64), zeros(2, 3)])} is float64 and {@code
   * stack([tensor(1.0, dtype=float64), tensor(1.0)])} too), not {@code result_type}, which would
   * let a dimensioned float32 decide over a 0-d float64.
   */
  @Property
  void promoteTypesIsTorchPromoteTypesWhateverTheRank(
      @ForAll("exact") String a, @ForAll("exact") String b) {
    assertEquals(torch("promote", a, b), DTypeRule.PROMOTE_TYPES.result(List.of(
        Input.tensor("tensors", a, "[]", 0), Input.tensor("tensors", b, "[2]", 1))), a + " " + b);
  }

  @Test
  void promoteTypesOfAList() {
    Input l = Input.tensor("tensors", "int64", "[2]", 1);
    Input f = Input.tensor("tensors", "float32", "[2]", 1);
    Input d = Input.tensor("tensors", "float64", "[]", 0);
    Input u8 = Input.tensor("tensors", "uint8", "[2]", 1);
    Input i8 = Input.tensor("tensors", "int8", "[2]", 1);
    assertEquals("float32", DTypeRule.PROMOTE_TYPES.result(List.of(l, f)));
    assertEquals("float64", DTypeRule.PROMOTE_TYPES.result(List.of(l, f, d)));
    assertEquals("int16", DTypeRule.PROMOTE_TYPES.result(List.of(u8, i8)));
    assertEquals("int32", DTypeRule.PROMOTE_TYPES.result(List.of(
        Input.tensor("tensors", "int32", "[2]", 1))));
    assertEquals("floating", DTypeRule.PROMOTE_TYPES.result(List.of(
        Input.tensor("tensors", "floating", "[2]", 1), f)));
    // An unknown element (or a list the call does not spell out) gives an unknown dtype.
    assertNull(DTypeRule.PROMOTE_TYPES.result(List.of(f, Input.tensor("tensors", null, "", -1))));
    assertNull(DTypeRule.PROMOTE_TYPES.result(List.of(Input.tensor("tensors", null, "", -1))));
    assertNull(DTypeRule.PROMOTE_TYPES.result(List.of()));
  }

  /** torch 1.13: all/any of uint8 is uint8, of every other dtype bool. */
  @Property
  void allAnyIsBoolButUint8StaysUint8(@ForAll("exact") String a) {
    assertEquals(a.equals("uint8") ? "uint8" : "bool",
        DTypeRule.ALL_ANY.result(List.of(Input.tensor("x", a, "[2]", 1))), a);
  }

  @Test
  void allAnyOfACategoryOrUnknown() {
    assertEquals("bool", DTypeRule.ALL_ANY.result(List.of(Input.tensor("x", "floating", "", 1))));
    // integral holds uint8: uint8 or bool, no common category
    assertNull(DTypeRule.ALL_ANY.result(List.of(Input.tensor("x", "integral", "", 1))));
    assertNull(DTypeRule.ALL_ANY.result(List.of(Input.tensor("x", null, "", -1))));
  }

  @Test
  void contractsNameTheOpTheArgumentItsDtypeAndTheFix() {
    ShapeMismatch m = DTypeRule.CLASS_INDEX_TARGET.check("Torch.crossEntropy", List.of(
        Input.tensor("input", "float32", "[4, 10]", 2), Input.tensor("target", "float32", "[4]", 1)));
    assertEquals("[shape.dtype.contract] Torch.crossEntropy: target holds class indices and must be"
        + " integral, got float32 [4]; convert it with target.to(DType.INT64) (class"
        + " probabilities need the input's shape [4, 10])", m.render());
    ShapeMismatch p = DTypeRule.CLASS_INDEX_TARGET.check("Torch.crossEntropy", List.of(
        Input.tensor("input", "float32", "[4, 10]", 2), Input.tensor("target", "int64", "[4, 10]", 2)));
    assertTrue(p.detail().contains("holds class probabilities and must be floating, got int64"),
        p.render());
    assertNull(DTypeRule.CLASS_INDEX_TARGET.check("Torch.crossEntropy", List.of(
        Input.tensor("input", "float32", "[4, 10]", 2), Input.tensor("target", "int64", "[4]", 1))));
    assertNull(DTypeRule.CLASS_INDEX_TARGET.check("Torch.crossEntropy", List.of(
        Input.tensor("input", "float32", "[4, 10]", 2), Input.tensor("target", null, "[4]", 1))));
    ShapeMismatch mean = DTypeRule.REQUIRES_FLOATING.check("Tensor.mean",
        List.of(Input.tensor("this", "int64", "[10]", 1)));
    assertEquals("[shape.dtype.contract] Tensor.mean: mean of an integral tensor (int64 [10]):"
        + " convert it with .to(DType.FLOAT32) first", mean.render());
    assertNull(DTypeRule.REQUIRES_FLOATING.check("Tensor.mean",
        List.of(Input.tensor("this", "floating", "[10]", 1))));
    assertNotNull(DTypeRule.REQUIRES_BOOL.check("Tensor.maskedFill",
        List.of(Input.tensor("mask", "float32", "[2]", 1))));
    assertNull(DTypeRule.REQUIRES_BOOL.check("Tensor.maskedFill",
        List.of(Input.tensor("mask", "bool", "[2]", 1))));
    assertNotNull(DTypeRule.REQUIRES_INTEGRAL.check("Torch.indexSelect",
        List.of(Input.tensor("index", "floating", "[2]", 1))));
    assertNull(DTypeRule.REQUIRES_INTEGRAL.check("Torch.indexSelect",
        List.of(Input.tensor("index", "int32", "[2]", 1))));
    for (DTypeRule r : DTypeRule.values()) {
      assertEquals(r.name().startsWith("REQUIRES") || r == DTypeRule.CLASS_INDEX_TARGET,
          r.isContract(), r.name());
    }
  }
}
