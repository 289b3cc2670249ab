package dev.shapetorch.shapes.rules;

import java.util.List;

/**
 * Routes {@link Rule#apply} to the family classes: unpacks {@link RuleArg}s, and turns inputs
 * the checker does not know (an int that is not a constant, a list of unknown length) into a
 * result of unknown sizes instead of an error.
 */
final class RuleDispatch {
  private RuleDispatch() {}

  static ShapeResult<TensorShape> apply(Rule rule, String op, List<RuleArg> args) {
    if (args == null || args.size() != rule.inputs().size()) {
      return ShapeResult.mismatch(MessageKeys.RULE_ARGUMENTS, op,
          "rule " + rule + " takes " + rule.inputs().size() + " inputs " + rule.inputs()
              + ", got " + (args == null ? "none" : args.size()), -1, -1);
    }
    try {
      return new Args(rule, op, args).run();
    } catch (BadArgument e) {
      return ShapeResult.mismatch(MessageKeys.RULE_ARGUMENTS, op,
          "rule " + rule + " input " + e.index + " must be " + e.expected + ", got "
              + args.get(e.index), e.index, -1);
    }
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

  /** One application: typed access to the arguments. */
  private static final class Args {
    final Rule rule;
    final String op;
    final List<RuleArg> args;

    Args(Rule rule, String op, List<RuleArg> args) {
      this.rule = rule;
      this.op = op;
      this.args = args;
    }

    ShapeResult<TensorShape> run() {
      switch (rule) {
        case BROADCAST:
          return Broadcasting.broadcast(op, tensor(0), tensor(1));
        case BROADCAST3:
          return Broadcasting.broadcast(op, tensor(0), tensor(1), tensor(2));
        case MATMUL:
          return MatmulRules.matmul(op, tensor(0), tensor(1));
        case MM:
          return MatmulRules.mm(op, tensor(0), tensor(1));
        case BMM:
          return MatmulRules.bmm(op, tensor(0), tensor(1));
        case MV:
          return MatmulRules.mv(op, tensor(0), tensor(1));
        case DOT:
          return MatmulRules.dot(op, tensor(0), tensor(1));
        case OUTER:
          return MatmulRules.outer(op, tensor(0), tensor(1));
        case LINEAR:
          return MatmulRules.linear(op, tensor(0), tensor(1), optionalTensor(2));
        default:
          return RuleDispatchMore.run(this);
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

    /** A tensor input that may be absent ({@link RuleArg.Ignored} or a null shape): null. */
    TensorShape optionalTensor(int i) {
      RuleArg a = args.get(i);
      if (a instanceof RuleArg.Ignored) {
        return null;
      }
      if (a instanceof RuleArg.TensorArg) {
        return ((RuleArg.TensorArg) a).shape();
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

    /** A boolean input, or null when unknown. */
    Boolean bool(int i) {
      RuleArg a = args.get(i);
      if (a instanceof RuleArg.BoolArg) {
        return ((RuleArg.BoolArg) a).value();
      }
      throw new BadArgument(i, "a boolean");
    }
  }

  /** The dispatch for shape-changing rules. */
  private static final class RuleDispatchMore {
    private RuleDispatchMore() {}

    static ShapeResult<TensorShape> run(Args a) {
      String op = a.op;
      switch (a.rule) {
        case RESHAPE: {
          TensorShape in = a.tensor(0);
          List<DimExpr> sizes = a.ints(1);
          return sizes == null ? ok(TensorShape.unknownRank()) : ViewRules.reshape(op, in, sizes);
        }
        case FLATTEN: {
          TensorShape in = a.tensor(0);
          Long s = a.constant(1);
          Long e = a.constant(2);
          return s == null || e == null
              ? ok(TensorShape.unknownRank()) : ViewRules.flatten(op, in, s, e);
        }
        case UNFLATTEN: {
          TensorShape in = a.tensor(0);
          Long d = a.constant(1);
          List<DimExpr> sizes = a.ints(2);
          return d == null || sizes == null
              ? ok(TensorShape.unknownRank()) : ViewRules.unflatten(op, in, d, sizes);
        }
        case TRANSPOSE: {
          TensorShape in = a.tensor(0);
          Long d0 = a.constant(1);
          Long d1 = a.constant(2);
          return d0 == null || d1 == null
              ? ok(RuleSupport.unknownDims(in, in.rank()))
              : DimRules.transpose(op, in, d0, d1);
        }
        case T:
          return DimRules.t(op, a.tensor(0));
        case PERMUTE: {
          TensorShape in = a.tensor(0);
          List<DimExpr> dims = a.ints(1);
          long[] c = a.constants(1);
          if (c == null) {
            return ok(dims == null
                ? RuleSupport.unknownDims(in, in.rank()) : TensorShape.unknownOfRank(dims.size()));
          }
          return DimRules.permute(op, in, c);
        }
        case SQUEEZE:
          return DimRules.squeeze(op, a.tensor(0));
        case SQUEEZE_DIM: {
          TensorShape in = a.tensor(0);
          Long d = a.constant(1);
          return d == null ? ok(TensorShape.unknownRank()) : DimRules.squeezeDim(op, in, d);
        }
        case UNSQUEEZE: {
          TensorShape in = a.tensor(0);
          Long d = a.constant(1);
          return d == null
              ? ok(RuleSupport.unknownDims(in, in.rank() + 1)) : DimRules.unsqueeze(op, in, d);
        }
        case EXPAND: {
          TensorShape in = a.tensor(0);
          List<DimExpr> sizes = a.ints(1);
          return sizes == null ? ok(TensorShape.unknownRank()) : ViewRules.expand(op, in, sizes);
        }
        case REPEAT: {
          TensorShape in = a.tensor(0);
          List<DimExpr> reps = a.ints(1);
          return reps == null ? ok(TensorShape.unknownRank()) : ViewRules.repeat(op, in, reps);
        }
        default:
          return RuleDispatchRest.run(a);
      }
    }
  }

  static ShapeResult<TensorShape> ok(TensorShape s) {
    return ShapeResult.ok(s);
  }

  /** The remaining families (filled in as they land). */
  private static final class RuleDispatchRest {
    private RuleDispatchRest() {}

    static ShapeResult<TensorShape> run(Args a) {
      return ok(TensorShape.unknownRank());
    }
  }
}
