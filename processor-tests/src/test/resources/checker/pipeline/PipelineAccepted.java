import dev.shapetorch.data.DataLoader;
import dev.shapetorch.data.LoaderOptions;
import dev.shapetorch.data.Sample;
import dev.shapetorch.data.SampleDataset;
import dev.shapetorch.data.TensorDataset;
import dev.shapetorch.nn.functional.F;
import dev.shapetorch.nn.linear.Linear;
import dev.shapetorch.shapes.SampleShape;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import dev.shapetorch.vision.datasets.CIFAR10;
import dev.shapetorch.vision.datasets.MNIST;
import dev.shapetorch.vision.transforms.Grayscale;
import dev.shapetorch.vision.transforms.Resize;
import dev.shapetorch.vision.transforms.Transform;
import java.nio.file.Path;

/** The typed data pipeline: what the checker accepts. */
class PipelineAccepted {
  final Linear model = new Linear(784, 10);

  void exactly64(@Shape({"64", "784"}) Tensor x, @Shape({"64"}) Tensor y) {}

  void anyBatch(@Shape({"B", "784"}) Tensor x, @Shape({"B"}) Tensor y) {}

  void step(@SampleShape(input = {"B", "784"}, target = {"B"}) Sample batch) {}

  void cifarStep(@Shape({"B", "3", "32", "32"}) Tensor images) {}

  void mnistStep(@Shape({"B", "1", "28", "28"}) Tensor images, @Shape({"B"}) Tensor labels) {}

  void dropLastGivesExactBatches() {
    var data = TensorDataset.of(Torch.randn(1000, 784), Torch.zeros(1000));
    var loader = DataLoader.of(data, LoaderOptions.batchSize(64).withDropLast(true));
    for (Sample b : loader) {
      exactly64(b.input(), b.target());
      anyBatch(b.input(), b.target());
      step(b);
    }
  }

  void anyBatchAcceptsShortBatches() {
    SampleDataset data = TensorDataset.of(Torch.randn(1000, 784), Torch.zeros(1000));
    DataLoader<Sample> loader = DataLoader.of(data, LoaderOptions.batchSize(64).withShuffle(true));
    for (Sample b : loader) {
      anyBatch(b.input(), b.target());
      step(b);
      // input and target share the batch size; a model's output keeps it
      Tensor loss = F.crossEntropy(model.forward(b.input()), b.target());
    }
    Sample next = loader.iterator().next();
    anyBatch(next.input(), next.target());
  }

  void optionsCarryTheirBatchSize() {
    @Shape({"64", "0"}) LoaderOptions a = LoaderOptions.batchSize(64);
    @Shape({"64", "1"}) LoaderOptions b = a.withDropLast(true).withNumWorkers(2).withSeed(7);
    @Shape({"32", "1"}) LoaderOptions c = b.withBatchSize(32);
    var data = TensorDataset.of(Torch.randn(100, 784), Torch.zeros(100));
    for (Sample s : DataLoader.of(data, c)) {
      @SampleShape(input = {"32", "784"}, target = {"32"}) Sample exact = s;
    }
    // a batch of at most one example is exactly one
    for (Sample s : DataLoader.of(data, LoaderOptions.batchSize(1))) {
      @Shape({"1", "784"}) Tensor x = s.input();
    }
  }

  void samplesAndItems() {
    Sample s = new Sample(Torch.zeros(3, 4), Torch.zeros(3));
    @Shape({"3", "4"}) Tensor x = s.input();
    @Shape({"3"}) Tensor y = s.target();
    @SampleShape(input = {"5"}, target = {"3"}) Sample t = s.withInput(Torch.zeros(5));
    @SampleShape(input = {"3", "4"}, target = {}) Sample u = s.withTarget(Torch.zeros());
    var data = TensorDataset.of(Torch.randn(100, 3, 8), Torch.zeros(100, 2));
    @SampleShape(input = {"3", "8"}, target = {"2"}) Sample item = data.get(0);
  }

  void datasetsDeclareTheirItems(Path root) {
    for (Sample b : DataLoader.of(new MNIST(root, true, null), LoaderOptions.batchSize(32))) {
      mnistStep(b.input(), b.target());
    }
    for (Sample b : DataLoader.of(new CIFAR10(root, true, null), LoaderOptions.batchSize(32))) {
      cifarStep(b.input());
    }
  }

  // A transform whose class declares its effect applies it to the items: grey 28x28 digits,
  // resized and made three-channel, fit a CIFAR-sized model.
  void transformedItems(Path root) {
    var digits = new MNIST(root, true, new Grayscale(3).andThen(new Resize(32)));
    var resized = new MNIST(root, true, new Resize(32));
    for (Sample b : DataLoader.of(resized, LoaderOptions.batchSize(16).withDropLast(true))) {
      @Shape({"16", "1", "32", "32"}) Tensor x = b.input();
      @Shape({"16"}) Tensor y = b.target();
      cifarStep(new Grayscale(3).apply(x));
    }
    // a Compose declares no effect: its items' input is unknown, the target still known
    for (Sample b : DataLoader.of(digits, LoaderOptions.batchSize(16).withDropLast(true))) {
      @Shape({"16"}) Tensor y = b.target();
      cifarStep(b.input());
    }
  }

  void unknownStaysUnknown(int batchSize, Transform transform, Path root) {
    var data = TensorDataset.of(Torch.randn(1000, 784), Torch.zeros(1000));
    // a batch size the checker does not know: batches of unknown size
    for (Sample b : DataLoader.of(data, LoaderOptions.batchSize(batchSize))) {
      exactly64(b.input(), b.target());
    }
    // a transform: the items' shapes are not known
    for (Sample b : DataLoader.of(new MNIST(root, true, transform), LoaderOptions.batchSize(8))) {
      cifarStep(b.input());
    }
    // a dataset of unknown tensors
    for (Sample b : DataLoader.of(TensorDataset.of(unknown(), unknown()),
        LoaderOptions.batchSize(64))) {
      cifarStep(b.input());
    }
  }

  Tensor unknown() {
    return Torch.zeros(2, 3);
  }
}
