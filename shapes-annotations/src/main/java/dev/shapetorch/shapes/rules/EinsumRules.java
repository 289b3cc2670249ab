package dev.shapetorch.shapes.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The shape of {@code einsum(equation, operands...)}, PyTorch's rule: each letter of an
 * operand's subscript names one of its dims, in order, and {@code ...} the dims the letters
 * leave. One letter has one size: a letter repeated within an operand takes the diagonal of
 * dims of equal size; across operands its sizes must be equal or 1 (they broadcast). The dims
 * that {@code ...} covers broadcast across operands like elementwise shapes, aligned from the
 * right. The output has, in the output subscript's order, each letter's size and the broadcast
 * ellipsis dims; letters the output leaves out are summed over.
 *
 * <p>Mismatches: an equation that is no equation, or one whose operand count differs from the
 * tensors', is {@link MessageKeys#EINSUM_SYNTAX}; a subscript with more letters than its
 * operand has dims, or with fewer and no {@code ...}, is {@link MessageKeys#RANK}; a letter whose
 * sizes differ, or ellipsis dims that do not broadcast, are {@link MessageKeys#MISMATCH_EINSUM},
 * naming the letter, the operands and the dims.
 *
 * <p>What is not known gives unknown sizes, never an error: an equation that is not a constant
 * (a shape of unknown rank), a list of operands the checker cannot count, an operand of unknown
 * rank or with a variadic prefix (its letters then bind only where they can be located: after a
 * leading {@code ...}).
 */
public final class EinsumRules {
  private EinsumRules() {}

  /**
   * The shape of {@code einsum(equation, operands)}.
   *
   * <p>Shape: {@code "bij,bjk->bik"} with {@code [B, N, M]} and {@code [B, M, P]} gives {@code
   * [B, N, P]}; {@code "ij->ji"} with {@code [2, 3]} gives {@code [3, 2]}; {@code "ii"} with
   * {@code [3, 3]} gives {@code []} (the trace).
   *
   * @param equation the equation, or null when it is not a constant
   * @param operands the operands' shapes, or null when their number is not known
   */
  public static ShapeResult<TensorShape> einsum(
      String op, String equation, List<TensorShape> operands) {
    if (equation == null) {
      return ShapeResult.ok(TensorShape.unknownRank());
    }
    ShapeResult<EinsumEquation> parsed = EinsumEquation.parse(op, equation, 0);
    if (!parsed.isOk()) {
      return RuleSupport.failed(parsed);
    }
    EinsumEquation eq = parsed.value();
    EinsumEquation.Subscript out = eq.output();
    if (operands == null) {
      return ShapeResult.ok(out.hasEllipsis()
          ? TensorShape.unknownRank() : TensorShape.unknownOfRank(out.labels().length()));
    }
    int n = eq.inputs().size();
    if (operands.size() != n) {
      return RuleSupport.fail(MessageKeys.EINSUM_SYNTAX, op,
          "the equation " + eq + " has " + n + " operand subscript" + (n == 1 ? "" : "s")
              + ", got " + operands.size() + " tensor" + (operands.size() == 1 ? "" : "s")
              + "; pass one tensor per comma-separated subscript",
          1, -1);
    }
    Binding b = new Binding(op, eq);
    for (int k = 0; k < n; k++) {
      ShapeResult<Boolean> r = b.bind(k, eq.inputs().get(k), operands.get(k));
      if (!r.isOk()) {
        return RuleSupport.failed(r);
      }
    }
    List<DimExpr> dims = new ArrayList<>();
    for (char c : out.head().toCharArray()) {
      dims.add(b.size(c));
    }
    if (!out.hasEllipsis()) {
      return ShapeResult.ok(TensorShape.of(dims));
    }
    if (b.ellipsisUnknown) {
      return ShapeResult.ok(TensorShape.unknownRank());
    }
    String variadic = b.ellipsis == null ? null : b.ellipsis.variadic();
    if (variadic != null && !dims.isEmpty()) {
      return ShapeResult.ok(TensorShape.unknownRank()); // a prefix can only come first
    }
    if (b.ellipsis != null) {
      dims.addAll(b.ellipsis.dims());
    }
    for (char c : out.tail().toCharArray()) {
      dims.add(b.size(c));
    }
    return ShapeResult.ok(TensorShape.of(variadic, dims));
  }

  /** The sizes the letters and the ellipsis take, operand by operand. */
  private static final class Binding {
    private final String op;
    private final EinsumEquation eq;
    private final Map<Character, DimExpr> sizes = new HashMap<>();
    private final Map<Character, String> seenAt = new HashMap<>();
    /** Letters of an operand whose dims could not be located: a size 1 may broadcast there. */
    private final Set<Character> unlocated = new HashSet<>();
    /** The broadcast ellipsis dims so far; null while no operand had any. */
    TensorShape ellipsis;
    private String ellipsisSeenAt;
    /** True once an operand's ellipsis dims could not be known. */
    boolean ellipsisUnknown;

    Binding(String op, EinsumEquation eq) {
      this.op = op;
      this.eq = eq;
    }

    DimExpr size(char c) {
      DimExpr d = sizes.getOrDefault(c, DimExpr.UNKNOWN);
      return unlocated.contains(c) && RuleSupport.is(d, 1) ? DimExpr.UNKNOWN : d;
    }

    ShapeResult<Boolean> bind(int k, EinsumEquation.Subscript sub, TensorShape s) {
      String labels = sub.labels();
      if (s.hasVariadic()) {
        // Only letters after a leading ellipsis can be located in [*prefix, dims...].
        if (sub.hasEllipsis() && sub.head().isEmpty() && sub.tail().length() <= s.rank()) {
          int first = s.rank() - labels.length();
          ShapeResult<Boolean> r = letters(k, sub, s, labels, first);
          if (!r.isOk()) {
            return r;
          }
          return ellipsis(k, s, TensorShape.of(s.variadic(), s.dims().subList(0, first)));
        }
        if (sub.hasEllipsis()) {
          ellipsisUnknown = true;
        }
        for (char c : labels.toCharArray()) {
          unlocated.add(c);
        }
        return ShapeResult.ok(Boolean.TRUE);
      }
      int rank = s.rank();
      if (!sub.hasEllipsis() && labels.length() != rank) {
        return RuleSupport.fail(MessageKeys.RANK, op,
            "the subscript \"" + sub + "\" of operand " + k + " in " + eq + " names "
                + labels.length() + " dim" + (labels.length() == 1 ? "" : "s") + ", but operand "
                + k + " is " + s + " (rank " + rank + "); write one letter per dim, or '...'"
                + " for the dims no letter names",
            1, -1);
      }
      if (labels.length() > rank) {
        return RuleSupport.fail(MessageKeys.RANK, op,
            "the subscript \"" + sub + "\" of operand " + k + " in " + eq + " names "
                + labels.length() + " dims besides '...', but operand " + k + " is " + s
                + " (rank " + rank + "); write at most one letter per dim",
            1, -1);
      }
      String head = sub.head();
      String tail = sub.tail();
      ShapeResult<Boolean> r = letters(k, sub, s, head, 0);
      if (!r.isOk()) {
        return r;
      }
      r = letters(k, sub, s, tail, rank - tail.length());
      if (!r.isOk() || !sub.hasEllipsis()) {
        return r;
      }
      return ellipsis(k, s, TensorShape.of(s.dims().subList(head.length(), rank - tail.length())));
    }

    /** Binds {@code letters} to the dims of {@code s} from {@code first} on. */
    private ShapeResult<Boolean> letters(
        int k, EinsumEquation.Subscript sub, TensorShape s, String letters, int first) {
      Map<Character, Integer> here = new HashMap<>();
      for (int i = 0; i < letters.length(); i++) {
        char c = letters.charAt(i);
        int dim = first + i;
        DimExpr d = s.dim(dim);
        Integer again = here.putIfAbsent(c, dim);
        if (again != null) {
          DimExpr before = s.dim(again);
          if (RuleSupport.differ(before, d)) {
            return RuleSupport.fail(MessageKeys.MISMATCH_EINSUM, op,
                "the letter " + c + " is repeated in operand " + k + "'s subscript \"" + sub
                    + "\" of " + eq + ", but its dims differ: "
                    + Unifier.dimLabel(s, again) + " = " + before + " and "
                    + Unifier.dimLabel(s, dim) + " = " + d + " of " + s
                    + "; a repeated letter takes the diagonal of dims of equal size",
                1, dim);
          }
          continue;
        }
        String where = "operand " + k + " (" + Unifier.dimLabel(s, dim) + ")";
        DimExpr known = sizes.get(c);
        if (known == null) {
          sizes.put(c, d);
          seenAt.put(c, where);
          continue;
        }
        DimExpr both = Broadcasting.dim(known, d);
        if (both == null) {
          return RuleSupport.fail(MessageKeys.MISMATCH_EINSUM, op,
              "the letter " + c + " of " + eq + " has size " + known + " in " + seenAt.get(c)
                  + " and size " + d + " in " + where + " (" + s + "); the sizes of one letter"
                  + " must be equal, or 1 to broadcast",
              1, dim);
        }
        sizes.put(c, both);
        if (!both.equals(known)) {
          seenAt.put(c, where);
        }
      }
      return ShapeResult.ok(Boolean.TRUE);
    }

    /** Broadcasts operand {@code k}'s ellipsis dims {@code dims} into the ones seen before. */
    private ShapeResult<Boolean> ellipsis(int k, TensorShape s, TensorShape dims) {
      String where = "operand " + k + " (" + s + ")";
      if (ellipsis == null) {
        ellipsis = dims;
        ellipsisSeenAt = where;
        return ShapeResult.ok(Boolean.TRUE);
      }
      if (ellipsis.hasVariadic() || dims.hasVariadic()) {
        if (!ellipsis.equals(dims)) {
          ellipsisUnknown = true;
        }
        return ShapeResult.ok(Boolean.TRUE);
      }
      int rank = Math.max(ellipsis.rank(), dims.rank());
      List<DimExpr> out = new ArrayList<>(rank);
      for (int i = 0; i < rank; i++) {
        int a = i - (rank - ellipsis.rank());
        int b = i - (rank - dims.rank());
        DimExpr x = a < 0 ? DimExpr.of(1) : ellipsis.dim(a);
        DimExpr y = b < 0 ? DimExpr.of(1) : dims.dim(b);
        DimExpr both = Broadcasting.dim(x, y);
        if (both == null) {
          return RuleSupport.fail(MessageKeys.MISMATCH_EINSUM, op,
              "the dims that '...' covers do not broadcast: " + ellipsis + " in "
                  + ellipsisSeenAt + " and " + dims + " in " + where + " of " + eq
                  + "; '...' dims must be equal or 1, aligned from the right",
              1, -1);
        }
        out.add(both);
      }
      ellipsis = TensorShape.of(out);
      return ShapeResult.ok(Boolean.TRUE);
    }
  }
}
