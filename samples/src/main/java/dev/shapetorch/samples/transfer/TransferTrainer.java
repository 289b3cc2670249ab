package dev.shapetorch.samples.transfer;

import dev.shapetorch.data.DataLoader;
import dev.shapetorch.data.LoaderOptions;
import dev.shapetorch.data.TensorDataset;
import dev.shapetorch.monitor.plot.TrainingCurves;
import dev.shapetorch.monitor.progress.TrainingProgress;
import dev.shapetorch.monitor.tensorboard.SummaryWriter;
import dev.shapetorch.nn.functional.F;
import dev.shapetorch.nn.functional.InterpolationMode;
import dev.shapetorch.optim.Adam;
import dev.shapetorch.optim.AdamOptions;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.NoGradScope;
import dev.shapetorch.tensor.Shapes;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.TensorScope;
import dev.shapetorch.tensor.Threads;
import dev.shapetorch.tensor.Torch;
import dev.shapetorch.vision.datasets.FashionMNIST;
import dev.shapetorch.vision.models.ResNet;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Transfer learning: loads a torchvision-named ResNet-18 from a weights file ({@code --weights},
 * the names and shapes of {@code torchvision.models.resnet18().state_dict()}, 1000 classes),
 * replaces its head {@code fc} by a fresh {@code Linear(512, 10)}, freezes the rest and trains
 * the head alone with Adam and cross-entropy on Fashion-MNIST. Each grey 28x28 image is resized
 * (bilinear) to {@code --size} pixels a side and repeated over the 3 input channels. The whole
 * network stays in eval mode: the frozen batch norms use the loaded running statistics and do not
 * update them, and the head (a linear layer) behaves the same in both modes. It shows each
 * epoch's progress (a live bar on a terminal, one line per epoch in a log) and writes {@code
 * curves.png} (loss and accuracy per epoch, training and test) and TensorBoard logs.
 *
 * <pre>
 * mvn -q -B -pl samples -am compile exec:exec \
 *     -Dsample.main=dev.shapetorch.samples.transfer.TransferTrainer \
 *     -Dsample.args="--weights resnet18.safetensors"
 * </pre>
 */
public final class TransferTrainer {

  /** The files a run leaves in its output directory, besides the TensorBoard event file. */
  public static final List<String> PICTURES = List.of("curves.png");

  /** Fashion-MNIST's classes: the new head's outputs. */
  static final int CLASSES = 10;

  /** Fashion-MNIST's pixel mean and standard deviation (pixels in [0, 1]), for normalising. */
  static final double MEAN = 0.2860;

  static final double STD = 0.3530;

  private TransferTrainer() {}

  /**
   * The settings of a run.
   *
   * @param weights the ResNet-18 weights file
   * @param epochs passes over the training set
   * @param batchSize training batch size
   * @param lr Adam's learning rate (the head's)
   * @param size the side the images are resized to (at least 32: ResNet-18 halves it 5 times)
   * @param seed the seed of the head's initialisation and of shuffling
   * @param limit train and test on the first {@code limit} images of each split only (0: all)
   * @param threads libtorch threads
   * @param data the directory holding the Fashion-MNIST files, or null to find them
   * @param out where to write the curves and the TensorBoard logs
   */
  public record Options(Path weights, int epochs, int batchSize, double lr, int size, long seed,
      int limit, int threads, Path data, Path out) {

    /** Checks the settings, naming the flag of a bad one. */
    public Options {
      check(weights != null, "--weights must name a ResNet-18 weights file");
      check(epochs >= 1, "--epochs " + epochs + " must be 1 or more");
      check(batchSize >= 1, "--batch-size " + batchSize + " must be 1 or more");
      check(lr > 0, "--lr " + lr + " must be positive");
      check(size >= 32, "--size " + size
          + " must be at least 32 (ResNet-18 halves the image 5 times)");
      check(limit >= 0, "--limit " + limit + " must be 0 (all images) or more");
      check(threads >= 1, "--threads " + threads + " must be 1 or more");
      check(out != null, "--out must name a directory");
    }

    private static void check(boolean ok, String problem) {
      if (!ok) {
        throw new IllegalArgumentException("TransferTrainer: " + problem);
      }
    }
  }

  /**
   * What a run achieved.
   *
   * @param stepLosses every step's training loss, in order
   * @param epochLosses each epoch's mean training loss
   * @param testLosses each epoch's mean test loss
   * @param testAccuracies each epoch's test accuracy, in [0, 1]
   * @param model the fine-tuned network (the loaded backbone and the trained head)
   * @param initialHeadWeight a copy of the head's weight before training
   * @param out the directory written
   */
  public record Result(double[] stepLosses, double[] epochLosses, double[] testLosses,
      double[] testAccuracies, ResNet model, Tensor initialHeadWeight, Path out) {}

  /** Parses the flags ({@link TransferCommand}), fine-tunes, and prints the progress. */
  public static void main(String[] args) {
    int code = TransferCommand.commandLine().execute(args);
    if (code != 0) {
      System.exit(code);
    }
  }

  /** Fine-tunes as {@code o} says, printing one line per epoch and writing the curves. */
  public static Result train(Options o) {
    long start = System.nanoTime();
    Threads.setNumThreads(o.threads());
    @Shape({"1000"}) ResNet pretrained = Backbone.loadResNet18(o.weights());
    Torch.manualSeed(o.seed());
    @Shape({"10"}) ResNet model = Backbone.withNewHead(pretrained, CLASSES);
    model.eval();
    Tensor initialHead = model.fc().weight().get().detach().clone();
    FashionMNIST trainSet = o.data() == null ? FashionMNIST.train(null)
        : new FashionMNIST(o.data(), true, null);
    FashionMNIST testSet = o.data() == null ? FashionMNIST.test(null)
        : new FashionMNIST(o.data(), false, null);
    TensorDataset train = resized(trainSet, o.size(), o.limit());
    TensorDataset test = resized(testSet, o.size(), o.limit());
    Adam adam = new Adam(model.fc().parameters(), AdamOptions.lr(o.lr()));
    var loader = DataLoader.of(train, LoaderOptions.batchSize(o.batchSize())
        .withShuffle(true).withSeed(o.seed()));
    var testLoader = DataLoader.of(test, LoaderOptions.batchSize(o.batchSize()));
    System.out.printf(Locale.ROOT,
        "Fashion-MNIST: %d training, %d test images at %dx%d; ResNet-18 from %s, new head"
            + " 512 -> %d (%,d trainable of %,d parameters), Adam lr %s, batch %d, %d epochs,"
            + " seed %d%n",
        train.size(), test.size(), o.size(), o.size(), o.weights(), CLASSES,
        count(model.fc().parameters()), count(model.parameters()), o.lr(), o.batchSize(),
        o.epochs(), o.seed());
    System.out.println("output: " + o.out() + " (tensorboard --logdir " + o.out() + ")");
    TrainingCurves curves = new TrainingCurves("Fashion-MNIST, ResNet-18 with a new head");
    double[] epochLosses = new double[o.epochs()];
    double[] testLosses = new double[o.epochs()];
    double[] testAccuracies = new double[o.epochs()];
    double[] stepLosses = new double[o.epochs() * ((train.size() + o.batchSize() - 1)
        / o.batchSize())];
    int steps = 0;
    try (SummaryWriter writer = new SummaryWriter(o.out())) {
      for (int epoch = 0; epoch < o.epochs(); epoch++) {
        long t0 = System.nanoTime();
        String task = String.format(Locale.ROOT, "epoch %d/%d", epoch + 1, o.epochs());
        double trainAccuracy;
        try (TrainingProgress progress = TrainingProgress.start(task, train.size())) {
          for (List<Tensor> batch : loader) {
            @Shape({"B", "3", "S", "S"}) Tensor x = rgb(batch.get(0));
            @Shape({"B"}) Tensor y = Shapes.require(batch.get(1), "B");
            @Shape({"B", "10"}) Tensor logits = model.forward(x);
            Tensor loss = F.crossEntropy(logits, y);
            adam.zeroGrad();
            loss.backward();
            adam.step();
            long right;
            try (NoGradScope ng = Torch.noGrad()) {
              right = logits.argmax(1).eq(y).sum().itemLong();
            }
            double value = loss.item();
            stepLosses[steps++] = value;
            progress.update(y.size(0), value, right);
          }
          epochLosses[epoch] = progress.meanLoss();
          trainAccuracy = progress.accuracy();
          double[] eval = evaluate(model, testLoader);
          testLosses[epoch] = eval[0];
          testAccuracies[epoch] = eval[1];
          progress.setPostfix(String.format(Locale.ROOT,
              "test loss %.4f  test accuracy %.2f%%  time %.1f s", testLosses[epoch],
              100 * testAccuracies[epoch], (System.nanoTime() - t0) / 1e9));
        }
        writer.addScalar("loss/train", epochLosses[epoch], epoch + 1);
        writer.addScalar("loss/test", testLosses[epoch], epoch + 1);
        writer.addScalar("accuracy/train", trainAccuracy, epoch + 1);
        writer.addScalar("accuracy/test", testAccuracies[epoch], epoch + 1);
        writer.flush();
        curves.addEpoch(epochLosses[epoch], testLosses[epoch], trainAccuracy,
            testAccuracies[epoch]);
        curves.savePng(o.out().resolve(PICTURES.get(0)));
      }
    }
    System.out.printf(Locale.ROOT,
        "final test accuracy %.2f%% (loss %.4f) after %d epochs, %.1f s in all%n",
        100 * testAccuracies[o.epochs() - 1], testLosses[o.epochs() - 1], o.epochs(),
        (System.nanoTime() - start) / 1e9);
    System.out.println("wrote " + o.out() + ": TensorBoard logs, " + String.join(", ", PICTURES));
    return new Result(Arrays.copyOf(stepLosses, steps), epochLosses, testLosses, testAccuracies,
        model, initialHead, o.out());
  }

  /** The test set's mean cross-entropy and accuracy, in eval mode and without gradients. */
  static double[] evaluate(@Shape({"10"}) ResNet model, DataLoader<List<Tensor>> loader) {
    double sum = 0;
    long right = 0;
    long n = 0;
    try (NoGradScope ng = Torch.noGrad()) {
      for (List<Tensor> batch : loader) {
        try (TensorScope scope = TensorScope.open()) {
          @Shape({"B", "3", "S", "S"}) Tensor x = rgb(batch.get(0));
          @Shape({"B"}) Tensor y = Shapes.require(batch.get(1), "B");
          @Shape({"B", "10"}) Tensor logits = model.forward(x);
          sum += F.crossEntropy(logits, y).item() * y.size(0);
          right += logits.argmax(1).eq(y).sum().itemLong();
          n += y.size(0);
        }
      }
    }
    return new double[] {sum / n, (double) right / n};
  }

  /**
   * Grey images repeated over the 3 channels a ResNet takes, as torchvision's {@code
   * Grayscale(num_output_channels=3)}.
   *
   * <p>Shape: {@code [B, 1, S, S] -> [B, 3, S, S]}.
   */
  static @Shape({"B", "3", "S", "S"}) Tensor rgb(Tensor grey) {
    @Shape({"B", "1", "S", "S"}) Tensor x = Shapes.require(grey, "B", 1, "S", "S");
    return Shapes.require(x.expand(-1, 3, -1, -1), "B", 3, "S", "S");
  }

  /**
   * A split's images as float32 {@code [N, 1, size, size]}, resized (bilinear) and normalised
   * with Fashion-MNIST's mean and standard deviation, beside its labels; only the first {@code
   * limit} when {@code limit > 0}.
   */
  static TensorDataset resized(FashionMNIST split, int size, int limit) {
    try (TensorScope scope = TensorScope.open()) {
      Tensor images = split.images();
      Tensor labels = split.labels();
      if (limit > 0 && limit < images.size(0)) {
        images = images.narrow(0, 0, limit);
        labels = labels.narrow(0, 0, limit);
      }
      Tensor pixels = images.to(DType.FLOAT32).div(255.0);
      Tensor scaled = F.interpolate(pixels, new long[] {size, size}, InterpolationMode.BILINEAR);
      // the dataset retains its tensors: they outlive this scope
      return new TensorDataset(scaled.sub(MEAN).div(STD), labels);
    }
  }

  private static long count(List<dev.shapetorch.nn.Parameter> parameters) {
    long n = 0;
    for (var p : parameters) {
      n += p.get().numel();
    }
    return n;
  }
}
