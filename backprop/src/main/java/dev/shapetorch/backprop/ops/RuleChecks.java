package dev.shapetorch.backprop.ops;

import dev.shapetorch.shapes.rules.Rule;
import dev.shapetorch.shapes.rules.RuleArg;
import dev.shapetorch.shapes.rules.ShapeResult;
import dev.shapetorch.shapes.rules.TensorShape;
import dev.shapetorch.tensor.ShapeException;
import dev.shapetorch.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a shape rule on actual tensors for the ops whose forward pass calls no single {@code
 * Torch} op that would check it (losses computed from several kernels).
 */
final class RuleChecks {
  private RuleChecks() {}

  /**
   * Checks {@code tensors} against {@code rule}.
   *
   * @param rule a rule whose inputs are all tensors
   * @param op the op's name for the message
   * @throws ShapeException with the rule's message on a mismatch
   */
  static TensorShape require(Rule rule, String op, Tensor... tensors) {
    List<RuleArg> args = new ArrayList<>(tensors.length);
    for (Tensor t : tensors) {
      args.add(new RuleArg.TensorArg(t.shapeOf()));
    }
    ShapeResult<TensorShape> r = rule.apply(op, args);
    if (!r.isOk()) {
      throw new ShapeException(r.mismatch());
    }
    return r.value();
  }
}
