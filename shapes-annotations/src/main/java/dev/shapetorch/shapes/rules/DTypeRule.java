package dev.shapetorch.shapes.rules;

import dev.shapetorch.shapes.rules.ScalarTypes.Operand;
import java.util.List;

/**
 * The dtype effects and dtype contracts of ops, declared once on an op with {@link
 * dev.shapetorch.shapes.DTypeEffect} and read by both the Shape Checker and the runtime.
 *
 * <p>An effect computes the result's dtype from the inputs' ({@link #result}); a contract
 * ({@link #isContract}) refuses inputs of the wrong dtype with a {@link
 * MessageKeys#DTYPE_CONTRACT} mismatch ({@link #check}), whose text is the same at compile time
 * and at run time. An unknown dtype (null) never breaks a contract, and gives an unknown result
 * where the result depends on it.
 */
public enum DTypeRule {
  /** The result has the dtype of the first input ({@code relu}, {@code zerosLike}). */
  SAME_AS,
  /** PyTorch's type promotion of the inputs ({@code add}, {@code matmul}, {@code where}'s values). */
  PROMOTE,
  /** The result is {@code bool} (comparisons, {@code isnan}, logical ops). */
  BOOL,
  /** The result is {@code int64} (indices: {@code argmax}, {@code randint}). */
  INT64,
  /** True division of the promoted inputs: integral and bool give {@code float32}. */
  FLOATING_RESULT,
  /** The dtype named by the first input, a {@code DType} parameter ({@code to(DType)}). */
  FROM_DTYPE_ARG,
  /** The default dtype, {@code float32} ({@code zeros}, {@code randn}). */
  DEFAULT_FLOAT,
  /** {@code sum}/{@code prod}: integral and bool give {@code int64}, floating dtypes stay. */
  SUM_LIKE,
  /**
   * {@code torch.promote_types} of every input, whatever its rank: a list's elements ({@code
   * cat}, {@code stack}), where a 0-d or empty element counts like any other.
   */
  PROMOTE_TYPES,
  /** {@code all}/{@code any}: {@code uint8} stays {@code uint8}, every other dtype gives {@code bool}. */
  ALL_ANY,
  /** Contract: the input holds indices and must be integral. */
  REQUIRES_INTEGRAL,
  /** Contract: the input is a mask or condition and must be {@code bool}. */
  REQUIRES_BOOL,
  /** Contract: the input must be floating ({@code mean}, {@code var}, {@code std}). */
  REQUIRES_FLOATING,
  /**
   * Contract of class-index losses, inputs {@code (input, target)}: a target of rank {@code
   * input - 1} holds class indices and must be integral; a target of the input's rank holds
   * class probabilities and must be floating.
   */
  CLASS_INDEX_TARGET;

  /**
   * One input of a rule: its parameter name ({@code "this"} for the receiver), dtype (null if
   * unknown), kind, and shape as text with its rank (-1 if unknown).
   *
   * @param name the parameter's name
   * @param dtype the dtype, a category or null
   * @param kind a tensor's rank class, or the Java scalar kind
   * @param shape the shape as the message shows it ({@code [N, 10]}), or "" if unknown
   * @param rank the rank, -1 if unknown
   */
  public record Input(String name, String dtype, Operand kind, String shape, int rank) {
    /** A tensor input. */
    public static Input tensor(String name, String dtype, String shape, int rank) {
      Operand k = rank < 0 ? Operand.UNKNOWN_RANK : rank == 0 ? Operand.ZERO_DIM : Operand.TENSOR;
      return new Input(name, dtype, k, shape, rank);
    }
  }

  /** True for the contracts, false for the result effects. */
  public boolean isContract() {
    return ordinal() >= REQUIRES_INTEGRAL.ordinal();
  }

  /**
   * The result's dtype (null if unknown) for an effect; null for a contract.
   *
   * @param inputs the effect's inputs in the order of its {@code args}
   */
  public String result(List<Input> inputs) {
    return switch (this) {
      case SAME_AS, FROM_DTYPE_ARG -> inputs.isEmpty() ? null : inputs.get(0).dtype();
      case PROMOTE -> promote(inputs);
      case BOOL -> "bool";
      case INT64 -> "int64";
      case DEFAULT_FLOAT -> ScalarTypes.DEFAULT_FLOAT;
      case FLOATING_RESULT -> {
        String p = promote(inputs);
        yield p == null ? null : ScalarTypes.floatingResult(p);
      }
      case SUM_LIKE -> inputs.isEmpty() || inputs.get(0).dtype() == null
          ? null : ScalarTypes.sumResult(inputs.get(0).dtype());
      case PROMOTE_TYPES -> promoteTypes(inputs);
      case ALL_ANY -> inputs.isEmpty() || inputs.get(0).dtype() == null
          ? null : ScalarTypes.allAnyResult(inputs.get(0).dtype());
      default -> null;
    };
  }

  private static String promote(List<Input> inputs) {
    if (inputs.isEmpty()) {
      return null;
    }
    Input first = inputs.get(0);
    String acc = first.dtype();
    Operand kind = first.kind();
    if (inputs.size() == 1) {
      return acc;
    }
    for (int i = 1; i < inputs.size(); i++) {
      Input next = inputs.get(i);
      acc = ScalarTypes.resultType(acc, kind, next.dtype(), next.kind());
      kind = strongest(kind, next.kind());
    }
    return acc;
  }

  /** promote_types of all inputs; unknown if there are none or one of them is unknown. */
  private static String promoteTypes(List<Input> inputs) {
    if (inputs.isEmpty()) {
      return null;
    }
    String acc = inputs.get(0).dtype();
    for (int i = 1; i < inputs.size() && acc != null; i++) {
      String next = inputs.get(i).dtype();
      acc = next == null ? null : ScalarTypes.promote(acc, next);
    }
    return acc;
  }

  private static Operand strongest(Operand a, Operand b) {
    return a.ordinal() <= b.ordinal() ? a : b;
  }

  /**
   * Checks a contract; null when it holds, when a dtype it needs is unknown, or for an effect.
   *
   * @param op the op as the user called it ({@code Torch.crossEntropy})
   * @param inputs the contract's inputs in the order of its {@code args}
   */
  public ShapeMismatch check(String op, List<Input> inputs) {
    if (!isContract() || inputs.isEmpty()) {
      return null;
    }
    Input x = inputs.get(0);
    String d = x.dtype();
    switch (this) {
      case REQUIRES_INTEGRAL -> {
        if (d != null && !ScalarTypes.isIntegral(d) && isKnownNot(d, ScalarTypes.INTEGRAL)) {
          return fail(op, x.name() + " must be an integral tensor of indices, got " + got(x)
              + "; convert it with " + conversion(x, "int64"));
        }
      }
      case REQUIRES_BOOL -> {
        if (d != null && isKnownNot(d, "bool")) {
          return fail(op, x.name() + " is a mask and must be bool, got " + got(x)
              + "; make it with a comparison (" + receiver(x) + ".gt(0), .eq(...)) or "
              + conversion(x, "bool"));
        }
      }
      case REQUIRES_FLOATING -> {
        if (d != null && isKnownNot(d, ScalarTypes.FLOATING)) {
          // Not named: the receiver is "this" in a method form, a parameter in a function form.
          String what = op.substring(op.lastIndexOf('.') + 1);
          String kind = "bool".equals(d) ? "a bool" : "an integral";
          return fail(op, what + " of " + kind + " tensor (" + got(x) + "): convert it with .to("
              + ScalarTypes.javaConstant(ScalarTypes.DEFAULT_FLOAT) + ") first");
        }
      }
      case CLASS_INDEX_TARGET -> {
        if (inputs.size() < 2) {
          return null;
        }
        Input in = inputs.get(0);
        Input target = inputs.get(1);
        String t = target.dtype();
        if (t == null || in.rank() < 0 || target.rank() < 0) {
          return null;
        }
        if (target.rank() == in.rank() && isKnownNot(t, ScalarTypes.FLOATING)) {
          return fail(op, target.name() + " " + target.shape() + " has the input's shape "
              + in.shape() + ", so it holds class probabilities and must be floating, got " + t
              + "; for class indices pass an integral " + target.name() + " of rank "
              + Math.max(0, in.rank() - 1) + ", for probabilities convert it with "
              + conversion(target, ScalarTypes.DEFAULT_FLOAT));
        }
        if (target.rank() == Math.max(0, in.rank() - 1) && isKnownNot(t, ScalarTypes.INTEGRAL)) {
          return fail(op, target.name() + " holds class indices and must be integral, got "
              + got(target) + "; convert it with " + conversion(target, "int64")
              + " (class probabilities need the input's shape " + in.shape() + ")");
        }
      }
      default -> {
        return null;
      }
    }
    return null;
  }

  /** True if no dtype {@code d} stands for is one {@code required} stands for. */
  private static boolean isKnownNot(String d, String required) {
    List<String> ok = ScalarTypes.members(required);
    for (String m : ScalarTypes.members(d)) {
      if (ok.contains(m)) {
        return false;
      }
    }
    return true;
  }

  private static String got(Input x) {
    return x.shape() == null || x.shape().isEmpty() ? x.dtype() : x.dtype() + " " + x.shape();
  }

  private static String receiver(Input x) {
    return x.name().equals("this") || x.name().equals("self") ? "x" : x.name();
  }

  private static String conversion(Input x, String exact) {
    return receiver(x) + ".to(" + ScalarTypes.javaConstant(exact) + ")";
  }

  private static ShapeMismatch fail(String op, String detail) {
    return ShapeMismatch.of(MessageKeys.DTYPE_CONTRACT, op, detail);
  }
}
