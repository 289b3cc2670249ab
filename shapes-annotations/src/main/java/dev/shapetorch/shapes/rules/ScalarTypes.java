package dev.shapetorch.shapes.rules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The dtype algebra: the names of {@link dev.shapetorch.shapes.ScalarType}, their categories,
 * PyTorch's promotion ({@code torch.promote_types}) and result type ({@code torch.result_type}).
 *
 * <p>A dtype is a string: an exact dtype ({@code "float32"}), a category ({@code "floating"},
 * {@code "integral"}) or null for unknown. Every function is total: a category or unknown input
 * gives the most precise answer that holds for every dtype it stands for (an exact dtype when
 * they all agree, else their common category, else unknown).
 */
public final class ScalarTypes {
  private ScalarTypes() {}

  /** The exact dtypes, in PyTorch's order of promotion within each kind. */
  public static final List<String> EXACT = List.of(
      "bool", "uint8", "int8", "int16", "int32", "int64",
      "float16", "bfloat16", "float32", "float64");
  /** Any floating dtype. */
  public static final String FLOATING = "floating";
  /** Any integral dtype, {@code bool} excluded ({@code is_integral(include_bool=False)}). */
  public static final String INTEGRAL = "integral";
  /** The categories. */
  public static final List<String> CATEGORIES = List.of(FLOATING, INTEGRAL);
  /** PyTorch's default dtype, of floating factories and of a double scalar's wrapped number. */
  public static final String DEFAULT_FLOAT = "float32";

  /** What an operand of {@link #resultType} is, besides its dtype. */
  public enum Operand {
    /** A tensor with at least one dimension. */
    TENSOR,
    /** A tensor with no dimensions ({@code []}): PyTorch's "dimensionless" operand. */
    ZERO_DIM,
    /** A tensor of unknown rank: either of the above. */
    UNKNOWN_RANK,
    /** A Java {@code double}: PyTorch's wrapped Python float (the default dtype). */
    DOUBLE_SCALAR,
    /** A Java {@code long} or {@code int}: PyTorch's wrapped Python int ({@code int64}). */
    LONG_SCALAR,
    /** A Java {@code boolean}: PyTorch's wrapped Python bool. */
    BOOL_SCALAR
  }

  /** True for an exact dtype or a category. */
  public static boolean isValid(String name) {
    return name != null && (EXACT.contains(name) || CATEGORIES.contains(name));
  }

  /**
   * A name as written in {@code @ScalarType} (or a runtime {@code DType}'s enum name or {@code
   * torch.}-prefixed name), or null with {@link #syntaxError} explaining why.
   */
  public static String parse(String written) {
    if (written == null) {
      return null;
    }
    String s = written.strip().toLowerCase(Locale.ROOT);
    if (s.startsWith("torch.")) {
      s = s.substring(6);
    }
    return isValid(s) ? s : null;
  }

  /** Why a {@code @ScalarType} value is not one; null if it is. */
  public static String syntaxError(String written) {
    if (written != null && isValid(written)) {
      return null;
    }
    return "@ScalarType(\"" + written + "\") is not a dtype: write one of " + String.join(", ", EXACT)
        + ", or a category: " + String.join(", ", CATEGORIES);
  }

  /** The dtypes a name stands for: itself, a category's members, or all for null (unknown). */
  public static List<String> members(String dtype) {
    if (dtype == null) {
      return EXACT;
    }
    return switch (dtype) {
      case FLOATING -> List.of("float16", "bfloat16", "float32", "float64");
      case INTEGRAL -> List.of("uint8", "int8", "int16", "int32", "int64");
      default -> EXACT.contains(dtype) ? List.of(dtype) : EXACT;
    };
  }

  /** The category of an exact dtype: {@code floating}, {@code integral} or {@code bool}. */
  public static String category(String exact) {
    if (exact == null) {
      return null;
    }
    if (exact.startsWith("float") || exact.equals("bfloat16") || exact.equals(FLOATING)) {
      return FLOATING;
    }
    if (exact.equals("bool")) {
      return "bool";
    }
    return EXACT.contains(exact) || exact.equals(INTEGRAL) ? INTEGRAL : null;
  }

  /** True if every dtype {@code sub} stands for is one {@code sup} stands for. */
  public static boolean isSubtype(String sub, String sup) {
    return members(sup).containsAll(members(sub));
  }

  /** True if the dtype is known to be floating (an exact floating dtype or the category). */
  public static boolean isFloating(String dtype) {
    return dtype != null && FLOATING.equals(category(dtype));
  }

  /** True if the dtype is known to be integral ({@code bool} excluded). */
  public static boolean isIntegral(String dtype) {
    return dtype != null && INTEGRAL.equals(category(dtype));
  }

  /** The join of two dtypes (least upper bound): {@code int32} and {@code int64} give integral. */
  public static String join(String a, String b) {
    if (a == null || b == null) {
      return null;
    }
    Set<String> all = new LinkedHashSet<>(members(a));
    all.addAll(members(b));
    return summarize(all);
  }

  /** The meet of two dtypes, or {@code ""} when they have no dtype in common (bottom). */
  public static String meet(String a, String b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    List<String> common = new ArrayList<>(members(a));
    common.retainAll(members(b));
    return common.isEmpty() ? "" : summarize(common);
  }

  /** {@code torch.promote_types(a, b)}. */
  public static String promote(String a, String b) {
    Set<String> out = new LinkedHashSet<>();
    for (String x : members(a)) {
      for (String y : members(b)) {
        out.add(promoteExact(x, y));
      }
    }
    return summarize(out);
  }

  /**
   * {@code torch.result_type} of two operands: tensors of at least one dimension decide; a
   * zero-dim tensor, and then a scalar, counts only where its category (bool, integral,
   * floating) is higher ({@code int32} tensor and {@code int64} zero-dim tensor give {@code
   * int32}; {@code int64} tensor and {@code float64} zero-dim tensor give {@code float64}; an
   * {@code int64} tensor and a {@code double} give {@code float32}, the default dtype). An
   * unknown rank whose answer depends on it gives the answers' common category, or unknown.
   */
  public static String resultType(String a, Operand ka, String b, Operand kb) {
    Set<String> out = new LinkedHashSet<>();
    for (Operand ra : ranks(ka)) {
      for (Operand rb : ranks(kb)) {
        for (String x : scalarMembers(a, ra)) {
          for (String y : scalarMembers(b, rb)) {
            out.add(resultExact(x, ra, y, rb));
          }
        }
      }
    }
    return summarize(out);
  }

  /** True division: integral and bool give {@link #DEFAULT_FLOAT}, floating dtypes stay. */
  public static String floatingResult(String dtype) {
    Set<String> out = new LinkedHashSet<>();
    for (String x : members(dtype)) {
      out.add(FLOATING.equals(category(x)) ? x : DEFAULT_FLOAT);
    }
    return summarize(out);
  }

  /** {@code sum}/{@code prod}: integral and bool give {@code int64}, floating dtypes stay. */
  public static String sumResult(String dtype) {
    Set<String> out = new LinkedHashSet<>();
    for (String x : members(dtype)) {
      out.add(FLOATING.equals(category(x)) ? x : "int64");
    }
    return summarize(out);
  }

  /**
   * {@code all}/{@code any} (PyTorch 1.13): {@code uint8} stays {@code uint8}, every other dtype
   * gives {@code bool}.
   */
  public static String allAnyResult(String dtype) {
    Set<String> out = new LinkedHashSet<>();
    for (String x : members(dtype)) {
      out.add(x.equals("uint8") ? "uint8" : "bool");
    }
    return summarize(out);
  }

  private static List<Operand> ranks(Operand k) {
    return k == Operand.UNKNOWN_RANK ? List.of(Operand.TENSOR, Operand.ZERO_DIM) : List.of(k);
  }

  private static List<String> scalarMembers(String dtype, Operand k) {
    return switch (k) {
      case DOUBLE_SCALAR -> List.of(DEFAULT_FLOAT);
      case LONG_SCALAR -> List.of("int64");
      case BOOL_SCALAR -> List.of("bool");
      default -> members(dtype);
    };
  }

  private static int priority(Operand k) {
    return switch (k) {
      case TENSOR -> 0;
      case ZERO_DIM -> 1;
      default -> 2;
    };
  }

  /** c10's result_type for two exact operands: by priority group, then combine_categories. */
  private static String resultExact(String x, Operand kx, String y, Operand ky) {
    String[] groups = new String[3];
    groups[priority(kx)] = x;
    int py = priority(ky);
    groups[py] = groups[py] == null ? y : promoteExact(groups[py], y);
    return combine(groups[0], combine(groups[1], groups[2]));
  }

  /** c10's combine_categories(higher, lower) with null as Undefined. */
  private static String combine(String higher, String lower) {
    if (higher == null) {
      return lower;
    }
    if (lower == null) {
      return higher;
    }
    if (FLOATING.equals(category(higher))) {
      return higher;
    }
    if (higher.equals("bool") || FLOATING.equals(category(lower))) {
      return promoteExact(higher, lower);
    }
    return higher;
  }

  /** c10's promoteTypes for two exact dtypes. */
  static String promoteExact(String a, String b) {
    if (a.equals(b)) {
      return a;
    }
    if (a.equals("bool")) {
      return b;
    }
    if (b.equals("bool")) {
      return a;
    }
    boolean fa = FLOATING.equals(category(a));
    boolean fb = FLOATING.equals(category(b));
    if (fa != fb) {
      return fa ? a : b;
    }
    if (fa) {
      if ((a.equals("float16") && b.equals("bfloat16"))
          || (a.equals("bfloat16") && b.equals("float16"))) {
        return "float32";
      }
      return floatWidth(a) >= floatWidth(b) ? a : b;
    }
    if (a.equals("uint8") || b.equals("uint8")) {
      String other = a.equals("uint8") ? b : a;
      return other.equals("int8") ? "int16" : other;
    }
    return intWidth(a) >= intWidth(b) ? a : b;
  }

  private static int floatWidth(String f) {
    return switch (f) {
      case "float16", "bfloat16" -> 16;
      case "float32" -> 32;
      default -> 64;
    };
  }

  private static int intWidth(String i) {
    return Integer.parseInt(i.substring(i.indexOf("int") + 3));
  }

  /** One exact dtype, else the common category, else null (unknown). */
  static String summarize(java.util.Collection<String> dtypes) {
    if (dtypes.size() == 1) {
      return dtypes.iterator().next();
    }
    String cat = null;
    for (String d : dtypes) {
      String c = category(d);
      if (c == null || c.equals("bool") || (cat != null && !cat.equals(c))) {
        return null;
      }
      cat = c;
    }
    if (cat == null) {
      return null;
    }
    return cat;
  }

  /** The runtime spelling of a dtype's conversion: {@code DType.INT64}. */
  public static String javaConstant(String exact) {
    return "DType." + exact.toUpperCase(Locale.ROOT);
  }
}
