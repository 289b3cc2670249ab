package dev.shapetorch.shapes.rules;

import java.util.List;

/**
 * Routes {@link Rule#apply} to the family classes: unpacks {@link RuleArg}s, and turns inputs
 * the checker does not know (an int that is not a constant, a list of unknown length) into a
 * result of unknown sizes instead of an error. Layer rules continue in {@link
 * LayerRuleDispatch}.
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
      return run(new RuleArgs(rule, op, args));
    } catch (RuleArgs.BadArgument e) {
      return ShapeResult.mismatch(MessageKeys.RULE_ARGUMENTS, op,
          "rule " + rule + " input " + e.index + " must be " + e.expected + ", got "
              + args.get(e.index), e.index, -1);
    } catch (ArithmeticException e) {
      // DimExpr computes with Math.*Exact: sizes, strides or paddings near Long.MAX_VALUE.
      return ShapeResult.mismatch(MessageKeys.SIZE_OVERFLOW, op,
          "a size computed from the arguments does not fit in 64 bits (" + e.getMessage()
              + "); check for sizes, strides, paddings or dilations near Long.MAX_VALUE",
          -1, -1);
    }
  }

  static ShapeResult<TensorShape> ok(TensorShape s) {
    return ShapeResult.ok(s);
  }

  private static ShapeResult<TensorShape> run(RuleArgs a) {
    String op = a.op;
    switch (a.rule) {
      case BROADCAST:
        return Broadcasting.broadcast(op, a.tensor(0), a.tensor(1));
      case BROADCAST_INPLACE:
        return Broadcasting.broadcastInPlace(op, a.tensor(0), a.tensor(1));
      case BROADCAST3:
        return Broadcasting.broadcast(op, a.tensor(0), a.tensor(1), a.tensor(2));
      case BROADCAST3_INPLACE:
        return Broadcasting.broadcastInPlace(op, a.tensor(0), a.tensor(1), a.tensor(2));
      case MATMUL:
        return MatmulRules.matmul(op, a.tensor(0), a.tensor(1));
      case MM:
        return MatmulRules.mm(op, a.tensor(0), a.tensor(1));
      case BMM:
        return MatmulRules.bmm(op, a.tensor(0), a.tensor(1));
      case MV:
        return MatmulRules.mv(op, a.tensor(0), a.tensor(1));
      case DOT:
        return MatmulRules.dot(op, a.tensor(0), a.tensor(1));
      case OUTER:
        return MatmulRules.outer(op, a.tensor(0), a.tensor(1));
      case LINEAR:
        return MatmulRules.linear(op, a.tensor(0), a.tensor(1), a.optionalTensor(2));
      case RESHAPE: {
        List<DimExpr> sizes = a.ints(1);
        TensorShape in = a.tensor(0);
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
            ? ok(RuleSupport.unknownDims(in, in.rank())) : DimRules.transpose(op, in, d0, d1);
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
      case CAT:
      case STACK: {
        List<TensorShape> ts = a.tensors(0);
        Long d = a.constant(1);
        if (ts == null || d == null) {
          return ok(TensorShape.unknownRank());
        }
        return a.rule == Rule.CAT ? JoinRules.cat(op, ts, d) : JoinRules.stack(op, ts, d);
      }
      case SPLIT:
      case CHUNK: {
        TensorShape in = a.tensor(0);
        DimExpr n = a.integer(1);
        Long d = a.constant(2);
        if (d == null) {
          return ok(RuleSupport.unknownDims(in, in.rank()));
        }
        return a.rule == Rule.SPLIT ? JoinRules.split(op, in, n, d) : JoinRules.chunk(op, in, n, d);
      }
      case REDUCE_ALL:
        return ReductionRules.reduceAll(op, a.tensor(0));
      case REDUCE_DIM:
      case ARG_REDUCE_DIM: {
        TensorShape in = a.tensor(0);
        Long d = a.constant(1);
        Boolean keep = a.bool(2);
        if (d == null || keep == null) {
          return ok(keep == null ? TensorShape.unknownRank()
              : RuleSupport.unknownDims(in, keep ? in.rank() : Math.max(in.rank() - 1, 0)));
        }
        return a.rule == Rule.REDUCE_DIM ? ReductionRules.reduceDim(op, in, d, keep)
            : ReductionRules.argReduceDim(op, in, d, keep);
      }
      case REDUCE_DIMS: {
        TensorShape in = a.tensor(0);
        long[] dims = a.constants(1);
        Boolean keep = a.bool(2);
        if (dims == null || keep == null) {
          return ok(keep != null && keep
              ? RuleSupport.unknownDims(in, in.rank()) : TensorShape.unknownRank());
        }
        return ReductionRules.reduceDims(op, in, dims, keep);
      }
      default:
        return LayerRuleDispatch.run(a);
    }
  }
}
