package dev.shapetorch.tensor;

import dev.shapetorch.shapes.rules.Broadcasting;
import dev.shapetorch.shapes.rules.DimExpr;
import dev.shapetorch.shapes.rules.Rule;
import dev.shapetorch.shapes.rules.RuleArg;
import dev.shapetorch.shapes.rules.ShapeResult;
import dev.shapetorch.shapes.rules.TensorShape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The runtime's one door to the shape algebra: every op checks its actual shapes here, by calling
 * the same rule its annotation names, before it calls libtorch. A mismatch becomes a {@link
 * ShapeException} whose message is the rule's {@code ShapeMismatch.render()}.
 */
final class ShapeChecks {

  private ShapeChecks() {}

  /** Runs {@code rule} on these inputs; throws {@link ShapeException} on a mismatch. */
  static TensorShape check(Rule rule, String op, RuleArg... args) {
    for (int i = 0; i < args.length; i++) {
      if (args[i] == NULL_TENSOR || args[i] == NULL_INTS) {
        throw UserCall.nullArgument(op, rule, i, -1);
      }
    }
    ShapeResult<TensorShape> r = rule.apply(op, Arrays.asList(args));
    if (!r.isOk()) {
      throw new ShapeException(r.mismatch().withOp(UserCall.attribute(r.mismatch().op())));
    }
    TensorShape out = r.value();
    if (rule != Rule.EXPAND) { // expand makes a view: its size needs no memory
      MemoryLimit.check(op, out, 1);
    }
    return out;
  }

  /** A null tensor input, reported by {@link #check} with the parameter's name. */
  private static final RuleArg NULL_TENSOR = new RuleArg.TensorArg(TensorShape.of());

  /** A null int array, reported by {@link #check} with the parameter's name. */
  private static final RuleArg NULL_INTS = new RuleArg.IntsArg(List.of());

  /** {@link Rule#BROADCAST} on two tensors (called directly: it is on every elementwise op's path). */
  static void broadcast(String op, Tensor a, Tensor b) {
    if (a == null || b == null) {
      throw UserCall.nullArgument(op, Rule.BROADCAST, a == null ? 0 : 1, -1);
    }
    TensorShape sa = a.shapeOf();
    TensorShape sb = b.shapeOf();
    if (sa == sb) {
      return; // the same tensor: nothing can disagree
    }
    ShapeResult<TensorShape> r = Broadcasting.broadcast(op, sa, sb);
    if (!r.isOk()) {
      throw new ShapeException(r.mismatch().withOp(UserCall.attribute(r.mismatch().op())));
    }
  }

  /** {@link Rule#BROADCAST_INPLACE}: {@code other} must broadcast to {@code self}'s shape. */
  static void broadcastInPlace(String op, Tensor self, Tensor other) {
    if (self == null || other == null) {
      throw UserCall.nullArgument(op, Rule.BROADCAST_INPLACE, self == null ? 0 : 1, -1);
    }
    TensorShape ss = self.shapeOf();
    TensorShape so = other.shapeOf();
    if (ss == so) {
      return; // the same tensor: nothing can disagree
    }
    ShapeResult<TensorShape> r = Broadcasting.broadcastInPlace(op, ss, so);
    if (!r.isOk()) {
      throw new ShapeException(r.mismatch().withOp(UserCall.attribute(r.mismatch().op())));
    }
  }

  /** A tensor input. */
  static RuleArg tensorArg(Tensor t) {
    return t == null ? NULL_TENSOR : new RuleArg.TensorArg(t.shapeOf());
  }

  static RuleArg tensorArg(TensorShape s) {
    return new RuleArg.TensorArg(s);
  }

  /** Several tensor inputs. */
  static RuleArg tensors(Tensor... ts) {
    if (ts == null) {
      throw UserCall.nullArgument(null, null, -1, -1);
    }
    List<TensorShape> shapes = new ArrayList<>(ts.length);
    for (int i = 0; i < ts.length; i++) {
      if (ts[i] == null) {
        throw UserCall.nullElement(i);
      }
      shapes.add(ts[i].shapeOf());
    }
    return new RuleArg.TensorsArg(shapes);
  }

  /** An int input (a dim, a size). */
  static RuleArg integer(long v) {
    return new RuleArg.IntArg(DimExpr.of(v));
  }

  /** An int-array input (rules read the values without boxing them). */
  static RuleArg ints(long... vs) {
    return vs == null ? NULL_INTS : RuleArg.IntsArg.of(vs);
  }

  /** An int-array input. */
  static RuleArg ints(int... vs) {
    if (vs == null) {
      return NULL_INTS;
    }
    long[] values = new long[vs.length];
    for (int i = 0; i < vs.length; i++) {
      values[i] = vs[i];
    }
    return RuleArg.IntsArg.of(values);
  }

  /** A boolean input. */
  static RuleArg bool(boolean v) {
    return new RuleArg.BoolArg(v);
  }

  /**
   * A backward kernel's check that a gradient (or the indices) has its forward result's shape.
   *
   * @throws IllegalArgumentException naming the op, the argument and both shapes otherwise
   */
  static void requireForwardShape(String op, String name, Tensor t, TensorShape expected) {
    if (t == null) {
      throw new IllegalArgumentException(UserCall.attribute(op) + ": " + name + " is null");
    }
    if (!expected.equals(t.shapeOf())) {
      throw new IllegalArgumentException(UserCall.attribute(op) + ": " + name + " has shape "
          + Arrays.toString(t.shape()) + " but the forward result has shape " + expected
          + "; pass the gradient of this op's own result");
    }
  }
}
