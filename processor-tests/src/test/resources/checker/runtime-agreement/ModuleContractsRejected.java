import dev.shapetorch.nn.activation.LogSoftmax;
import dev.shapetorch.nn.activation.Softmax;
import dev.shapetorch.nn.attention.MultiheadAttention;
import dev.shapetorch.nn.loss.CrossEntropyLoss;
import dev.shapetorch.nn.loss.NLLLoss;
import dev.shapetorch.nn.normalization.BatchNorm1d;
import dev.shapetorch.nn.normalization.GroupNorm;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/**
 * Layers whose forward declares the contract its functional op checks, so the checker reports
 * what the run time throws (CheckerAgreementTest in tensor-runtime, same text).
 */
class ModuleContractsRejected {
  final Softmax softmax = new Softmax(2);
  final LogSoftmax logSoftmax = new LogSoftmax(-3);
  final MultiheadAttention attention = new MultiheadAttention(4, 2);
  final MultiheadAttention batchFirst = new MultiheadAttention(4, 2, 0.0, true);
  final BatchNorm1d bn = new BatchNorm1d(3);
  final GroupNorm gn = new GroupNorm(2, 6);

  void losses(@Shape({"8", "10"}) Tensor logits, @Shape({"8", "1"}) Tensor labels,
      @Shape({"5"}) Tensor fewer) {
    // :: error: (shape.mismatch.loss.target) CrossEntropyLoss.forward: a target with the input's rank holds class probabilities and must have the input's shape: input is [8, 10], target is [8, 1] (for class indices, drop the class dim, dim 1)
    new CrossEntropyLoss().forward(logits, labels);
    // :: error: (shape.mismatch.loss.target) NLLLoss.forward: target [5] must be [8] for input [8, 10] (dim 0: 5 vs 8)
    new NLLLoss().forward(logits, fewer);
  }

  void softmax() {
    // :: error: (shape.dim.range) Softmax.forward: dimension 2 is out of range for [3, 4] (rank 2): expected a dim in [-2, 1]
    softmax.forward(Torch.zeros(3, 4));
    // :: error: (shape.dim.range) LogSoftmax.forward: dimension -3 is out of range for [3, 4] (rank 2): expected a dim in [-2, 1]
    logSoftmax.forward(Torch.zeros(3, 4));
  }

  void attention() {
    // :: error: (shape.mismatch.argument) MultiheadAttention.forward: query [3, 2, 4] and key [5, 3, 4] have different batch sizes (dim 1, as not batch first)
    attention.forward(Torch.zeros(3, 2, 4), Torch.zeros(5, 3, 4), Torch.zeros(5, 3, 4));
    // :: error: (shape.mismatch.argument) MultiheadAttention.forward: query [2, 3, 4] and key [3, 5, 4] have different batch sizes (dim 0, as batch first)
    batchFirst.forward(Torch.zeros(2, 3, 4), Torch.zeros(3, 5, 4), Torch.zeros(3, 5, 4));
    // :: error: (shape.mismatch.argument) MultiheadAttention.forward: key [5, 2, 4] and value [6, 2, 4] must have the same shape
    attention.forward(Torch.zeros(3, 2, 4), Torch.zeros(5, 2, 4), Torch.zeros(6, 2, 4));
    // :: error: (shape.rank) MultiheadAttention.forward: query must be 3-D
    attention.forward(Torch.zeros(3, 4), Torch.zeros(5, 4), Torch.zeros(5, 4));
  }

  void norms() {
    // :: error: (shape.rank) BatchNorm1d.forward: expected a 2-D [N, C] or 3-D [N, C, L] input, got [2, 3, 4, 5]; for images [N, C, H, W] use BatchNorm2d
    bn.forward(Torch.zeros(2, 3, 4, 5));
    // :: error: (shape.mismatch.norm.channels) GroupNorm.forward: input [2, 4, 5] has 4 channels (dim 1), the layer expects 6
    gn.forward(Torch.zeros(2, 4, 5));
  }
}
