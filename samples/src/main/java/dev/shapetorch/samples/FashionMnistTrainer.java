package dev.shapetorch.samples;

import dev.shapetorch.data.DataLoader;
import dev.shapetorch.data.DistributedSampler;
import dev.shapetorch.data.LoaderOptions;
import dev.shapetorch.distributed.DistributedDataParallel;
import dev.shapetorch.distributed.ProcessGroup;
import dev.shapetorch.data.TensorDataset;
import dev.shapetorch.monitor.plot.ConfusionMatrix;
import dev.shapetorch.monitor.progress.TrainingProgress;
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
import dev.shapetorch.monitor.progress.TrainingProgress.Display;
import dev.shapetorch.tensor.Torch;
import dev.shapetorch.vision.datasets.FashionMNIST;
import dev.shapetorch.vision.models.LeNet5;
import dev.shapetorch.vision.transforms.Compose;
import dev.shapetorch.vision.transforms.Normalize;
import dev.shapetorch.vision.transforms.ToTensor;
import dev.shapetorch.vision.transforms.Transform;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * Trains a typed model on Fashion-MNIST with Adam, showing each epoch's progress (a live bar on a
 * terminal, one line per epoch in a log: mean training loss and accuracy, test loss and
 * accuracy, time) and writing TensorBoard logs and pictures ({@link TrainingLog}: training
 * curves, a confusion matrix, a grid of test images): ShapeTorch's end-to-end example.
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
 * tensorboard --logdir runs
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

  /**
   * What a training run achieved: the final test accuracy, the last epoch's mean training loss,
   * each epoch's mean training loss and training time, and the log directory (null without
   * logs).
   */
  public record Result(double testAccuracy, double lastLoss, double[] epochLosses,
      double[] epochSeconds, java.nio.file.Path logDir) {}

  /** The test set's mean loss and accuracy, and (when asked) its confusion matrix. */
  record Evaluation(double loss, double accuracy, ConfusionMatrix matrix) {}

  /**
   * Trains as {@code o} says, showing each epoch's progress and writing the logs ({@link
   * TrainingLog}) unless {@code o.logs()} is false; returns the final figures.
   */
  public static Result train(TrainerOptions o) {
    if (System.getenv("WORLD_SIZE") == null) {
      return train(o, null);
    }
    // a worker of a data-parallel run (--nproc, or started by the Launcher): join the group
    try (ProcessGroup group = ProcessGroup.initFromEnvironment()) {
      return train(o, group);
    }
  }

  /**
   * Trains as {@link #train(TrainerOptions)} says; with a {@code group}, as one process of a
   * data-parallel run: the model wrapped in {@link DistributedDataParallel}, each process
   * training on its {@link DistributedSampler} share with {@code batchSize / worldSize} images
   * per step (so the steps equal one process's with the whole batch), and only rank 0 printing,
   * evaluating, logging and saving.
   */
  static Result train(TrainerOptions o, ProcessGroup group) {
    long start = System.nanoTime();
    int world = group == null ? 1 : group.worldSize();
    boolean lead = group == null || group.rank() == 0;
    PrintStream out = lead ? System.out : new PrintStream(OutputStream.nullOutputStream());
    if (o.batchSize() % world != 0) {
      throw new IllegalArgumentException("FashionMnistTrainer: --batch-size " + o.batchSize()
          + " is the batch of all " + world + " processes together and must be divisible by"
          + " --nproc " + world + "; use a multiple of " + world);
    }
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
    if (o.limit() < 0) {
      throw new IllegalArgumentException(
          "FashionMnistTrainer: --limit " + o.limit() + " must be 0 (all images) or more");
    }
    TensorDataset train = normalised(trainSet, normalise, o.limit());
    TensorDataset test = normalised(testSet, normalise, o.limit());
    UnaryModule model = switch (o.model()) {
      case "lenet" -> LeNet5.create(10);
      case "mlp" -> Mlp.create(o.hidden());
      default -> FashionCnn.create();
    };
    // channels-last weights make every convolution, pooling and batch norm after them run in
    // NHWC, oneDNN's native layout (LeNet-5 epochs ~13% faster here); values do not change
    model.to(o.memoryFormat());
    // every rank builds the same model; the wrapper copies rank 0's weights to the others and
    // averages the gradients during backward()
    DistributedDataParallel<UnaryModule> ddp =
        group == null ? null : new DistributedDataParallel<>(model, group);
    Adam adam = new Adam(model.parameters(), AdamOptions.lr(o.lr()).withFused(true));
    CosineAnnealingLR schedule = o.cosine() ? new CosineAnnealingLR(adam, o.epochs()) : null;
    DistributedSampler sampler =
        group == null ? null : new DistributedSampler(train, group).withSeed(o.seed());
    var trainLoader = DataLoader.of(train, sampler == null
        ? LoaderOptions.batchSize(o.batchSize()).withShuffle(true).withSeed(o.seed())
            .withNumWorkers(o.workers())
        : LoaderOptions.batchSize(o.batchSize() / world).withSampler(sampler)
            .withNumWorkers(o.workers()));
    long perEpoch = sampler == null ? train.size() : sampler.size();
    // evaluation in training-sized batches: oneDNN's kernels are already prepared for that shape,
    // and batches of 1000 were measured several times slower per image here
    var testLoader = DataLoader.of(test, LoaderOptions.batchSize(o.batchSize()));
    out.printf(Locale.ROOT, "Fashion-MNIST: %d training, %d test images; %s%s%n",
        train.size(), test.size(), o, group == null ? ""
            : String.format(Locale.ROOT, "; data-parallel on %d processes, %d images each per"
                + " step", world, o.batchSize() / world));
    out.printf(Locale.ROOT, "%s with %,d parameters (loaded in %.1f s)%n",
        model.getClass().getSimpleName(), parameterCount(model),
        (System.nanoTime() - start) / 1e9);
    TrainingLog log = o.logs() && lead
        ? new TrainingLog(o.logDirOrDefault(), o, test.tensors().get(0)) : null;
    if (log != null) {
      out.println("logs: " + log.dir() + " (tensorboard --logdir " + log.dir() + ")");
    }
    double[] seconds = new double[o.epochs()];
    double[] losses = new double[o.epochs()];
    double accuracy = 0;
    double meanLoss = 0;
    Evaluation evaluation = null;
    for (int epoch = 0; epoch < o.epochs(); epoch++) {
      long t0 = System.nanoTime();
      model.train();
      double lr = adam.paramGroups().get(0).options().lr();
      String task = String.format(Locale.ROOT, "epoch %d/%d", epoch + 1, o.epochs());
      double trainAccuracy;
      if (sampler != null) {
        sampler.setEpoch(epoch); // a new shuffle each epoch, the same on every rank
      }
      try (TrainingProgress progress = lead ? TrainingProgress.start(task, perEpoch)
          : TrainingProgress.start(task, perEpoch, Display.LINE, out)) {
        for (List<Tensor> batch : trainLoader) {
          @Shape({"B", "1", "28", "28"}) Tensor x = Shapes.require(batch.get(0), "B", 1, 28, 28);
          @Shape({"B"}) Tensor y = Shapes.require(batch.get(1), "B");
          @Shape({"B", "10"}) Tensor logits =
              Shapes.require(ddp == null ? model.forward(x) : ddp.forward(x), "B", 10);
          Tensor loss = F.crossEntropy(logits, y);
          adam.zeroGrad();
          loss.backward();
          adam.step();
          long right;
          try (NoGradScope ng = Torch.noGrad()) {
            right = logits.argmax(1).eq(y).sum().itemLong();
          }
          progress.update(y.size(0), loss.item(), right);
        }
        if (schedule != null) {
          schedule.step();
        }
        long t1 = System.nanoTime();
        boolean last = epoch == o.epochs() - 1;
        meanLoss = progress.meanLoss();
        trainAccuracy = progress.accuracy();
        if (group != null) {
          double[] all = acrossRanks(group, progress);
          meanLoss = all[0];
          trainAccuracy = all[1];
        }
        // rank 0 alone evaluates: the weights are the same everywhere
        evaluation = lead ? evaluate(model, testLoader,
            last && log != null ? new ConfusionMatrix(testSet.classes()) : null)
            : new Evaluation(Double.NaN, Double.NaN, null);
        long t2 = System.nanoTime();
        accuracy = evaluation.accuracy();
        seconds[epoch] = (t1 - t0) / 1e9;
        progress.setPostfix((group == null ? "" : String.format(Locale.ROOT,
            "all ranks: loss %.4f  accuracy %.2f%%  ", meanLoss, 100 * trainAccuracy))
            + String.format(Locale.ROOT,
            "test loss %.4f  test accuracy %.2f%%  time %.1f s (train %.2f s, test %.1f s)  RSS %s",
            evaluation.loss(), 100 * accuracy, (t2 - t0) / 1e9, seconds[epoch], (t2 - t1) / 1e9,
            residentSetSize()));
      }
      losses[epoch] = meanLoss;
      if (log != null) {
        log.epoch(epoch + 1, meanLoss, trainAccuracy, evaluation.loss(), accuracy, lr, model);
      }
    }
    out.printf(Locale.ROOT, "final test accuracy %.2f%% after %d epochs, %.1f s in all%n",
        100 * accuracy, o.epochs(), (System.nanoTime() - start) / 1e9);
    if (log != null) {
      if (evaluation != null && evaluation.matrix() != null) {
        log.finish(o, accuracy, meanLoss, evaluation.matrix());
      }
      log.close();
      out.println("wrote " + log.dir() + ": TensorBoard logs, "
          + String.join(", ", TrainingLog.pictures()));
    }
    if (o.save() != null && lead) {
      Checkpoints.save(model, o.save());
      out.println("saved the weights to " + o.save());
    }
    if (ddp != null) {
      ddp.close();
    }
    return new Result(accuracy, meanLoss, losses, seconds, log == null ? null : log.dir());
  }

  /**
   * The epoch's mean training loss and accuracy over every rank's share: each rank's sums,
   * added up over the group.
   */
  private static double[] acrossRanks(ProcessGroup group, TrainingProgress progress) {
    try (TensorScope scope = TensorScope.open()) {
      double n = progress.done();
      Tensor sums = Torch.fromArray(
          new double[] {progress.meanLoss() * n, progress.accuracy() * n, n}, 3);
      double[] total = group.allReduce(sums).toDoubleArray();
      return new double[] {total[0] / total[2], total[1] / total[2]};
    }
  }

  /**
   * A split's images, transformed once (float32 {@code [N, 1, 28, 28]}), beside its labels
   * (int64 {@code [N]}); only the first {@code limit} of each when {@code limit > 0}.
   */
  static TensorDataset normalised(FashionMNIST split, Transform transform, int limit) {
    try (TensorScope scope = TensorScope.open()) {
      Tensor images = split.images();
      Tensor labels = split.labels();
      if (limit > 0 && limit < images.size(0)) {
        images = images.narrow(0, 0, limit);
        labels = labels.narrow(0, 0, limit);
      }
      return new TensorDataset(transform.apply(images), labels);
    }
  }

  /**
   * The test set's mean cross-entropy and the fraction of images whose highest score is the
   * right class; counts into {@code matrix} when it is not null.
   */
  static Evaluation evaluate(UnaryModule model, DataLoader<List<Tensor>> loader,
      ConfusionMatrix matrix) {
    model.eval();
    long correct = 0;
    long total = 0;
    double lossSum = 0;
    try (NoGradScope ng = Torch.noGrad()) {
      for (List<Tensor> batch : loader) {
        @Shape({"B", "10"}) Tensor logits = Shapes.require(model.forward(batch.get(0)), "B", 10);
        @Shape({"B"}) Tensor y = Shapes.require(batch.get(1), "B");
        Tensor predicted = logits.argmax(1);
        correct += predicted.eq(y).sum().itemLong();
        lossSum += F.crossEntropy(logits, y).item() * y.size(0);
        total += y.size(0);
        if (matrix != null) {
          matrix.add(predicted, y);
        }
      }
    }
    return new Evaluation(lossSum / total, (double) correct / total, matrix);
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
