package dev.shapetorch.samples;

import dev.shapetorch.data.DataLoader;
import dev.shapetorch.data.LoaderOptions;
import dev.shapetorch.data.TensorDataset;
import dev.shapetorch.nn.UnaryModule;
import dev.shapetorch.nn.functional.F;
import dev.shapetorch.optim.Adam;
import dev.shapetorch.optim.AdamOptions;
import dev.shapetorch.optim.lr.CosineAnnealingLR;
import dev.shapetorch.serialize.Checkpoints;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.NoGradScope;
import dev.shapetorch.tensor.Shapes;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.TensorScope;
import dev.shapetorch.tensor.Threads;
import dev.shapetorch.tensor.Torch;
import dev.shapetorch.vision.datasets.FashionMNIST;
import dev.shapetorch.vision.models.LeNet5;
import dev.shapetorch.vision.transforms.Compose;
import dev.shapetorch.vision.transforms.Normalize;
import dev.shapetorch.vision.transforms.ToTensor;
import dev.shapetorch.vision.transforms.Transform;
import java.util.List;
import java.util.Locale;

/**
 * Trains a typed model on Fashion-MNIST with Adam and prints, per epoch, the mean training loss,
 * the test accuracy and the time: ShapeTorch's end-to-end example.
 *
 * <p>Models: {@code cnn} (default: {@link FashionCnn}, two convolutions with batch norm, Adam
 * 2e-3 with cosine annealing, batch 128, 6 epochs: above 91% test accuracy), {@code lenet}
 * (PyTorch's recipe: {@link LeNet5}, Adam 1e-3, batch 64, normalised inputs) and {@code mlp}
 * ({@link Mlp} 784-256-128-10). {@code --help} lists the flags
 * ({@link TrainerOptions#usage()}).
 *
 * <pre>
 * mvn -q -B -pl samples -am compile exec:exec
 * mvn -q -B -pl samples -am compile exec:exec -Dsample.args="--model lenet --epochs 5"
 * mvn -q -B -pl samples -am compile exec:exec -Dsample.args="--help"
 * </pre>
 */
public final class FashionMnistTrainer {

  /** Fashion-MNIST's training-set pixel mean and standard deviation. */
  static final double MEAN = 0.2860;

  static final double STD = 0.3530;

  private FashionMnistTrainer() {}

  /**
   * Parses the flags with picocli, trains, and prints the progress. {@code --help} prints the
   * usage and exits 0; an unknown flag or a bad value prints the problem and the usage and exits
   * 2.
   */
  public static void main(String[] args) {
    int code = TrainerCommand.commandLine(new TrainerCommand()).execute(args);
    if (code != 0) {
      System.exit(code);
    }
  }

  /** What a training run achieved. */
  public record Result(double testAccuracy, double lastLoss, double[] epochSeconds) {}

  /** Trains as {@code o} says, printing one line per epoch; returns the final figures. */
  public static Result train(TrainerOptions o) {
    long start = System.nanoTime();
    Threads.setNumThreads(o.threads());
    Torch.manualSeed(o.seed());
    Transform normalise = Compose.of(new ToTensor(),
        new Normalize(new double[] {MEAN}, new double[] {STD}));
    FashionMNIST trainSet = o.data() == null ? FashionMNIST.train(null)
        : new FashionMNIST(o.data(), true, null);
    FashionMNIST testSet = o.data() == null ? FashionMNIST.test(null)
        : new FashionMNIST(o.data(), false, null);
    // the transforms are deterministic, so they run once over each split (as PyTorch's recipe
    // normalises the whole tensor up front) instead of once per batch per epoch
    TensorDataset train = normalised(trainSet, normalise);
    TensorDataset test = normalised(testSet, normalise);
    UnaryModule model = switch (o.model()) {
      case "lenet" -> LeNet5.create(10);
      case "mlp" -> Mlp.create(o.hidden());
      default -> FashionCnn.create();
    };
    // channels-last weights make every convolution, pooling and batch norm after them run in
    // NHWC, oneDNN's native layout (LeNet-5 epochs ~13% faster here); values do not change
    model.to(o.memoryFormat());
    Adam adam = new Adam(model.parameters(), AdamOptions.lr(o.lr()).withFused(true));
    CosineAnnealingLR schedule = o.cosine() ? new CosineAnnealingLR(adam, o.epochs()) : null;
    var trainLoader = DataLoader.of(train, LoaderOptions.batchSize(o.batchSize())
        .withShuffle(true).withSeed(o.seed()).withNumWorkers(o.workers()));
    // evaluation in training-sized batches: oneDNN's kernels are already prepared for that shape,
    // and batches of 1000 were measured several times slower per image here
    var testLoader = DataLoader.of(test, LoaderOptions.batchSize(o.batchSize()));
    System.out.printf(Locale.ROOT, "Fashion-MNIST: %d training, %d test images; %s%n",
        train.size(), test.size(), o);
    System.out.printf(Locale.ROOT, "%s with %,d parameters (loaded in %.1f s)%n",
        model.getClass().getSimpleName(), parameterCount(model),
        (System.nanoTime() - start) / 1e9);
    double[] seconds = new double[o.epochs()];
    double accuracy = 0;
    double meanLoss = 0;
    for (int epoch = 0; epoch < o.epochs(); epoch++) {
      long t0 = System.nanoTime();
      model.train();
      double lossSum = 0;
      long seen = 0;
      for (List<Tensor> batch : trainLoader) {
        @Shape({"B", "1", "28", "28"}) Tensor x = Shapes.require(batch.get(0), "B", 1, 28, 28);
        @Shape({"B"}) Tensor y = Shapes.require(batch.get(1), "B");
        Tensor loss = F.crossEntropy(model.forward(x), y);
        adam.zeroGrad();
        loss.backward();
        adam.step();
        long n = y.size(0);
        lossSum += loss.item() * n;
        seen += n;
      }
      if (schedule != null) {
        schedule.step();
      }
      long t1 = System.nanoTime();
      accuracy = evaluate(model, testLoader);
      long t2 = System.nanoTime();
      meanLoss = lossSum / seen;
      seconds[epoch] = (t1 - t0) / 1e9;
      System.out.printf(Locale.ROOT,
          "epoch %d/%d  loss %.4f  test accuracy %.2f%%  time %.1f s (train %.2f s, test %.1f s)"
              + "  RSS %s%n",
          epoch + 1, o.epochs(), meanLoss, 100 * accuracy, (t2 - t0) / 1e9, seconds[epoch],
          (t2 - t1) / 1e9, residentSetSize());
    }
    System.out.printf(Locale.ROOT, "final test accuracy %.2f%% after %d epochs, %.1f s in all%n",
        100 * accuracy, o.epochs(), (System.nanoTime() - start) / 1e9);
    if (o.save() != null) {
      Checkpoints.save(model, o.save());
      System.out.println("saved the weights to " + o.save());
    }
    return new Result(accuracy, meanLoss, seconds);
  }

  /**
   * A split's images, transformed once (float32 {@code [N, 1, 28, 28]}), beside its labels
   * (int64 {@code [N]}).
   */
  static TensorDataset normalised(FashionMNIST split, Transform transform) {
    try (TensorScope scope = TensorScope.open()) {
      return new TensorDataset(transform.apply(split.images()), split.labels());
    }
  }

  /** The fraction of test images whose highest score is the right class. */
  static double evaluate(UnaryModule model, DataLoader<List<Tensor>> loader) {
    model.eval();
    long correct = 0;
    long total = 0;
    try (NoGradScope ng = Torch.noGrad()) {
      for (List<Tensor> batch : loader) {
        @Shape({"B", "10"}) Tensor logits = Shapes.require(model.forward(batch.get(0)), "B", 10);
        correct += logits.argmax(1).eq(batch.get(1)).sum().itemLong();
        total += batch.get(1).numel();
      }
    }
    return (double) correct / total;
  }

  /** The process's resident memory from /proc (Linux), e.g. {@code 1214 MB}, or {@code n/a}. */
  static String residentSetSize() {
    try {
      for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
          return (kb / 1024) + " MB";
        }
      }
    } catch (java.io.IOException | RuntimeException e) {
      // not Linux: the figure is optional
    }
    return "n/a";
  }

  private static long parameterCount(UnaryModule model) {
    long n = 0;
    for (var p : model.parameters()) {
      n += p.get().numel();
    }
    return n;
  }
}
