import dev.shapetorch.nn.loss.BCELoss;
import dev.shapetorch.nn.loss.BCEWithLogitsLoss;
import dev.shapetorch.nn.loss.CrossEntropyLoss;
import dev.shapetorch.nn.loss.HuberLoss;
import dev.shapetorch.nn.loss.KLDivLoss;
import dev.shapetorch.nn.loss.L1Loss;
import dev.shapetorch.nn.loss.MSELoss;
import dev.shapetorch.nn.loss.NLLLoss;
import dev.shapetorch.nn.loss.SmoothL1Loss;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.Reduction;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/**
 * A loss module's type holds the reduction its constructor was given as a constant (the default
 * constructor is MEAN), so its forward's result has a shape: [] reduced, the elementwise or
 * per-sample shape with Reduction.NONE, as the runtime computes (CheckerAgreementTest in
 * tensor-runtime). A reduction the checker cannot see leaves the result unknown, never an error.
 */
class LossModuleResultAccepted {
  final MSELoss perElement = new MSELoss(Reduction.NONE);
  final CrossEntropyLoss perSample = new CrossEntropyLoss(null, -100, Reduction.NONE, 0.0);

  void types() {
    @Shape({"1"}) MSELoss mean = new MSELoss();
    @Shape({"0"}) MSELoss none = new MSELoss(Reduction.NONE);
    @Shape({"2"}) L1Loss sum = new L1Loss(Reduction.SUM);
    @Shape({"3"}) KLDivLoss batchMean = new KLDivLoss(Reduction.BATCHMEAN, false);
  }

  void reduced(@Shape({"4", "3"}) Tensor x, @Shape({"4", "3"}) Tensor y,
      @Shape({"4", "10"}) Tensor logits, @Shape({"4"}) Tensor labels) {
    @Shape({}) Tensor a = new MSELoss().forward(x, y);
    @Shape({}) Tensor b = new L1Loss(Reduction.SUM).forward(x, y);
    @Shape({}) Tensor c = new SmoothL1Loss().forward(x, y);
    @Shape({}) Tensor d = new HuberLoss(Reduction.MEAN, 1.0).forward(x, y);
    @Shape({}) Tensor e = new BCELoss().forward(x.sigmoid(), y.sigmoid());
    @Shape({}) Tensor f = new BCEWithLogitsLoss().forward(x, y);
    @Shape({}) Tensor g = new KLDivLoss(Reduction.BATCHMEAN, false).forward(x, y);
    @Shape({}) Tensor h = new CrossEntropyLoss().forward(logits, labels);
    @Shape({}) Tensor i = new NLLLoss().forward(logits, labels);
    new MSELoss().forward(x, y).backward();
  }

  void unreduced(@Shape({"4", "3"}) Tensor x, @Shape({"4", "3"}) Tensor y,
      @Shape({"4", "10"}) Tensor logits, @Shape({"4"}) Tensor labels) {
    @Shape({"4", "3"}) Tensor a = perElement.forward(x, y);
    var l1 = new L1Loss(Reduction.NONE);
    @Shape({"4", "3"}) Tensor b = l1.forward(x, y);
    @Shape({"4", "3"}) Tensor c = new SmoothL1Loss(Reduction.NONE, 1.0).forward(x, y);
    @Shape({"4", "3"}) Tensor d = new BCELoss(null, Reduction.NONE).forward(x.sigmoid(), y);
    @Shape({"4"}) Tensor e = perSample.forward(logits, labels);
    @Shape({"4"}) Tensor f = new NLLLoss(null, -100, Reduction.NONE).forward(logits, labels);
    @Shape({"3", "4"}) Tensor g = perElement.forward(x, y).t();
  }

  /** A reduction that is not a constant: the result is unknown, and unknown never errs. */
  void notConstant(@Shape({"4", "3"}) Tensor x, @Shape({"4", "3"}) Tensor y, Reduction r) {
    var loss = new MSELoss(r);
    Tensor out = loss.forward(x, y);
    out.view(-1).matmul(Torch.ones(12));
    out.sum().backward();
  }
}
