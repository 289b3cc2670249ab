import dev.shapetorch.nn.activation.LogSoftmax;
import dev.shapetorch.nn.activation.Softmax;
import dev.shapetorch.nn.attention.MultiheadAttention;
import dev.shapetorch.nn.loss.CrossEntropyLoss;
import dev.shapetorch.nn.normalization.BatchNorm1d;
import dev.shapetorch.nn.normalization.GroupNorm;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/** What the same layers accept, and the shapes they give. */
class ModuleContractsAccepted {
  final Softmax softmax = new Softmax(1);
  final LogSoftmax logSoftmax = new LogSoftmax(-1);
  final MultiheadAttention attention = new MultiheadAttention(4, 2);
  final MultiheadAttention batchFirst = new MultiheadAttention(4, 2, 0.0, true);
  final BatchNorm1d bn = new BatchNorm1d(3);
  final GroupNorm gn = new GroupNorm(2, 6);

  void use(@Shape({"8", "10"}) Tensor logits, @Shape({"8"}) Tensor labels,
      @Shape({"B", "T", "4"}) Tensor tokens, @Shape({"B", "S", "4"}) Tensor memory) {
    new CrossEntropyLoss().forward(logits, labels);
    new CrossEntropyLoss().forward(logits, Torch.softmax(logits, 1));
    @Shape({"3", "4"}) Tensor p = softmax.forward(Torch.zeros(3, 4));
    @Shape({"3", "4"}) Tensor logP = logSoftmax.forward(Torch.zeros(3, 4));
    @Shape({"3", "2", "4"}) Tensor seq =
        attention.forward(Torch.zeros(3, 2, 4), Torch.zeros(5, 2, 4), Torch.zeros(5, 2, 4));
    @Shape({"B", "T", "4"}) Tensor attended = batchFirst.forward(tokens, memory, memory);
    @Shape({"2", "3", "7"}) Tensor sequences = bn.forward(Torch.zeros(2, 3, 7));
    @Shape({"2", "3"}) Tensor features = bn.forward(Torch.zeros(2, 3));
    @Shape({"2", "6", "5"}) Tensor grouped = gn.forward(Torch.zeros(2, 6, 5));
  }
}
