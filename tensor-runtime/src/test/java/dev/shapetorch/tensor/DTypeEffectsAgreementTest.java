package dev.shapetorch.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.shapetorch.shapes.DTypeEffect;
import dev.shapetorch.shapes.rules.DTypeRule;
import dev.shapetorch.shapes.rules.DTypeRule.Input;
import dev.shapetorch.shapes.rules.ScalarTypes;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The result dtype each op declares with {@code @DTypeEffect} (read from the public {@link
 * Torch} method, as the Shape Checker reads it) is the dtype libtorch makes, for every input
 * dtype the CPU kernel takes: {@code cat}/{@code stack} ({@link DTypeRule#PROMOTE_TYPES}),
 * {@code all}/{@code any} ({@link DTypeRule#ALL_ANY}), {@code logsumexp} ({@link
 * DTypeRule#FLOATING_RESULT}), and the values of the ops that return {@link ValuesAndIndices}
 * ({@link DTypeRule#SAME_AS}; their indices are int64). The dtypes a CPU kernel refuses (PyTorch
 * 1.13 has no {@code median} of bool or float16, no {@code logsumexp} of float16) are left out
 * by name.
 */
class DTypeEffectsAgreementTest {

  private static final Set<DType> NO_BOOL_NO_HALF =
      EnumSet.complementOf(EnumSet.of(DType.BOOL, DType.FLOAT16));

  private static String name(DType d) {
    return d.name().toLowerCase(Locale.ROOT);
  }

  /** The one result effect of {@code Torch.<op>(params)}. */
  private static DTypeRule effect(String op, Class<?>... params) {
    try {
      Method m = Torch.class.getMethod(op, params);
      for (DTypeEffect e : m.getAnnotationsByType(DTypeEffect.class)) {
        if (!e.value().isContract()) {
          return e.value();
        }
      }
      throw new AssertionError("Torch." + op + " declares no dtype effect");
    } catch (NoSuchMethodException e) {
      throw new AssertionError(e);
    }
  }

  /** The declared result of {@code rule} for tensors of these dtypes, as the checker has it. */
  private static String declared(DTypeRule rule, DType... inputs) {
    List<Input> in = new ArrayList<>();
    for (DType d : inputs) {
      in.add(Input.tensor("x", name(d), "[3, 4]", 2));
    }
    String r = rule.result(in);
    assertNotNull(r, rule + " of exact dtypes is exact");
    return r;
  }

  private static String actual(Tensor t) {
    return ScalarTypes.parse(t.dtype().pytorchName());
  }

  /** A [3, 4] tensor of {@code d} with distinct small values (some zero for all/any). */
  private static Tensor input(DType d) {
    return Torch.arange(12).remainder(5L).reshape(3, 4).to(d);
  }

  @Test
  void catAndStackPromoteTheirElements() {
    DTypeRule cat = effect("cat", List.class, int.class);
    assertEquals(DTypeRule.PROMOTE_TYPES, cat);
    assertEquals(cat, effect("cat", List.class));
    assertEquals(cat, effect("stack", List.class, int.class));
    assertEquals(cat, effect("stack", List.class));
    for (DType a : DType.values()) {
      for (DType b : DType.values()) {
        String want = declared(cat, a, b);
        Tensor x = input(a);
        Tensor y = input(b);
        assertEquals(want, actual(Torch.cat(List.of(x, y), 0)), "cat " + a + " " + b);
        assertEquals(want, actual(Torch.stack(List.of(x, y))), "stack " + a + " " + b);
        // 0-d elements count like any other (promote_types, not result_type)
        Tensor x0 = Torch.scalarTensor(1.0, a);
        assertEquals(want, actual(Torch.stack(List.of(x0, Torch.scalarTensor(1.0, b)), 0)),
            "stack of 0-d " + a + " " + b);
      }
    }
    assertEquals("float64", actual(Torch.cat(List.of(input(DType.INT64), input(DType.FLOAT32),
        input(DType.FLOAT64)), 1)));
  }

  @Test
  void allAndAnyAreBoolButKeepUint8() {
    DTypeRule rule = effect("all", Tensor.class);
    assertEquals(DTypeRule.ALL_ANY, rule);
    for (String op : List.of("all", "any")) {
      assertEquals(rule, effect(op, Tensor.class));
      assertEquals(rule, effect(op, Tensor.class, int.class));
      assertEquals(rule, effect(op, Tensor.class, int.class, boolean.class));
    }
    for (DType d : DType.values()) {
      String want = declared(rule, d);
      assertEquals(d == DType.UINT8 ? "uint8" : "bool", want);
      Tensor x = input(d);
      assertEquals(want, actual(Torch.all(x)), "all " + d);
      assertEquals(want, actual(x.all(1)), "all(1) " + d);
      assertEquals(want, actual(Torch.any(x, 0, true)), "any(0, true) " + d);
      assertEquals(want, actual(x.any()), "any " + d);
    }
  }

  @Test
  void logsumexpOfIntegersIsFloat32() {
    DTypeRule rule = effect("logsumexp", Tensor.class, int.class);
    assertEquals(DTypeRule.FLOATING_RESULT, rule);
    assertEquals(rule, effect("logsumexp", Tensor.class, int.class, boolean.class));
    for (DType d : EnumSet.complementOf(EnumSet.of(DType.FLOAT16))) {
      String want = declared(rule, d);
      assertEquals(want, actual(Torch.logsumexp(input(d), 1)), "logsumexp " + d);
      assertEquals(want, actual(input(d).logsumexp(0, true)), "logsumexp(0, true) " + d);
    }
    assertEquals("float32", declared(rule, DType.INT64));
  }

  /** One op returning values and indices, and the input dtypes its CPU kernel takes. */
  private record Op(String name, Class<?>[] params, Set<DType> dtypes,
      Function<Tensor, ValuesAndIndices> call) {}

  @Test
  void valuesKeepTheInputsDtypeAndIndicesAreInt64() {
    Class<?> t = Tensor.class;
    Set<DType> all = EnumSet.allOf(DType.class);
    Set<DType> noHalf = EnumSet.complementOf(EnumSet.of(DType.FLOAT16));
    List<Op> ops = List.of(
        new Op("max", new Class<?>[] {t, int.class}, all, x -> Torch.max(x, 1)),
        new Op("max", new Class<?>[] {t, int.class, boolean.class}, all, x -> x.max(1, true)),
        new Op("min", new Class<?>[] {t, int.class}, all, x -> x.min(0)),
        new Op("min", new Class<?>[] {t, int.class, boolean.class}, all,
            x -> Torch.min(x, 1, true)),
        new Op("sort", new Class<?>[] {t, int.class, boolean.class}, all,
            x -> Torch.sort(x, 1, true)),
        new Op("sort", new Class<?>[] {t, int.class, boolean.class, boolean.class}, all,
            x -> x.sort(0, false, true)),
        new Op("topk", new Class<?>[] {t, long.class, int.class}, NO_BOOL_NO_HALF,
            x -> Torch.topk(x, 2, 1)),
        new Op("topk", new Class<?>[] {t, long.class, int.class, boolean.class}, NO_BOOL_NO_HALF,
            x -> x.topk(2, 1, false)),
        new Op("kthvalue", new Class<?>[] {t, long.class, int.class, boolean.class},
            NO_BOOL_NO_HALF, x -> Torch.kthvalue(x, 2, 1, false)),
        new Op("median", new Class<?>[] {t, int.class, boolean.class}, NO_BOOL_NO_HALF,
            x -> x.median(1, false)),
        new Op("mode", new Class<?>[] {t}, all, x -> Torch.mode(x)),
        new Op("mode", new Class<?>[] {t, int.class, boolean.class}, all,
            x -> x.mode(0, true)),
        new Op("cummax", new Class<?>[] {t, int.class}, noHalf, x -> Torch.cummax(x, 1)),
        new Op("cummin", new Class<?>[] {t, int.class}, noHalf, x -> x.cummin(0)));
    for (Op op : ops) {
      DTypeRule rule = effect(op.name(), op.params());
      assertEquals(DTypeRule.SAME_AS, rule, op.name());
      for (DType d : op.dtypes()) {
        ValuesAndIndices r = op.call().apply(input(d));
        assertEquals(declared(rule, d), actual(r.values()), op.name() + " of " + d);
        assertEquals(DType.INT64, r.indices().dtype(), op.name() + " indices of " + d);
      }
    }
  }

  @Test
  void orderStatisticsAndCountsKeepTheirDeclaredDtype() {
    for (DType d : NO_BOOL_NO_HALF) {
      Tensor x = input(d);
      assertEquals(declared(effect("median", Tensor.class), d), actual(Torch.median(x)),
          "median " + d);
    }
    for (DType d : DType.values()) {
      Tensor x = input(d);
      assertEquals(declared(effect("max", Tensor.class), d), actual(x.max()), "max " + d);
      assertEquals(declared(effect("amax", Tensor.class, int.class, boolean.class), d),
          actual(Torch.amax(x, 1, false)), "amax " + d);
      assertEquals(declared(effect("msort", Tensor.class), d), actual(Torch.msort(x)),
          "msort " + d);
      assertEquals(declared(effect("countNonzero", Tensor.class, int.class), d),
          actual(Torch.countNonzero(x, 1)), "countNonzero " + d);
    }
    for (DType d : List.of(DType.FLOAT32, DType.FLOAT64, DType.BFLOAT16)) {
      assertEquals(declared(effect("logcumsumexp", Tensor.class, int.class), d),
          actual(Torch.logcumsumexp(input(d), 1)), "logcumsumexp " + d);
    }
    for (DType d : List.of(DType.FLOAT16, DType.BFLOAT16, DType.FLOAT32, DType.FLOAT64)) {
      assertEquals(declared(effect("norm", Tensor.class), d), actual(Torch.norm(input(d))),
          "norm " + d);
      assertEquals(declared(effect("norm", Tensor.class, double.class, int.class,
          boolean.class), d), actual(Torch.norm(input(d), 1.0, 1, true)), "norm(1) " + d);
    }
  }
}
