package dev.shapetorch.shapes.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Broadcasting against a brute-force model, and reshape's element-count invariants. */
class ShapePropertiesTest {

  @Provide
  Arbitrary<long[]> shapes() {
    return Arbitraries.longs().between(0, 3).array(long[].class).ofMaxSize(4);
  }

  /**
   * The definition, written out independently: pad both with leading 1s; at every position the
   * result size is the one size that every non-1 size agrees on.
   */
  private static long[] bruteForce(long[] a, long[] b) {
    int r = Math.max(a.length, b.length);
    long[] out = new long[r];
    for (int i = 0; i < r; i++) {
      long x = i < r - a.length ? 1 : a[i - (r - a.length)];
      long y = i < r - b.length ? 1 : b[i - (r - b.length)];
      List<Long> nonOne = new ArrayList<>();
      for (long s : new long[] {x, y}) {
        if (s != 1) {
          nonOne.add(s);
        }
      }
      if (nonOne.stream().distinct().count() > 1) {
        return null;
      }
      out[i] = nonOne.isEmpty() ? 1 : nonOne.get(0);
    }
    return out;
  }

  @Property(tries = 500)
  void broadcastAgreesWithTheModel(@ForAll("shapes") long[] a, @ForAll("shapes") long[] b) {
    long[] want = bruteForce(a, b);
    ShapeResult<TensorShape> got = Broadcasting.broadcast("add", TensorShape.of(a),
        TensorShape.of(b));
    if (want == null) {
      assertFalse(got.isOk());
      assertEquals(MessageKeys.BROADCAST, got.mismatch().key());
    } else {
      assertEquals(TensorShape.of(want), got.value());
    }
  }

  @Property(tries = 300)
  void symbolicPathAgreesWithConcretePath(@ForAll("shapes") long[] a, @ForAll("shapes") long[] b) {
    TensorShape fast = Broadcasting.shape(TensorShape.of(a), TensorShape.of(b));
    TensorShape slow = Broadcasting.symbolic(TensorShape.of(a), TensorShape.of(b));
    assertEquals(fast, slow);
  }

  @Property(tries = 300)
  void inPlaceSucceedsExactlyWhenTheBroadcastIsTheReceiver(
      @ForAll("shapes") long[] self, @ForAll("shapes") long[] other) {
    long[] want = bruteForce(self, other);
    ShapeResult<TensorShape> got = Broadcasting.broadcastInPlace("add_", TensorShape.of(self),
        TensorShape.of(other));
    if (want == null) {
      assertEquals(MessageKeys.BROADCAST, got.mismatch().key());
    } else if (!Arrays.equals(want, self)) {
      assertEquals(MessageKeys.BROADCAST_INPLACE, got.mismatch().key());
    } else {
      assertEquals(TensorShape.of(self), got.value());
    }
  }

  @Property(tries = 300)
  void broadcastIsCommutativeAndAssociative(@ForAll("shapes") long[] a,
      @ForAll("shapes") long[] b, @ForAll("shapes") long[] c) {
    TensorShape x = TensorShape.of(a);
    TensorShape y = TensorShape.of(b);
    TensorShape z = TensorShape.of(c);
    ShapeResult<TensorShape> xy = Broadcasting.broadcast("f", x, y);
    ShapeResult<TensorShape> yx = Broadcasting.broadcast("f", y, x);
    assertEquals(xy.isOk(), yx.isOk());
    if (xy.isOk()) {
      assertEquals(xy.value(), yx.value());
    }
    ShapeResult<TensorShape> left = xy.flatMap(s -> Broadcasting.broadcast("f", s, z));
    ShapeResult<TensorShape> right = Broadcasting.broadcast("f", y, z)
        .flatMap(s -> Broadcasting.broadcast("f", x, s));
    assertEquals(left.isOk(), right.isOk());
    if (left.isOk()) {
      assertEquals(left.value(), right.value());
      assertEquals(left.value(), Broadcasting.broadcast("f", x, y, z).value());
    }
    assertEquals(x, Broadcasting.broadcast("f", x, TensorShape.of()).value());
    assertEquals(x, Broadcasting.broadcast("f", x, x).value());
  }

  @Property(tries = 300)
  void reshapeKeepsTheElementCount(@ForAll("shapes") long[] in, @ForAll("shapes") long[] sizes) {
    TensorShape input = TensorShape.of(in);
    long product = 1;
    for (long s : sizes) {
      product *= s;
    }
    ShapeResult<TensorShape> r = ViewRules.reshape("view", input, sizes);
    assertEquals(product == input.numel(), r.isOk(), () -> r.toString());
    if (r.isOk()) {
      assertEquals(TensorShape.of(sizes), r.value());
    }
  }

  @Property(tries = 300)
  void inferredDimensionRestoresTheElementCount(
      @ForAll("shapes") long[] in, @ForAll("shapes") long[] sizes) {
    if (sizes.length == 0) {
      return;
    }
    TensorShape input = TensorShape.of(in);
    long[] withHole = sizes.clone();
    withHole[0] = -1;
    long rest = 1;
    for (int i = 1; i < sizes.length; i++) {
      rest *= sizes[i];
    }
    ShapeResult<TensorShape> r = ViewRules.reshape("view", input, withHole);
    boolean feasible = rest != 0 && input.numel() % rest == 0;
    assertEquals(feasible, r.isOk(), () -> r.toString());
    if (r.isOk()) {
      assertEquals(input.numel(), r.value().numel());
      assertTrue(r.value().size(0) * rest == input.numel());
      // The symbolic path agrees.
      List<DimExpr> symbolic = new ArrayList<>();
      for (long s : withHole) {
        symbolic.add(DimExpr.of(s));
      }
      assertEquals(r.value(), ViewRules.reshape("view", input, symbolic).value());
    }
  }

  @Provide
  Arbitrary<long[]> sizeLists() {
    return Arbitraries.longs().between(-2, 4).array(long[].class).ofMaxSize(4);
  }

  /** RESHAPE on the runtime's unboxed sizes gives what it gives on boxed ones, message included. */
  @Property(tries = 400)
  void reshapeOnUnboxedSizesAgreesWithTheBoxedPath(
      @ForAll("shapes") long[] in, @ForAll("sizeLists") long[] sizes) {
    TensorShape input = TensorShape.of(in);
    List<DimExpr> boxed = new ArrayList<>();
    for (long s : sizes) {
      boxed.add(DimExpr.of(s));
    }
    ShapeResult<TensorShape> fast = Rule.RESHAPE.apply("view", List.of(
        new RuleArg.TensorArg(input), RuleArg.IntsArg.of(sizes)));
    ShapeResult<TensorShape> slow = Rule.RESHAPE.apply("view", List.of(
        new RuleArg.TensorArg(input), new RuleArg.IntsArg(boxed)));
    assertEquals(slow.toString(), fast.toString());
  }
}
