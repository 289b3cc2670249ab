import dev.shapetorch.data.DataLoader;
import dev.shapetorch.data.LoaderOptions;
import dev.shapetorch.data.Sample;
import dev.shapetorch.data.TensorDataset;
import dev.shapetorch.nn.functional.F;
import dev.shapetorch.nn.linear.Linear;
import dev.shapetorch.shapes.SampleShape;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import dev.shapetorch.vision.datasets.MNIST;
import dev.shapetorch.vision.transforms.Resize;
import java.nio.file.Path;

/** The typed data pipeline: the mistakes the checker finds. */
class PipelineRejected {
  final Linear model = new Linear(784, 10);

  void exactly64(@Shape({"64", "784"}) Tensor x) {}

  void step64(@SampleShape(input = {"64", "784"}, target = {"64"}) Sample batch) {}

  void rgbStep(@Shape({"B", "3", "32", "32"}) Tensor images) {}

  void lastBatchMayBeShorter(boolean drop) {
    var data = TensorDataset.of(Torch.randn(1000, 784), Torch.zeros(1000));
    var loader = DataLoader.of(data, LoaderOptions.batchSize(64).withShuffle(true));
    for (Sample b : loader) {
      // :: error: (shape.batch.partial) PipelineRejected.exactly64: argument x is [≤64, 784], required [64, 784] (dim 0: found ≤64, required 64); the last batch may be shorter: set withDropLast(true) on the LoaderOptions, or accept any B
      exactly64(b.input());
      // :: error: (shape.batch.partial) argument batch.input() is [≤64, 784], required [64, 784]
      step64(b);
      // :: error: (shape.batch.partial) F.crossEntropy: target [64] must be [≤64]
      F.crossEntropy(model.forward(b.input()), Torch.randint(0, 10, 64));
    }
    // a dropLast that is not a constant counts as false
    for (Sample b : DataLoader.of(data, LoaderOptions.batchSize(64).withDropLast(drop))) {
      // :: error: (shape.batch.partial)
      exactly64(b.input());
    }
  }

  void otherBatchSize() {
    var data = TensorDataset.of(Torch.randn(1000, 784), Torch.zeros(1000));
    for (Sample b : DataLoader.of(data, LoaderOptions.batchSize(32).withDropLast(true))) {
      // :: error: (shape.mismatch.argument) argument x is [32, 784], required [64, 784]
      exactly64(b.input());
      // :: error: (shape.assignment) input: found [32, 784], required [64, 784]
      @SampleShape(input = {"64", "784"}, target = {"64"}) Sample c = b;
    }
  }

  void greyImagesToAnRgbModel(Path root) {
    var mnist = new MNIST(root, true, null);
    for (Sample b : DataLoader.of(mnist, LoaderOptions.batchSize(32).withDropLast(true))) {
      // :: error: (shape.mismatch.argument) argument images is [32, 1, 28, 28], required [B, 3, 32, 32] with B = 32 (dim 1: found 1, required 3)
      rgbStep(b.input());
    }
  }

  // Resized, but still grey: the transform's declared effect reaches the loader's batches.
  void resizedGreyImagesToAnRgbModel(Path root) {
    var mnist = new MNIST(root, true, new Resize(32));
    for (Sample b : DataLoader.of(mnist, LoaderOptions.batchSize(32).withDropLast(true))) {
      // :: error: (shape.mismatch.argument) argument images is [32, 1, 32, 32], required [B, 3, 32, 32] with B = 32 (dim 1: found 1, required 3)
      rgbStep(b.input());
    }
  }

  void inputsAndTargetsDisagree() {
    // :: error: (shape.mismatch.dataset) TensorDataset.of: inputs [1000, 784] and targets [999] have different numbers of examples (dim 0: 1000 and 999); give one target per input
    var data = TensorDataset.of(Torch.randn(1000, 784), Torch.zeros(999));
    // :: error: (shape.mismatch.dataset) TensorDataset.of: targets is 0-d ([]); each tensor needs a first dimension of examples
    TensorDataset.of(Torch.randn(10, 784), Torch.zeros());
  }

  void modelAndTargetsDisagree() {
    var data = TensorDataset.of(Torch.randn(1000, 784), Torch.zeros(1000, 5));
    for (Sample b : DataLoader.of(data, LoaderOptions.batchSize(64))) {
      // :: error: (shape.mismatch.loss.target) input is [≤64, 10]
      F.crossEntropy(model.forward(b.input()), b.target());
    }
  }

  // :: error: (shape.annotation.syntax) @SampleShape(input)
  void badPair(@SampleShape(input = {"B", "3x"}, target = {}) Sample s) {}

  void sampleParts() {
    Sample s = new Sample(Torch.zeros(3, 4), Torch.zeros(3));
    // :: error: (shape.assignment) found [3, 4], required [4, 3]
    @Shape({"4", "3"}) Tensor x = s.input();
    // :: error: (shape.assignment) target: found [3], required [4]
    @SampleShape(input = {"3", "4"}, target = {"4"}) Sample t = s;
  }
}
