package dev.shapetorch.samples.backprop;

import dev.shapetorch.backprop.BVars;
import dev.shapetorch.backprop.ValueGrad;
import dev.shapetorch.backprop.ops.TensorGradients;
import dev.shapetorch.backprop.ops.TensorVars;
import dev.shapetorch.data.DataLoader;
import dev.shapetorch.data.LoaderOptions;
import dev.shapetorch.data.TensorDataset;
import dev.shapetorch.monitor.progress.TrainingProgress;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.Shapes;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.TensorScope;
import dev.shapetorch.tensor.Threads;
import dev.shapetorch.tensor.Torch;
import dev.shapetorch.vision.datasets.FashionMNIST;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Trains the {@link BackpropMlp} classifier on Fashion-MNIST purely through backprop: the
 * parameters are a record ({@link MlpParams}), each step is one {@code BVars.backprop} of the
 * loss (the gradient comes back as an {@code MlpParams}), and plain SGD updates the tensors in
 * place. libtorch's autograd never runs: no tensor requires a gradient. Prints one line per
 * epoch (a live bar on a terminal) with the mean training loss and the test loss and accuracy.
 *
 * <pre>
 * mvn -q -B -pl samples -am compile exec:exec \
 *     -Dsample.main=dev.shapetorch.samples.backprop.BackpropMlpTrainer
 * mvn -q -B -pl samples -am compile exec:exec \
 *     -Dsample.main=dev.shapetorch.samples.backprop.BackpropMlpTrainer -Dsample.args="--help"
 * </pre>
 */
public final class BackpropMlpTrainer {

  private BackpropMlpTrainer() {}

  /**
   * The settings of a run.
   *
   * @param epochs passes over the training set
   * @param batchSize training batch size
   * @param lr SGD's learning rate
   * @param hidden the width of the hidden layer
   * @param seed the seed of initialisation and shuffling
   * @param limit train and test on the first {@code limit} images of each split only (0: all)
   * @param threads libtorch threads
   * @param data the directory holding the Fashion-MNIST files, or null to find them
   */
  public record Options(int epochs, int batchSize, double lr, int hidden, long seed, int limit,
      int threads, Path data) {

    /** Checks the settings, naming the flag of a bad one. */
    public Options {
      check(epochs >= 1, "--epochs " + epochs + " must be 1 or more");
      check(batchSize >= 1, "--batch-size " + batchSize + " must be 1 or more");
      check(lr > 0, "--lr " + lr + " must be positive");
      check(hidden >= 1, "--hidden " + hidden + " must be 1 or more");
      check(limit >= 0, "--limit " + limit + " must be 0 (all images) or more");
      check(threads >= 1, "--threads " + threads + " must be 1 or more");
    }

    private static void check(boolean ok, String problem) {
      if (!ok) {
        throw new IllegalArgumentException("BackpropMlpTrainer: " + problem);
      }
    }
  }

  /**
   * What a run achieved.
   *
   * @param epochLosses each epoch's mean training loss
   * @param stepLosses every step's training loss, in order
   * @param testLoss the test set's mean loss after the last epoch
   * @param testAccuracy the fraction of test images classified right after the last epoch
   */
  public record Result(double[] epochLosses, double[] stepLosses, double testLoss,
      double testAccuracy) {}

  /** Parses the flags ({@link BackpropMlpCommand}), trains, and prints the progress. */
  public static void main(String[] args) {
    int code = BackpropMlpCommand.commandLine().execute(args);
    if (code != 0) {
      System.exit(code);
    }
  }

  /** Trains as {@code o} says, printing one line per epoch; returns the figures. */
  public static Result train(Options o) {
    long start = System.nanoTime();
    Threads.setNumThreads(o.threads());
    Torch.manualSeed(o.seed());
    FashionMNIST trainSet = o.data() == null ? FashionMNIST.train(null)
        : new FashionMNIST(o.data(), true, null);
    FashionMNIST testSet = o.data() == null ? FashionMNIST.test(null)
        : new FashionMNIST(o.data(), false, null);
    TensorDataset train = flattened(trainSet, o.limit());
    TensorDataset test = flattened(testSet, o.limit());
    MlpParams params = MlpParams.init(o.hidden());
    List<Tensor> tensors = params.tensors();
    var loader = DataLoader.of(train, LoaderOptions.batchSize(o.batchSize())
        .withShuffle(true).withSeed(o.seed()));
    System.out.printf(Locale.ROOT,
        "Fashion-MNIST: %d training, %d test images; MLP 784-%d-10 (%,d parameters), SGD lr %s,"
            + " batch %d, %d epochs, seed %d%n",
        train.size(), test.size(), o.hidden(), params.count(), o.lr(), o.batchSize(),
        o.epochs(), o.seed());
    double[] epochLosses = new double[o.epochs()];
    double[] stepLosses = new double[o.epochs() * ((train.size() + o.batchSize() - 1)
        / o.batchSize())];
    int steps = 0;
    double[] evaluation = null;
    for (int epoch = 0; epoch < o.epochs(); epoch++) {
      long t0 = System.nanoTime();
      String task = String.format(Locale.ROOT, "epoch %d/%d", epoch + 1, o.epochs());
      try (TrainingProgress progress = TrainingProgress.start(task, train.size())) {
        for (List<Tensor> batch : loader) {
          try (TensorScope step = TensorScope.open()) {
            @Shape({"B", "784"}) Tensor x = Shapes.require(batch.get(0), "B", 784);
            @Shape({"B"}) Tensor y = Shapes.require(batch.get(1), "B");
            ValueGrad<Tensor, MlpParams> r = BVars.backprop(
                p -> BackpropMlp.loss(p, x, y), params, MlpParamsBackprop.INSTANCE);
            TensorGradients.sgdStep(tensors, r.gradient().tensors(), o.lr());
            double loss = r.value().item();
            stepLosses[steps++] = loss;
            progress.update(y.size(0), loss);
          }
        }
        evaluation = evaluate(params, test);
        epochLosses[epoch] = progress.meanLoss();
        progress.setPostfix(String.format(Locale.ROOT,
            "test loss %.4f  test accuracy %.2f%%  time %.1f s", evaluation[0],
            100 * evaluation[1], (System.nanoTime() - t0) / 1e9));
      }
    }
    System.out.printf(Locale.ROOT, "final test accuracy %.2f%% after %d epochs, %.1f s in all%n",
        100 * evaluation[1], o.epochs(), (System.nanoTime() - start) / 1e9);
    return new Result(epochLosses, java.util.Arrays.copyOf(stepLosses, steps), evaluation[0],
        evaluation[1]);
  }

  /**
   * The test set's mean loss and accuracy, from {@code BVars.evalBP}: the forward pass alone,
   * without a backward sweep.
   */
  static double[] evaluate(MlpParams params, TensorDataset test) {
    try (TensorScope scope = TensorScope.open()) {
      @Shape({"N", "784"}) Tensor x = Shapes.require(test.tensors().get(0), "N", 784);
      @Shape({"N"}) Tensor y = Shapes.require(test.tensors().get(1), "N");
      @Shape({"N", "10"}) Tensor logits = Shapes.require(BVars.<MlpParams, Tensor>evalBP(
          p -> BackpropMlp.logits(p, TensorVars.constant(x)), params), "N", 10);
      double loss = BVars.<MlpParams, Tensor>evalBP(p -> BackpropMlp.loss(p, x, y), params)
          .item();
      double accuracy = logits.argmax(1).eq(y).to(DType.FLOAT64).mean().item();
      return new double[] {loss, accuracy};
    }
  }

  /**
   * A split's images as float32 {@code [N, 784]} pixels in {@code [0, 1]}, beside its int64
   * labels {@code [N]}; only the first {@code limit} when {@code limit > 0}.
   */
  static TensorDataset flattened(FashionMNIST split, int limit) {
    try (TensorScope scope = TensorScope.open()) {
      Tensor images = split.images();
      Tensor labels = split.labels();
      if (limit > 0 && limit < images.size(0)) {
        images = images.narrow(0, 0, limit);
        labels = labels.narrow(0, 0, limit);
      }
      long n = images.size(0);
      // the dataset retains its tensors: they outlive this scope
      return new TensorDataset(images.to(DType.FLOAT32).div(255.0).reshape(n, 784), labels);
    }
  }
}
