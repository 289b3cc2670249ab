package dev.shapetorch.differential;

import static dev.shapetorch.differential.TensorOps.ranked;

import dev.shapetorch.differential.Program.Fill;
import dev.shapetorch.differential.ProgramBuilder.Val;
import java.util.List;

/**
 * The generator's losses, as {@code F} functions and as loss modules, and {@code backward} on
 * their result.
 */
final class LossOps {
  private LossOps() {}

  static List<Op> all() {
    return List.of(
        new Op("regressionLoss", "loss", 4, LossOps::regression),
        new Op("classificationLoss", "loss", 3, LossOps::classification),
        new Op("binaryLoss", "loss", 2, LossOps::binary),
        new Op("backward", "loss", 2, LossOps::backward));
  }

  private static final List<String> REGRESSION =
      List.of("mseLoss:MSELoss", "l1Loss:L1Loss", "smoothL1Loss:SmoothL1Loss",
          "huberLoss:HuberLoss");

  static Val regression(ProgramBuilder b, Val in, boolean mistake) {
    Val x = ranked(b, in, 1, 4);
    long[] target = x.shape().clone();
    if (mistake) {
      int d = b.between(0, target.length - 1);
      target[d] = target[d] == 1 ? 2 : target[d] + 1;
      b.mistake("regressionLoss.target");
    }
    Val t = b.input(target);
    String[] names = b.pick(REGRESSION).split(":");
    boolean none = b.chance(0.3);
    long[] out = none ? x.shape() : new long[] {};
    if (b.chance(0.5)) {
      // smoothL1Loss and huberLoss take their reduction with beta/delta.
      boolean withBeta = names[0].equals("smoothL1Loss") || names[0].equals("huberLoss");
      String reduction = none ? ", Reduction.NONE" + (withBeta ? ", 1.0" : "") : "";
      return b.let("F." + names[0] + "(" + x.name() + ", " + t.name() + reduction + ")",
          "F." + names[0], out);
    }
    b.tag("spelling:lossModule");
    // The module's type holds its reduction, so its forward's result has the reduction's rank.
    boolean withBeta = names[1].equals("SmoothL1Loss") || names[1].equals("HuberLoss");
    String creation = none
        ? "new " + names[1] + "(Reduction.NONE" + (withBeta ? ", 1.0" : "") + ")"
        : "new " + names[1] + "()";
    String m = b.module(names[1], () -> creation, "new " + names[1]);
    return b.let(m + ".forward(" + x.name() + ", " + t.name() + ")", names[1] + ".forward", out);
  }

  static Val classification(ProgramBuilder b, Val in, boolean mistake) {
    Val x = ranked(b, in, 2, 2);
    long n = x.size(0);
    long c = x.size(1);
    long[] target = {n};
    boolean nll = b.chance(0.3);
    if (mistake) {
      if (b.chance(0.5)) {
        target = new long[] {n + 1};
        b.mistake("classificationLoss.batch");
      } else {
        target = new long[] {n, 1};
        // With one class the integer target has the input's shape: cross-entropy reads it as
        // class probabilities, which must be floating (a dtype, issue 15); nllLoss takes no
        // probabilities, so for it the rank is the mistake.
        b.mistake(c == 1 && !nll
            ? "classificationLoss.targetLikeInput" : "classificationLoss.rank");
      }
    }
    Val t = b.input(Fill.INDEX, c, target);
    if (b.chance(0.5)) {
      String f = nll ? "nllLoss" : "crossEntropy";
      return b.let("F." + f + "(" + x.name() + ", " + t.name() + ")", "F." + f);
    }
    b.tag("spelling:lossModule");
    String type = nll ? "NLLLoss" : "CrossEntropyLoss";
    String m = b.module(type, () -> "new " + type + "()", "new " + type);
    return b.let(m + ".forward(" + x.name() + ", " + t.name() + ")", type + ".forward");
  }

  static Val binary(ProgramBuilder b, Val in, boolean mistake) {
    long[] shape = in != null && in.rank() >= 1 && in.rank() <= 3 && in.numel() <= 512
        ? in.shape() : b.sizes(b.between(1, 3), 1, 4);
    boolean logits = b.chance(0.5);
    Val x = logits && in != null && in.rank() >= 1 && in.rank() <= 3 && in.numel() <= 512
        ? in : b.input(logits ? Fill.NORMAL : Fill.UNIT, 0, shape);
    long[] target = shape.clone();
    if (mistake) {
      int d = b.between(0, target.length - 1);
      target[d] = target[d] == 1 ? 2 : target[d] + 1;
      b.mistake("binaryLoss.target");
    }
    Val t = b.input(Fill.UNIT, 0, target);
    String f = logits ? "binaryCrossEntropyWithLogits" : "binaryCrossEntropy";
    if (b.chance(0.5)) {
      return b.let("F." + f + "(" + x.name() + ", " + t.name() + ")", "F." + f);
    }
    b.tag("spelling:lossModule");
    String type = logits ? "BCEWithLogitsLoss" : "BCELoss";
    String m = b.module(type, () -> "new " + type + "()", "new " + type);
    return b.let(m + ".forward(" + x.name() + ", " + t.name() + ")", type + ".forward");
  }

  static Val backward(ProgramBuilder b, Val in, boolean mistake) {
    long[] shape = b.sizes(b.between(1, 2), 1, 4);
    if (mistake) {
      shape[0] = Math.max(2, shape[0]);
    }
    Val x = b.input(Fill.GRAD, 0, shape);
    Val t = b.input(shape);
    boolean none = mistake || b.chance(0.3);
    Val loss = b.let("F.mseLoss(" + x.name() + ", " + t.name()
        + (none ? ", Reduction.NONE" : "") + ")", "F.mseLoss", none ? shape : new long[] {});
    if (mistake) {
      b.mistake("backward.notScalar");
      b.statement(loss.name() + ".backward();", "Tensor.backward");
    } else if (none) {
      Val sum = b.let(loss.name() + ".sum()", "Tensor.sum");
      b.statement(sum.name() + ".backward();", "Tensor.backward");
    } else {
      b.statement(loss.name() + ".backward();", "Tensor.backward");
    }
    return b.let(x.name() + ".grad()", "Tensor.grad", shape);
  }
}
