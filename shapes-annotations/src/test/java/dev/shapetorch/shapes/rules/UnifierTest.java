package dev.shapetorch.shapes.rules;

import static dev.shapetorch.shapes.rules.Fixtures.d;
import static dev.shapetorch.shapes.rules.Fixtures.fails;
import static dev.shapetorch.shapes.rules.Fixtures.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UnifierTest {

  private static Bindings unify(TensorShape pattern, TensorShape actual) {
    ShapeResult<Bindings> r = Unifier.unify(pattern, actual);
    assertTrue(r.isOk(), () -> r.toString());
    return r.value();
  }

  @Test
  void bindsVariablesAndVariadics() {
    Bindings b = unify(s("*batch", "In"), s("B", "T", "120"));
    assertEquals(d("120"), b.get("In"));
    assertEquals(s("B", "T"), b.variadic("batch"));
    assertEquals("[B, T, 10]", b.substitute(s("*batch", "10")).toString());
    assertEquals("In = 120, *batch = [B, T]", b.toString());
  }

  @Test
  void solvesLinearEquations() {
    assertEquals(d("10"), unify(s("N-1"), s("9")).get("N"));
    assertEquals(d("4"), unify(s("2*B"), s("8")).get("B"));
    assertEquals(d("M+1"), unify(s("N-1"), s("M")).get("N"));
    assertEquals(d("K"), unify(s("3*B"), s("3*K")).get("B"));
  }

  @Test
  void unsolvableEquationIsAMismatch() {
    ShapeMismatch m = fails(Unifier.unify(s("2*B"), s("9")), MessageKeys.MISMATCH_UNSOLVABLE);
    assertEquals("[shape.mismatch.argument.unsolvable] unify: argument input is [9], required "
        + "[2*B] (dim 0: no size B gives 2*B = 9)", m.render());
    fails(Unifier.unify(s("N+5"), s("3")), MessageKeys.MISMATCH_UNSOLVABLE);
  }

  @Test
  void conflictingBindingNamesArgumentDimAndBindings() {
    ShapeResult<Bindings> r = Unifier.unifyAll("Linear.forward",
        List.of("weight", "input"), List.of(s("Out", "In"), s("*batch", "In")),
        List.of(s("84", "120"), s("B", "400")), Bindings.empty());
    ShapeMismatch m = fails(r, MessageKeys.MISMATCH_ARGUMENT);
    assertEquals("[shape.mismatch.argument] Linear.forward: argument input is [B, 400], "
        + "required [*batch, In] with Out = 84, In = 120, *batch = [B] (dim 1: found 400, "
        + "required In = 120)", m.render());
    assertEquals(1, m.argument());
    assertEquals(1, m.dim());
  }

  @Test
  void rankMismatch() {
    ShapeMismatch m = fails(Unifier.unify(s("N", "C", "H", "W"), s("3", "4")), MessageKeys.RANK);
    assertEquals("[shape.rank] unify: argument input is [3, 4] (rank 2), required [N, C, H, W] "
        + "(rank 4)", m.render());
    fails(Unifier.unify(s("*b", "N", "C"), s("3")), MessageKeys.RANK);
    fails(Unifier.unify(s("N"), s("*b", "3", "4")), MessageKeys.RANK);
  }

  @Test
  void unknownNeverFailsAndIsRefinedLater() {
    Bindings b = Unifier.unifyAll("f", List.of("x", "y"), List.of(s("N", "N"), s("N")),
        List.of(s("_", "5"), s("5")), Bindings.empty()).value();
    assertEquals(d("5"), b.get("N"));
    Bindings only = unify(s("N"), s("_"));
    assertTrue(only.get("N").isUnknown());
    assertEquals("[_]", only.instantiate(s("N")).toString());
    assertTrue(Unifier.unify(s("3", "4"), TensorShape.unknownRank()).isOk());
    assertTrue(Unifier.unify(s("2*B"), s("_")).isOk());
  }

  @Test
  void deferredEquationIsSolvedByALaterArgument() {
    Bindings b = Unifier.unifyAll("f", List.of("x", "y"), List.of(s("H*W"), s("H", "W")),
        List.of(s("12"), s("3", "4")), Bindings.empty()).value();
    assertEquals(d("3"), b.get("H"));
    ShapeResult<Bindings> bad = Unifier.unifyAll("f", List.of("x", "y"),
        List.of(s("H*W"), s("H", "W")), List.of(s("13"), s("3", "4")), Bindings.empty());
    assertEquals(0, fails(bad, MessageKeys.MISMATCH_ARGUMENT).argument());
  }

  @Test
  void variadicMustAgreeAcrossArguments() {
    ShapeResult<Bindings> r = Unifier.unifyAll("add", List.of("a", "b"),
        List.of(s("*b", "C"), s("*b", "C")), List.of(s("2", "3"), s("4", "3")),
        Bindings.empty());
    ShapeMismatch m = fails(r, MessageKeys.MISMATCH_ARGUMENT);
    assertTrue(m.detail().contains("differ from *b = [2]"), m.detail());
    assertTrue(Unifier.unifyAll("add", List.of("a", "b"), List.of(s("*b", "C"), s("*b", "C")),
        List.of(s("2", "3"), s("_", "3")), Bindings.empty()).isOk());
  }

  @Test
  void actualWithVariadicMatchesTrailingDims() {
    Bindings b = unify(s("N", "C"), s("...", "10"));
    assertEquals(d("10"), b.get("C"));
    assertNull(b.get("N"));
    Bindings v = unify(s("*batch", "C"), s("*rows", "10"));
    assertEquals("[*rows]", v.variadic("batch").toString());
    assertEquals("[*rows, 5]", v.substitute(s("*batch", "5")).toString());
  }

  @Test
  void initialBindingsAreRespected() {
    Bindings dep = Bindings.of(Map.of("n", d("3")));
    ShapeResult<Bindings> r = Unifier.unify("zerosLike", "x", s("n"), s("4"), dep);
    fails(r, MessageKeys.MISMATCH_ARGUMENT);
  }

  @Test
  void instantiate_closesOverUnboundVariables() {
    Bindings b = unify(s("B", "In"), s("K", "7"));
    assertEquals("[K, 7, _]", b.instantiate(s("B", "In", "Out")).toString());
    assertEquals("[K, 7, Out]", b.substitute(s("B", "In", "Out")).toString());
    assertEquals("[..., 7]", b.instantiate(s("*rest", "In")).toString());
  }

  @Test
  void rigidActualVariablesAreNotEqualToConstants() {
    fails(Unifier.unify(s("784"), s("B")), MessageKeys.MISMATCH_ARGUMENT);
    assertTrue(Unifier.unify(s("B*784"), s("784*K")).isOk());
  }
}
