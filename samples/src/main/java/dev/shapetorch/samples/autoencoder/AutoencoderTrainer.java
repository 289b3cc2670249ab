package dev.shapetorch.samples.autoencoder;

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
import dev.shapetorch.vision.utils.GridOptions;
import dev.shapetorch.vision.utils.VisionUtils;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Trains a {@link ConvAutoencoder} on Fashion-MNIST with Adam and binary cross-entropy between
 * the reconstruction and the image, showing each epoch's progress (a live bar on a terminal, one
 * line per epoch in a log). It writes, into its output directory, {@code reconstructions.png}
 * (the first test image of each class above its reconstruction, redrawn after every epoch),
 * {@code curves.png} (training and test loss per epoch) and TensorBoard logs (the losses and the
 * reconstructions per epoch).
 *
 * <pre>
 * mvn -q -B -pl samples -am compile exec:exec \
 *     -Dsample.main=dev.shapetorch.samples.autoencoder.AutoencoderTrainer
 * mvn -q -B -pl samples -am compile exec:exec \
 *     -Dsample.main=dev.shapetorch.samples.autoencoder.AutoencoderTrainer -Dsample.args="--help"
 * </pre>
 */
public final class AutoencoderTrainer {

  /** The files a run leaves in its output directory, besides the TensorBoard event file. */
  public static final List<String> PICTURES = List.of("reconstructions.png", "curves.png");

  /** How many times the pictures enlarge each image (nearest neighbour). */
  static final double SCALE = 3;

  private AutoencoderTrainer() {}

  /**
   * The settings of a run.
   *
   * @param epochs passes over the training set
   * @param batchSize training batch size
   * @param lr Adam's learning rate
   * @param seed the seed of initialisation and shuffling
   * @param limit train and test on the first {@code limit} images of each split only (0: all;
   *     else at least 10)
   * @param threads libtorch threads
   * @param data the directory holding the Fashion-MNIST files, or null to find them
   * @param out where to write the pictures and the TensorBoard logs
   */
  public record Options(int epochs, int batchSize, double lr, long seed, int limit, int threads,
      Path data, Path out) {

    /** Checks the settings, naming the flag of a bad one. */
    public Options {
      check(epochs >= 1, "--epochs " + epochs + " must be 1 or more");
      check(batchSize >= 1, "--batch-size " + batchSize + " must be 1 or more");
      check(lr > 0, "--lr " + lr + " must be positive");
      check(limit == 0 || limit >= 10,
          "--limit " + limit + " must be 0 (all images) or at least 10 (the pictures show 10)");
      check(threads >= 1, "--threads " + threads + " must be 1 or more");
      check(out != null, "--out must name a directory");
    }

    private static void check(boolean ok, String problem) {
      if (!ok) {
        throw new IllegalArgumentException("AutoencoderTrainer: " + problem);
      }
    }
  }

  /**
   * What a run achieved.
   *
   * @param epochLosses each epoch's mean training loss
   * @param stepLosses every step's training loss, in order
   * @param testLosses each epoch's mean test loss
   * @param out the directory written
   */
  public record Result(double[] epochLosses, double[] stepLosses, double[] testLosses,
      Path out) {}

  /** Parses the flags ({@link AutoencoderCommand}), trains, and prints the progress. */
  public static void main(String[] args) {
    int code = AutoencoderCommand.commandLine().execute(args);
    if (code != 0) {
      System.exit(code);
    }
  }

  /** Trains as {@code o} says, printing one line per epoch and writing the pictures. */
  public static Result train(Options o) {
    long start = System.nanoTime();
    Threads.setNumThreads(o.threads());
    Torch.manualSeed(o.seed());
    FashionMNIST trainSet = o.data() == null ? FashionMNIST.train(null)
        : new FashionMNIST(o.data(), true, null);
    FashionMNIST testSet = o.data() == null ? FashionMNIST.test(null)
        : new FashionMNIST(o.data(), false, null);
    TensorDataset train = pixels(trainSet, o.limit());
    TensorDataset test = pixels(testSet, o.limit());
    @Shape({"10", "1", "28", "28"}) Tensor shown = Shapes.require(
        onePerClass(test.tensors().get(0), test.tensors().get(1)), 10, 1, 28, 28);
    ConvAutoencoder model = ConvAutoencoder.create();
    Adam adam = new Adam(model.parameters(), AdamOptions.lr(o.lr()));
    var loader = DataLoader.of(train, LoaderOptions.batchSize(o.batchSize())
        .withShuffle(true).withSeed(o.seed()));
    var testLoader = DataLoader.of(test, LoaderOptions.batchSize(o.batchSize()));
    System.out.printf(Locale.ROOT,
        "Fashion-MNIST: %d training, %d test images; ConvAutoencoder (code %d, %,d parameters),"
            + " Adam lr %s, batch %d, %d epochs, seed %d%n",
        train.size(), test.size(), ConvAutoencoder.CODE, parameterCount(model), o.lr(),
        o.batchSize(), o.epochs(), o.seed());
    System.out.println("output: " + o.out() + " (tensorboard --logdir " + o.out() + ")");
    TrainingCurves curves = new TrainingCurves("Fashion-MNIST autoencoder");
    double[] epochLosses = new double[o.epochs()];
    double[] testLosses = new double[o.epochs()];
    double[] stepLosses = new double[o.epochs() * ((train.size() + o.batchSize() - 1)
        / o.batchSize())];
    int steps = 0;
    try (SummaryWriter writer = new SummaryWriter(o.out())) {
      writer.addImages("test images", shown, 0);
      for (int epoch = 0; epoch < o.epochs(); epoch++) {
        long t0 = System.nanoTime();
        model.train();
        String task = String.format(Locale.ROOT, "epoch %d/%d", epoch + 1, o.epochs());
        try (TrainingProgress progress = TrainingProgress.start(task, train.size())) {
          for (List<Tensor> batch : loader) {
            @Shape({"B", "1", "28", "28"}) Tensor x = Shapes.require(batch.get(0), "B", 1, 28, 28);
            @Shape({"B", "1", "28", "28"}) Tensor logits = model.forward(x);
            Tensor loss = F.binaryCrossEntropyWithLogits(logits, x);
            adam.zeroGrad();
            loss.backward();
            adam.step();
            double value = loss.item();
            stepLosses[steps++] = value;
            progress.update(x.size(0), value);
          }
          epochLosses[epoch] = progress.meanLoss();
          testLosses[epoch] = evaluate(model, testLoader);
          progress.setPostfix(String.format(Locale.ROOT, "test loss %.4f  time %.1f s",
              testLosses[epoch], (System.nanoTime() - t0) / 1e9));
        }
        writer.addScalar("loss/train", epochLosses[epoch], epoch + 1);
        writer.addScalar("loss/test", testLosses[epoch], epoch + 1);
        saveReconstructions(model, shown, o.out().resolve(PICTURES.get(0)), writer, epoch + 1);
        writer.flush();
        curves.addEpoch(epochLosses[epoch], testLosses[epoch], Double.NaN, Double.NaN);
        curves.savePng(o.out().resolve(PICTURES.get(1)));
      }
    }
    System.out.printf(Locale.ROOT, "final test loss %.4f after %d epochs, %.1f s in all%n",
        testLosses[o.epochs() - 1], o.epochs(), (System.nanoTime() - start) / 1e9);
    System.out.println("wrote " + o.out() + ": TensorBoard logs, " + String.join(", ", PICTURES));
    return new Result(epochLosses, Arrays.copyOf(stepLosses, steps), testLosses, o.out());
  }

  /** The test set's mean binary cross-entropy per pixel. */
  static double evaluate(ConvAutoencoder model, DataLoader<List<Tensor>> loader) {
    model.eval();
    double sum = 0;
    long n = 0;
    try (NoGradScope ng = Torch.noGrad()) {
      for (List<Tensor> batch : loader) {
        try (TensorScope scope = TensorScope.open()) {
          @Shape({"B", "1", "28", "28"}) Tensor x = Shapes.require(batch.get(0), "B", 1, 28, 28);
          sum += F.binaryCrossEntropyWithLogits(model.forward(x), x).item() * x.size(0);
          n += x.size(0);
        }
      }
    }
    return sum / n;
  }

  /**
   * Writes {@code images} (top row) above their reconstructions (bottom row) as a PNG, each
   * enlarged {@link #SCALE} times and 4 white pixels apart, and adds the same grid to the
   * TensorBoard log.
   */
  static void saveReconstructions(ConvAutoencoder model,
      @Shape({"N", "1", "28", "28"}) Tensor images, Path file, SummaryWriter writer, long step) {
    model.eval();
    try (TensorScope scope = TensorScope.open(); NoGradScope ng = Torch.noGrad()) {
      @Shape({"N", "1", "28", "28"}) Tensor reconstructed = model.reconstruct(images);
      // enlarged 3 times (each pixel a 3x3 square) so that a 28-pixel garment can be looked at
      Tensor both = F.interpolate(Torch.cat(List.of(images, reconstructed), 0), SCALE,
          InterpolationMode.NEAREST, false);
      GridOptions grid = GridOptions.defaults().withNrow((int) images.size(0)).withPadding(4)
          .withPadValue(1);
      VisionUtils.saveImage(both, file, grid);
      writer.addImage("reconstructions", VisionUtils.makeGrid(both, grid), step);
    }
  }

  /**
   * The first image of each of the 10 classes, in class order; where a class is missing (a small
   * {@code --limit}), the first images instead.
   */
  static Tensor onePerClass(Tensor images, Tensor labels) {
    long[] y = labels.toLongArray();
    long[] picked = new long[10];
    Arrays.fill(picked, -1);
    for (int i = 0; i < y.length; i++) {
      if (y[i] >= 0 && y[i] < 10 && picked[(int) y[i]] < 0) {
        picked[(int) y[i]] = i;
      }
    }
    for (int c = 0; c < 10; c++) {
      if (picked[c] < 0) {
        picked = new long[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        break;
      }
    }
    return images.indexSelect(0, Torch.tensor(picked));
  }

  /**
   * A split's images as float32 {@code [N, 1, 28, 28]} pixels in {@code [0, 1]}, beside its
   * labels; only the first {@code limit} when {@code limit > 0}.
   */
  static TensorDataset pixels(FashionMNIST split, int limit) {
    try (TensorScope scope = TensorScope.open()) {
      Tensor images = split.images();
      Tensor labels = split.labels();
      if (limit > 0 && limit < images.size(0)) {
        images = images.narrow(0, 0, limit);
        labels = labels.narrow(0, 0, limit);
      }
      // the dataset retains its tensors: they outlive this scope
      return new TensorDataset(images.to(DType.FLOAT32).div(255.0), labels);
    }
  }

  private static long parameterCount(ConvAutoencoder model) {
    long n = 0;
    for (var p : model.parameters()) {
      n += p.get().numel();
    }
    return n;
  }
}
