package dev.shapetorch.shapes.rules;

import java.util.List;

/**
 * Typed access to one rule application's {@link RuleArg}s, for the rules' behaviours (the
 * family classes' {@code RuleArgs} overloads). A wrong kind of argument throws {@link
 * BadArgument}, which {@link Rule#apply} reports.
 */
final class RuleArgs {
  final String op;
  private final List<RuleArg> args;

  RuleArgs(String op, List<RuleArg> args) {
    this.op = op;
    this.args = args;
  }

  /** An argument of the wrong kind (a declaration bug, reported as a mismatch). */
  static final class BadArgument extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int index;
    final String expected;

    BadArgument(int index, String expected) {
      super(null, null, false, false);
      this.index = index;
      this.expected = expected;
    }
  }

  /** A tensor input; an unknown one is a shape of unknown rank. */
  TensorShape tensor(int i) {
    RuleArg a = args.get(i);
    if (a instanceof RuleArg.TensorArg) {
      TensorShape s = ((RuleArg.TensorArg) a).shape();
      return s == null ? TensorShape.unknownRank() : s;
    }
    throw new BadArgument(i, "a tensor");
  }

  /** A tensor input that may be absent ({@link RuleArg.Ignored}): null then. */
  TensorShape optionalTensor(int i) {
    RuleArg a = args.get(i);
    if (a instanceof RuleArg.Ignored) {
      return null;
    }
    if (a instanceof RuleArg.TensorArg) {
      TensorShape s = ((RuleArg.TensorArg) a).shape();
      return s == null ? TensorShape.unknownRank() : s;
    }
    throw new BadArgument(i, "a tensor or absent");
  }

  /** A list of tensors, or null when their number is unknown. */
  List<TensorShape> tensors(int i) {
    RuleArg a = args.get(i);
    if (a instanceof RuleArg.TensorsArg) {
      return ((RuleArg.TensorsArg) a).shapes();
    }
    throw new BadArgument(i, "a list of tensors");
  }

  /** An int input; {@link DimExpr#UNKNOWN} when unknown. */
  DimExpr integer(int i) {
    RuleArg a = args.get(i);
    if (a instanceof RuleArg.IntArg) {
      DimExpr v = ((RuleArg.IntArg) a).value();
      return v == null ? DimExpr.UNKNOWN : v;
    }
    throw new BadArgument(i, "an int");
  }

  /** An int input known as a constant, or null. */
  Long constant(int i) {
    DimExpr v = integer(i);
    return v.isConstant() ? v.constantValue() : null;
  }

  /** An int-array input, or null when its length is unknown. */
  List<DimExpr> ints(int i) {
    RuleArg a = args.get(i);
    if (a instanceof RuleArg.IntsArg) {
      return ((RuleArg.IntsArg) a).values();
    }
    throw new BadArgument(i, "an int array");
  }

  /** An int-array input whose every element is a known constant, or null. */
  long[] constants(int i) {
    List<DimExpr> v = ints(i);
    if (v == null) {
      return null;
    }
    long[] literal = ConcreteDims.valuesOf(v);
    if (literal != null) {
      return literal.clone();
    }
    long[] out = new long[v.size()];
    for (int k = 0; k < out.length; k++) {
      DimExpr d = v.get(k);
      if (!d.isConstant()) {
        return null;
      }
      out[k] = d.constantValue();
    }
    return out;
  }

  /** An enum constant's name, or null when unknown. */
  String enumConstant(int i) {
    RuleArg a = args.get(i);
    if (a instanceof RuleArg.EnumArg) {
      return ((RuleArg.EnumArg) a).constant();
    }
    throw new BadArgument(i, "an enum constant");
  }

  /** A string input, or null when unknown. */
  String string(int i) {
    RuleArg a = args.get(i);
    if (a instanceof RuleArg.StringArg) {
      return ((RuleArg.StringArg) a).value();
    }
    throw new BadArgument(i, "a string");
  }

  /** A boolean input, or null when unknown. */
  Boolean bool(int i) {
    RuleArg a = args.get(i);
    if (a instanceof RuleArg.BoolArg) {
      return ((RuleArg.BoolArg) a).value();
    }
    throw new BadArgument(i, "a boolean");
  }
}
