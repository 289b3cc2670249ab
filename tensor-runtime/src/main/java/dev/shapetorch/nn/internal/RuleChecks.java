package dev.shapetorch.nn.internal;

import dev.shapetorch.shapes.rules.Rule;
import dev.shapetorch.shapes.rules.RuleArg;
import dev.shapetorch.shapes.rules.ShapeResult;
import dev.shapetorch.shapes.rules.TensorShape;
import dev.shapetorch.tensor.ShapeException;
import dev.shapetorch.tensor.Tensor;
import java.util.Arrays;

/** Runs the shape rule a layer's {@code forward} names, as the checker does at compile time. */
public final class RuleChecks {
  private RuleChecks() {}

  /** Applies {@code rule}; throws {@link ShapeException} with the rule's text on a mismatch. */
  public static TensorShape check(Rule rule, String op, RuleArg... args) {
    ShapeResult<TensorShape> r = rule.apply(op, Arrays.asList(args));
    if (!r.isOk()) {
      throw new ShapeException(r.mismatch());
    }
    return r.value();
  }

  /** A module's hyperparameter vector as a rule input. */
  public static RuleArg module(long... hyperparameters) {
    return new RuleArg.TensorArg(TensorShape.of(hyperparameters));
  }

  /** A tensor as a rule input; null is an absent optional input. */
  public static RuleArg tensor(Tensor t) {
    return t == null ? new RuleArg.Ignored() : new RuleArg.TensorArg(t.shapeOf());
  }
}
