package dev.shapetorch.shapes.rules;

import static dev.shapetorch.shapes.rules.Fixtures.d;
import static dev.shapetorch.shapes.rules.Fixtures.fails;
import static dev.shapetorch.shapes.rules.Fixtures.ok;
import static dev.shapetorch.shapes.rules.Fixtures.s;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class JoinRulesTest {

  @Test
  void cat_addsSizesAlongTheDim() {
    assertEquals("[2, 7]", ok(JoinRules.cat("cat", List.of(TensorShape.of(2, 3),
        TensorShape.of(2, 4)), 1)));
    assertEquals("[5, 3]", ok(JoinRules.cat("cat", List.of(TensorShape.of(2, 3),
        TensorShape.of(3, 3)), -2)));
    assertEquals("[B, C+D]", ok(JoinRules.cat("cat", List.of(s("B", "C"), s("B", "D")), -1)));
    assertEquals("[B, 2*C]", ok(JoinRules.cat("cat", List.of(s("B", "C"), s("_", "C")), 1)));
    assertEquals("[2, 3]", ok(JoinRules.cat("cat", List.of(TensorShape.of(2, 3),
        TensorShape.of(0)), 0)));
    assertEquals("[*b, 7]", ok(JoinRules.cat("cat", List.of(s("*b", "3"), s("*b", "4")), -1)));
  }

  @Test
  void cat_errors() {
    ShapeMismatch m = fails(JoinRules.cat("Torch.cat", List.of(TensorShape.of(2, 3),
        TensorShape.of(4, 3)), 1), MessageKeys.MISMATCH_CAT);
    assertEquals("[shape.mismatch.cat] Torch.cat: sizes must match except in dim 1: entry 0 is "
        + "[2, 3], entry 1 is [4, 3] (they differ in dim 0)", m.render());
    assertEquals(0, m.dim());
    fails(JoinRules.cat("cat", List.of(s("B", "C"), s("K", "C")), 1), MessageKeys.MISMATCH_CAT);
    fails(JoinRules.cat("cat", List.of(TensorShape.of(2, 3), TensorShape.of(2, 3, 1)), 0),
        MessageKeys.RANK);
    fails(JoinRules.cat("cat", List.of(), 0), MessageKeys.JOIN_EMPTY);
    fails(JoinRules.cat("cat", List.of(TensorShape.of(2), TensorShape.of(3)), 1),
        MessageKeys.DIM_RANGE);
    fails(JoinRules.cat("cat", List.of(TensorShape.of(), TensorShape.of()), 0),
        MessageKeys.RANK);
  }

  @Test
  void stack() {
    assertEquals("[3, 2, 4]", ok(JoinRules.stack("stack", List.of(TensorShape.of(2, 4),
        TensorShape.of(2, 4), TensorShape.of(2, 4)), 0)));
    assertEquals("[B, C, 2]", ok(JoinRules.stack("stack", List.of(s("B", "C"), s("B", "C")),
        -1)));
    fails(JoinRules.stack("stack", List.of(TensorShape.of(2, 4), TensorShape.of(2, 5)), 0),
        MessageKeys.MISMATCH_STACK);
    fails(JoinRules.stack("stack", List.of(TensorShape.of(2, 4), TensorShape.of(2, 4)), 3),
        MessageKeys.DIM_RANGE);
  }

  @Test
  void stack_fillsUnknownSizesFromLaterEntries() {
    assertEquals("[2, 2, 3]",
        ok(JoinRules.stack("stack", List.of(s("_", "3"), s("2", "3")), 0)));
  }

  @Test
  void splitAndChunkPieces_unevenOnesEndSmaller() {
    assertEquals(List.of(TensorShape.of(2, 3), TensorShape.of(2, 3), TensorShape.of(1, 3)),
        JoinRules.splitPieces("split", TensorShape.of(5, 3), d("2"), 0).value());
    assertEquals(List.of(TensorShape.of(5, 2), TensorShape.of(5, 1)),
        JoinRules.splitPieces("split", TensorShape.of(5, 3), d("2"), -1).value());
    assertEquals(List.of(TensorShape.of(5, 3)),
        JoinRules.splitPieces("split", TensorShape.of(5, 3), d("8"), 0).value());
    // chunk: ceil(5/4) = 2 per piece, so 3 pieces, not 4.
    assertEquals(List.of(TensorShape.of(2), TensorShape.of(2), TensorShape.of(1)),
        JoinRules.chunkPieces("chunk", TensorShape.of(5), d("4"), 0).value());
    assertEquals(List.of(TensorShape.of(2), TensorShape.of(2), TensorShape.of(2)),
        JoinRules.chunkPieces("chunk", TensorShape.of(6), d("4"), 0).value());
    // Unknown sizes, an empty dim or a dim out of range: the pieces are not known.
    assertEquals(List.of(), JoinRules.splitPieces("split", s("N", "3"), d("2"), 0).value());
    assertEquals(List.of(), JoinRules.splitPieces("split", s("5", "3"), d("K"), 0).value());
    assertEquals(List.of(), JoinRules.chunkPieces("chunk", TensorShape.of(0, 3), d("2"), 0)
        .value());
    assertEquals(List.of(), Rule.CAT.pieces("cat", List.of()));
    // split's own mismatches.
    assertEquals(MessageKeys.SPLIT_SIZE,
        JoinRules.splitPieces("split", TensorShape.of(5, 3), d("0"), 0).mismatch().key());
  }

  @Test
  void splitAndChunk() {
    assertEquals("[2, 5]", ok(JoinRules.split("split", TensorShape.of(2, 10), d("5"), 1)));
    assertEquals("[2, _]", ok(JoinRules.split("split", TensorShape.of(2, 10), d("3"), 1)));
    assertEquals("[2, 10]", ok(JoinRules.split("split", TensorShape.of(2, 10), d("12"), 1)));
    assertEquals("[B, K]", ok(JoinRules.split("split", s("B", "4*K"), d("K"), 1)));
    fails(JoinRules.split("split", TensorShape.of(2, 10), d("0"), 1), MessageKeys.SPLIT_SIZE);
    assertEquals("[2, 5]", ok(JoinRules.chunk("chunk", TensorShape.of(2, 10), d("2"), -1)));
    assertEquals("[2, _]", ok(JoinRules.chunk("chunk", TensorShape.of(2, 10), d("3"), -1)));
    // 6 in 4 chunks: chunks of ceil(6/4) = 2, so only 3 chunks, all [2, 2].
    assertEquals("[2, 2]", ok(JoinRules.chunk("chunk", TensorShape.of(2, 6), d("4"), -1)));
    assertEquals("[2*B, 3]", ok(JoinRules.chunk("chunk", s("6*B", "3"), d("3"), 0)));
    fails(JoinRules.chunk("chunk", TensorShape.of(2, 10), d("-1"), 1), MessageKeys.SPLIT_SIZE);
    fails(JoinRules.chunk("chunk", TensorShape.of(), d("2"), 0), MessageKeys.RANK);
  }
}
