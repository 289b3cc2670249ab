import dev.shapetorch.nn.loss.CrossEntropyLoss;
import dev.shapetorch.nn.loss.L1Loss;
import dev.shapetorch.nn.loss.MSELoss;
import dev.shapetorch.nn.loss.NLLLoss;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Reduction;
import dev.shapetorch.tensor.Tensor;

/**
 * With the reduction in the loss module's type, a mistake after forward is caught: the rank is
 * known ([] reduced, the elementwise shape with Reduction.NONE), and so is backward's need for a
 * single element. The run-time half is CheckerAgreementTest in tensor-runtime (same text).
 */
class LossModuleResultRejected {
  final MSELoss perElement = new MSELoss(Reduction.NONE);

  void unreducedThenWrongPermute(@Shape({"4", "3"}) Tensor x, @Shape({"4", "3"}) Tensor y) {
    // :: error: (shape.rank) Tensor.permute: permute needs one dim per dimension: [4, 3] has 2-D dims, got 3 dims [0, 1, 2]
    perElement.forward(x, y).permute(0, 1, 2);
  }

  void unreducedBackward(@Shape({"4", "3"}) Tensor x, @Shape({"4", "3"}) Tensor y) {
    var loss = new L1Loss(Reduction.NONE).forward(x, y);
    // :: error: (shape.numel.one)
    loss.backward();
  }

  void reducedHasNoDims(@Shape({"4", "3"}) Tensor x, @Shape({"4", "3"}) Tensor y) {
    // :: error: (shape.reshape.numel) Tensor.view: shape [2, 2] is invalid for input [] of 1 elements
    new MSELoss().forward(x, y).view(2, 2);
  }

  void perSampleLoss(@Shape({"4", "10"}) Tensor logits, @Shape({"4"}) Tensor labels) {
    var ce = new CrossEntropyLoss(null, -100, Reduction.NONE, 0.0);
    // :: error: (shape.assignment)
    @Shape({"4", "10"}) Tensor wrong = ce.forward(logits, labels);
  }

  void moduleMismatch(@Shape({"8", "1"}) Tensor column, @Shape({"8"}) Tensor vector) {
    // :: error: (shape.mismatch.loss.same) MSELoss.forward: input is [8, 1] but target is [8]; they must be equal (broadcasting would silently compute a [8, 8] loss, pairing every input with every target; squeeze or reshape one of them)
    new MSELoss().forward(column, vector);
  }
}
