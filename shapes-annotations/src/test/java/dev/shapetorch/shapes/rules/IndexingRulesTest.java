package dev.shapetorch.shapes.rules;

import static dev.shapetorch.shapes.rules.Fixtures.fails;
import static dev.shapetorch.shapes.rules.Fixtures.ok;
import static dev.shapetorch.shapes.rules.Fixtures.s;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class IndexingRulesTest {

  private static String index(TensorShape in, String spec) {
    return ok(IndexingRules.index("Tensor.index", in, spec));
  }

  private static String index(TensorShape in, String spec, IndexValue... values) {
    IndexSpec p = IndexSpec.parse("Tensor.index", spec, 1).value();
    return ok(IndexingRules.index("Tensor.index", in, p, Arrays.asList(values)));
  }

  private static ShapeMismatch indexFails(TensorShape in, String spec, String key,
      IndexValue... values) {
    ShapeResult<IndexSpec> p = IndexSpec.parse("Tensor.index", spec, 1);
    if (!p.isOk()) {
      return fails(p, key);
    }
    return fails(IndexingRules.index("Tensor.index", in, p.value(),
        values.length == 0 && p.value().placeholders() == 0 ? null : Arrays.asList(values)), key);
  }

  private static IndexValue i(long v) {
    return new IndexValue.IntValue(v);
  }

  private static IndexValue idx(long... sizes) {
    return new IndexValue.TensorValue(TensorShape.of(sizes), false);
  }

  private static IndexValue mask(long... sizes) {
    return new IndexValue.TensorValue(TensorShape.of(sizes), true);
  }

  @Test
  void slicesKeepTheirDimWithPythonsLength() {
    assertEquals("[B, 2]", index(s("B", "10"), ":, 1:3"));
    assertEquals("[B, 10]", index(s("B", "10"), ":"));
    assertEquals("[B, 10]", index(s("B", "10"), ""));
    assertEquals("[5, 4]", index(TensorShape.of(10, 4), "::2"));
    assertEquals("[4, 4]", index(TensorShape.of(10, 4), "1:9:2"));
    assertEquals("[2, 4]", index(TensorShape.of(10, 4), "-2:"));
    assertEquals("[8, 4]", index(TensorShape.of(10, 4), ":-2"));
    // Python clamps slice bounds: no error, possibly empty.
    assertEquals("[9, 4]", index(TensorShape.of(10, 4), "1:30"));
    assertEquals("[0, 4]", index(TensorShape.of(10, 4), "7:3"));
    assertEquals("[10, 4]", index(TensorShape.of(10, 4), "-30:"));
    // A symbolic size: a full slice keeps it, a step divides it rounding up, else unknown.
    assertEquals("[N, 3]", index(s("N", "3"), ":"));
    assertEquals("[(N+1)/2, 3]", index(s("N", "3"), "::2"));
    assertEquals("[_, 3]", index(s("N", "3"), "1:"));
  }

  @Test
  void integersRemoveTheirDimAndCountFromTheEndWhenNegative() {
    assertEquals("[B]", index(s("B", "10"), ":, -1"));
    assertEquals("[10]", index(s("B", "10"), "0"));
    assertEquals("[]", index(TensorShape.of(3, 4), "2, 3"));
    assertEquals("[4]", index(TensorShape.of(3, 4), "-3"));
  }

  @Test
  void noneAndEllipsis() {
    assertEquals("[B, 10, 1]", index(s("B", "10"), "..., None"));
    assertEquals("[1, B, 10]", index(s("B", "10"), "None"));
    assertEquals("[2, 3, 1, 2]", index(TensorShape.of(2, 3, 4), "..., None, ::2"));
    assertEquals("[3]", index(TensorShape.of(2, 3, 4), "0, ..., 1"));
    assertEquals("[2, 3, 4]", index(TensorShape.of(2, 3, 4), "..."));
    assertEquals("[1, 2, 1, 3, 4]", index(TensorShape.of(2, 3, 4), "None, :, None"));
  }

  @Test
  void aMaskGivesOneDimOfUnknownSizeInPlaceOfTheDimsItCovers() {
    assertEquals("[_]", index(TensorShape.of(3, 4), "?", mask(3, 4)));
    assertEquals("[_, 4]", index(TensorShape.of(3, 4), "?", mask(3)));
    assertEquals("[3, _]", index(TensorShape.of(3, 4), ":, ?", mask(4)));
  }

  @Test
  void indexTensorsBroadcastAndGoInPlaceWhenAdjacentElseFirst() {
    assertEquals("[5, 4]", index(TensorShape.of(3, 4), "?", idx(5)));
    assertEquals("[2, 5, 4]", index(TensorShape.of(3, 4), "?", idx(2, 5)));
    assertEquals("[3, 5]", index(TensorShape.of(3, 4), ":, ?", idx(5)));
    assertEquals("[2, 5, 6]", index(TensorShape.of(3, 4, 6), "?, ?", idx(2, 1), idx(5)));
    assertEquals("[5, 4]", index(TensorShape.of(3, 4, 6), "?, :, ?", idx(5), idx(5)));
    // An int removes its dim before the tensors are placed (PyTorch, unlike NumPy).
    assertEquals("[4, 5]", index(TensorShape.of(3, 4, 6), "0, :, ?", idx(5)));
    assertEquals("[5, 4]", index(TensorShape.of(3, 4, 6), "?, :, 1", idx(5)));
  }

  @Test
  void placeholdersTakeTheirValuesAtRunTimeAndAreUnknownToTheChecker() {
    assertEquals("[B, 3]", index(s("B", "10"), ":, ?:?", i(2), i(5)));
    assertEquals("[B, _]", index(s("B", "10"), ":, ?:?"));
    assertEquals("[B]", index(s("B", "10"), ":, ?", i(-1)));
    assertEquals("[B, 5]", index(s("B", "10"), ":, ::?", i(2)));
    // A whole ? may be an int (removing a dim) or a mask (covering several): rank unknown.
    assertEquals(TensorShape.unknownRank().toString(), index(s("B", "10"), "?"));
  }

  @Test
  void anUnknownInputOrSpecGivesAnUnknownShape() {
    assertEquals(TensorShape.unknownRank().toString(),
        index(TensorShape.unknownRank(), ":, 1:3"));
    assertEquals(TensorShape.unknownRank().toString(),
        ok(IndexingRules.index("Tensor.index", s("B", "10"), null)));
    assertEquals("[B, _]", index(s("B", "_"), ":, 1:3"));
  }

  @Test
  void anIntegerOutOfRangeNamesTheOpTheIndexAndTheShape() {
    ShapeMismatch m = indexFails(s("B", "10"), ":, 10", MessageKeys.INDEX_RANGE);
    assertEquals("[shape.index.range] Tensor.index: index 10 at item 1 of \":, 10\" is out of"
        + " range for dim 1 of [B, 10] (size 10); use an index in [-10, 9]", m.render());
    indexFails(s("B", "10"), ":, -11", MessageKeys.INDEX_RANGE);
    ShapeMismatch p = indexFails(s("B", "10"), ":, ?", MessageKeys.INDEX_RANGE, i(12));
    assertEquals("[shape.index.range] Tensor.index: index 12 at item 1 of \":, ?\" is out of"
        + " range for dim 1 of [B, 10] (size 10); use an index in [-10, 9]", p.render());
  }

  @Test
  void tooManyIndicesIsARankMismatch() {
    ShapeMismatch m = indexFails(s("B", "10"), "0, 1, 2", MessageKeys.RANK);
    assertEquals("[shape.rank] Tensor.index: too many indices for [B, 10] (rank 2): the index"
        + " \"0, 1, 2\" indexes 3 dims; index at most 2", m.render());
    indexFails(TensorShape.of(3, 4), "0, ?", MessageKeys.RANK, mask(4, 2));
    assertEquals("[3, 4, 1]", index(TensorShape.of(3, 4), ":, :, None"));
  }

  @Test
  void aStringThatIsNoIndexIsASyntaxMismatch() {
    ShapeMismatch m = indexFails(s("B", "10"), ":, 1:2:3:4", MessageKeys.INDEX_SYNTAX);
    assertEquals("[shape.index.syntax] Tensor.index: cannot read the index \":, 1:2:3:4\": item"
        + " 1 has 3 ':'; a slice is start:stop or start:stop:step; an item is an integer, a"
        + " slice start:stop:step, None, ... or ? (a value given after the string), as inside"
        + " Python's x[...]", m.render());
    indexFails(s("B", "10"), "..., ...", MessageKeys.INDEX_SYNTAX);
    indexFails(s("B", "10"), "0,", MessageKeys.INDEX_SYNTAX);
    indexFails(s("B", "10"), "a:b", MessageKeys.INDEX_SYNTAX);
    indexFails(s("B", "10"), "[0]", MessageKeys.INDEX_SYNTAX);
    indexFails(s("B", "10"), "none", MessageKeys.INDEX_SYNTAX);
    ShapeMismatch n = indexFails(s("B", "10"), ":, ?", MessageKeys.INDEX_SYNTAX, i(1), i(2));
    assertEquals("[shape.index.syntax] Tensor.index: the index \":, ?\" has 1 placeholder (?),"
        + " got 2 values; pass one int or index tensor after the string per ?", n.render());
  }

  @Test
  void aStepBelowOneIsAnError() {
    indexFails(TensorShape.of(10), "::0", MessageKeys.INDEX_RANGE);
    ShapeMismatch m = indexFails(TensorShape.of(10), "::-1", MessageKeys.INDEX_RANGE);
    assertEquals("[shape.index.range] Tensor.index: slice step -1 at item 0 of \"::-1\" must be"
        + " above 0 (PyTorch has no negative steps; flip the dim instead)", m.render());
  }

  @Test
  void aMaskMustHaveTheSizesOfTheDimsItCovers() {
    ShapeMismatch m = indexFails(TensorShape.of(3, 4), "?", MessageKeys.MISMATCH_INDEX, mask(4));
    assertEquals("[shape.mismatch.index] Tensor.index: the mask [4] at item 0 of \"?\" does not"
        + " fit dims 0..0 of [3, 4]: its dim 0 is 4, the tensor's dim 0 is 3; a mask has the"
        + " sizes of the dims it covers", m.render());
    indexFails(TensorShape.of(3, 4), "?, ?", MessageKeys.MISMATCH_INDEX, idx(2), idx(3));
  }

  @Test
  void indexPutChecksTheValueAgainstTheIndexedPart() {
    String op = "Tensor.indexPut_";
    assertEquals("[B, 10]", ok(IndexingRules.indexPut(op, s("B", "10"), ":, 1:3", s("B", "2"))));
    assertEquals("[B, 10]", ok(IndexingRules.indexPut(op, s("B", "10"), ":, 1:3", s("2"))));
    assertEquals("[B, 10]", ok(IndexingRules.indexPut(op, s("B", "10"), ":, 1:3",
        s("1", "1", "2"))));
    assertEquals("[B, 10]", ok(IndexingRules.indexPut(op, s("B", "10"), ":, 1:3", null)));
    ShapeMismatch m = fails(IndexingRules.indexPut(op, s("B", "10"), ":, 1:3", s("3")),
        MessageKeys.MISMATCH_INDEX);
    assertEquals("[shape.mismatch.index] Tensor.indexPut_: the value [3] does not broadcast to"
        + " [B, 2], the part \":, 1:3\" of [B, 10]; give a value of shape [B, 2] or one that"
        + " broadcasts to it", m.render());
    fails(IndexingRules.indexPut(op, s("B", "10"), ":, 10", null), MessageKeys.INDEX_RANGE);
    IndexSpec p = IndexSpec.parse(op, "?", 1).value();
    assertEquals("[3, 4]", ok(IndexingRules.indexPut(op, TensorShape.of(3, 4), p,
        List.of(mask(3, 4)), TensorShape.of())));
  }

  @Test
  void theRuleConstantsRunTheFunctions() {
    assertEquals("[B, 2]", ok(Rule.INDEX.apply("Tensor.index", List.of(
        new RuleArg.TensorArg(s("B", "10")), new RuleArg.StringArg(":, 1:3")))));
    assertEquals("[B, 10]", ok(Rule.INDEX_PUT.apply("Tensor.indexPut_", List.of(
        new RuleArg.TensorArg(s("B", "10")), new RuleArg.StringArg(":, 1:3"),
        new RuleArg.Ignored()))));
    fails(Rule.INDEX.apply("Tensor.index", List.of(new RuleArg.TensorArg(s("B", "10")),
        new RuleArg.StringArg(":, 12"))), MessageKeys.INDEX_RANGE);
  }
}
