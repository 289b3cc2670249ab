package dev.shapetorch.differential;

import dev.shapetorch.differential.Program.Fill;
import dev.shapetorch.differential.Program.Line;
import dev.shapetorch.differential.Program.Param;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The state of one program while {@link ProgramGenerator} writes it: its lines, parameters and
 * tags, and the ways a size, a dim or a module can be spelled (a literal, an {@code int} local,
 * a {@code static final} constant, {@code x.size(d)} kept in a local; a module in a local or in
 * a {@code final} field). Each spelling is tagged, so a disagreement names the spelling it needs.
 */
final class ProgramBuilder {
  final Random rnd;
  private final boolean mayLeaveUnknown;
  private final List<Line> members = new ArrayList<>();
  private final List<Param> params = new ArrayList<>();
  private final List<Line> body = new ArrayList<>();
  private final TreeSet<String> tags = new TreeSet<>();
  private String mistake;
  private int names;
  private boolean inField;
  private boolean strided;
  private final Map<String, TreeSet<String>> unknown = new HashMap<>();

  /**
   * @param mayLeaveUnknown whether a parameter may be left without {@code @Shape} (only in a
   *     program without an injected mistake: an unknown shape is checked at run time only)
   */
  ProgramBuilder(Random rnd, boolean mayLeaveUnknown) {
    this.rnd = rnd;
    this.mayLeaveUnknown = mayLeaveUnknown;
  }

  /**
   * A value the program holds: its name, the shape the generator expects it to have, and
   * whether it is contiguous (a view of a permuted or expanded tensor is not, and {@code view}
   * would fail on it for a reason that is not its shape).
   */
  record Val(String name, long[] shape, boolean contiguous) {
    Val(String name, long[] shape) {
      this(name, shape, true);
    }

    Val strided() {
      return new Val(name, shape, false);
    }

    /** Marks {@code b}'s program as holding a strided view; returns this value, strided. */
    Val stridedIn(ProgramBuilder b) {
      b.strided();
      return strided();
    }

    int rank() {
      return shape.length;
    }

    long size(int d) {
      return shape[d < 0 ? d + shape.length : d];
    }

    long numel() {
      long n = 1;
      for (long s : shape) {
        n *= s;
      }
      return n;
    }

    @Override
    public String toString() {
      return name + Arrays.toString(shape);
    }
  }

  Program build(int id, long seed) {
    return new Program(id, seed, members, params, body, tags, mistake);
  }

  // ---- randomness ----

  int between(int lo, int hi) {
    return lo + rnd.nextInt(hi - lo + 1);
  }

  boolean chance(double p) {
    return rnd.nextDouble() < p;
  }

  <T> T pick(List<T> items) {
    return items.get(rnd.nextInt(items.size()));
  }

  long[] sizes(int rank, int lo, int hi) {
    long[] s = new long[rank];
    for (int i = 0; i < rank; i++) {
      s[i] = between(lo, hi);
    }
    return s;
  }

  // ---- bookkeeping ----

  void tag(String tag) {
    tags.add(tag);
  }

  /** Records the injected mistake (once per program). */
  void mistake(String what) {
    if (mistake != null) {
      throw new IllegalStateException("a second mistake " + what + " after " + mistake);
    }
    mistake = what;
    tags.add("mistake:" + what);
  }

  boolean hasMistake() {
    return mistake != null;
  }

  private String fresh(String prefix) {
    return prefix + names++;
  }

  // ---- parameters and lines ----

  /** A new tensor parameter of the given shape, normally distributed. */
  Val input(long... shape) {
    return input(Fill.NORMAL, 0, shape);
  }

  /** A new tensor parameter of the given shape and fill. */
  Val input(Fill fill, long bound, long... shape) {
    String name = fresh("p");
    boolean annotated = true;
    if (mayLeaveUnknown && fill == Fill.NORMAL && chance(0.05)) {
      annotated = false;
      tag("spelling:unannotated");
    }
    params.add(new Param(name, shape.clone(), fill, bound, annotated));
    return new Val(name, shape.clone());
  }

  /**
   * Marks that the program now holds a strided view (a permute, transpose, expand, narrow,
   * ...): libtorch's pointwise ops keep an input's strides, so from here on {@code view}, which
   * fails on such tensors for a reason that is not their shape, is not written.
   */
  void strided() {
    strided = true;
  }

  /** Whether {@code view} is safe: no strided view has been made yet. */
  boolean contiguous() {
    return !strided;
  }

  /**
   * Marks {@code v} as a value the checker is known to type without a shape ({@code why}); a
   * call that uses it, or a value computed from it, tags the program {@code uses:why}.
   */
  Val unknownFrom(Val v, String why) {
    unknown.computeIfAbsent(v.name(), k -> new TreeSet<>()).add(why);
    return v;
  }

  /** {@code var tN = expr;}: a call whose result the generator expects to have {@code shape}. */
  Val let(String expr, String op, long... shape) {
    String name = fresh("t");
    body.add(new Line("var " + name + " = " + expr + ";", op));
    tag("op:" + op);
    flowUnknown(expr, name);
    return new Val(name, shape.clone());
  }

  /** Tags the uses of values marked by {@link #unknownFrom}, and marks what they compute. */
  private void flowUnknown(String expr, String result) {
    TreeSet<String> reasons = new TreeSet<>();
    unknown.forEach((name, why) -> {
      if (Pattern.compile("\\b" + name + "\\b").matcher(expr).find()) {
        reasons.addAll(why);
      }
    });
    for (String why : reasons) {
      tag("uses:" + why);
    }
    if (!reasons.isEmpty() && result != null) {
      unknown.put(result, reasons);
    }
  }

  /** A statement of its own (a call whose result is not kept). */
  void statement(String code, String op) {
    body.add(new Line(code, op));
    flowUnknown(code, code.startsWith("var ") ? code.substring(4, code.indexOf(' ', 4)) : null);
    if (op != null) {
      tag("op:" + op);
    }
  }

  /**
   * A module built by {@code creation} ({@code new Linear(4, 3)}, {@code LSTM.batchFirst(...)}):
   * in a local ({@code var mN = ...}) or a {@code final} field; returns its name. The creation
   * is written after that choice: a field's initialiser spells its sizes as literals or
   * constants only (it cannot see {@code run}'s locals).
   */
  String module(String type, Supplier<String> creation, String op) {
    String name = fresh("m");
    tag("op:" + op);
    if (chance(0.3)) {
      tag("spelling:moduleField");
      inField = true;
      String code = creation.get();
      inField = false;
      if (!code.startsWith("new ")) {
        tag("spelling:fieldFromFactory");
      }
      members.add(new Line("final " + type + " " + name + " = " + code + ";", op));
    } else {
      String code = creation.get();
      body.add(new Line("var " + name + " = " + code + ";", op));
    }
    return name;
  }

  /**
   * A size or hyperparameter {@code value} as the program spells it: mostly a literal, else an
   * {@code int} local or a {@code static final} constant.
   */
  String size(long value) {
    double r = rnd.nextDouble();
    if (r < 0.85 || value < 0) {
      return Long.toString(value);
    }
    if (r < 0.93 && !inField) {
      tag("spelling:intLocal");
      String name = fresh("n");
      body.add(new Line("int " + name + " = " + value + ";", null));
      return name;
    }
    tag("spelling:staticConst");
    String name = fresh("K");
    members.add(new Line("static final int " + name + " = " + value + ";", null));
    return name;
  }

  /**
   * Dim {@code d} of {@code of}'s size as the program spells it: a literal {@code of.size(d)}
   * is, by chance, taken from the tensor ({@code of.size(d)} inline or kept in a {@code long}
   * local) when {@code of} has that size.
   */
  String sizeFrom(long value, Val of) {
    if (of != null && !inField && chance(0.3)) {
      for (int d = 0; d < of.rank(); d++) {
        if (of.shape()[d] == value) {
          if (chance(0.5)) {
            tag("spelling:sizeInline");
            return of.name() + ".size(" + d + ")";
          }
          tag("spelling:sizeLocal");
          String name = fresh("s");
          body.add(new Line("long " + name + " = " + of.name() + ".size(" + d + ");", null));
          return name;
        }
      }
    }
    return size(value);
  }

  /**
   * A dim argument {@code d} (non-negative, of a tensor of rank {@code rank}) as the program
   * spells it: as is, negative from the end, or (rarely) {@code x.dim() - k}.
   */
  String dim(int d, Val of) {
    int rank = of.rank();
    double r = rnd.nextDouble();
    if (r < 0.7 || d >= rank || (r >= 0.93 && inField)) {
      return Integer.toString(d);
    }
    if (r < 0.93) {
      return Integer.toString(d - rank);
    }
    tag("spelling:dimExpr");
    return of.name() + ".dim() - " + (rank - d);
  }

  static String longs(long[] values) {
    return Arrays.stream(values).mapToObj(Long::toString).collect(Collectors.joining(", "));
  }

  static String ints(int[] values) {
    return Arrays.stream(values).mapToObj(Integer::toString).collect(Collectors.joining(", "));
  }
}
