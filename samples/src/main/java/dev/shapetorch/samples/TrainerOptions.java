package dev.shapetorch.samples;

import dev.shapetorch.tensor.MemoryFormat;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The command line of {@link FashionMnistTrainer}, as a record with {@code withX} copies. Each
 * model has its own defaults ({@link #forModel(String)}); flags override them.
 *
 * @param model {@code cnn} (default), {@code lenet} or {@code mlp}
 * @param hidden the MLP's hidden widths
 * @param epochs passes over the training set
 * @param batchSize training batch size
 * @param lr Adam's learning rate
 * @param cosine anneal the learning rate to 0 over the epochs
 * @param threads libtorch threads
 * @param workers data loader threads (0: batches built on the training thread)
 * @param seed the seed of initialisation and shuffling
 * @param data the directory holding the Fashion-MNIST files, or null to find them
 * @param save where to save the trained weights (safetensors or .pt), or null
 * @param memoryFormat the layout of the model's 4-d weights (and so of its activations):
 *     channels-last by default, the faster layout for convolutions on the CPU
 */
public record TrainerOptions(
    String model,
    int[] hidden,
    int epochs,
    int batchSize,
    double lr,
    boolean cosine,
    int threads,
    int workers,
    long seed,
    Path data,
    Path save,
    MemoryFormat memoryFormat) {

  /** The defaults of a model: the fast CNN recipe, PyTorch's LeNet-5 recipe, or the MLP's. */
  public static TrainerOptions forModel(String model) {
    int threads = Runtime.getRuntime().availableProcessors();
    switch (model) {
      case "cnn":
        return new TrainerOptions(model, new int[0], 6, 128, 2e-3, true, threads, 0, 0, null, null,
            MemoryFormat.CHANNELS_LAST);
      case "lenet":
        return new TrainerOptions(model, new int[0], 5, 64, 1e-3, false, threads, 0, 0, null, null,
            MemoryFormat.CHANNELS_LAST);
      case "mlp":
        return new TrainerOptions(
            model, new int[] {256, 128}, 5, 64, 1e-3, false, threads, 0, 0, null, null,
            MemoryFormat.CHANNELS_LAST);
      default:
        throw new IllegalArgumentException(
            "unknown model '" + model + "': choose cnn, lenet or mlp");
    }
  }

  /**
   * Parses {@code --model NAME --epochs N --batch-size N --lr X --schedule cosine|none
   * --hidden 256,128 --threads N --workers N --seed N --data DIR --save FILE --memory-format
   * channels-last|contiguous}.
   *
   * @throws IllegalArgumentException for an unknown flag or a bad value, with the usage
   */
  public static TrainerOptions parse(String... args) {
    String model = "cnn";
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals("--model")) {
        model = args[i + 1];
      }
    }
    TrainerOptions o = forModel(model);
    for (int i = 0; i < args.length; i += 2) {
      String flag = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("missing value after " + flag + "\n" + usage());
      }
      String v = args[i + 1];
      o = switch (flag) {
        case "--model" -> o;
        case "--epochs" -> o.withEpochs(Integer.parseInt(v));
        case "--batch-size" -> o.withBatchSize(Integer.parseInt(v));
        case "--lr" -> o.withLr(Double.parseDouble(v));
        case "--schedule" -> o.withCosine(switch (v) {
          case "cosine" -> true;
          case "none" -> false;
          default -> throw new IllegalArgumentException("--schedule is cosine or none, not " + v);
        });
        case "--hidden" -> o.withHidden(Arrays.stream(v.split(",")).mapToInt(Integer::parseInt)
            .toArray());
        case "--threads" -> o.withThreads(Integer.parseInt(v));
        case "--workers" -> o.withWorkers(Integer.parseInt(v));
        case "--seed" -> o.withSeed(Long.parseLong(v));
        case "--data" -> o.withData(Path.of(v));
        case "--save" -> o.withSave(Path.of(v));
        case "--memory-format" -> o.withMemoryFormat(switch (v) {
          case "channels-last" -> MemoryFormat.CHANNELS_LAST;
          case "contiguous" -> MemoryFormat.CONTIGUOUS;
          default -> throw new IllegalArgumentException(
              "--memory-format is channels-last or contiguous, not " + v);
        });
        default -> throw new IllegalArgumentException("unknown flag " + flag + "\n" + usage());
      };
    }
    return o;
  }

  /** The usage text. */
  public static String usage() {
    return "usage: FashionMnistTrainer [--model cnn|lenet|mlp] [--epochs N] [--batch-size N]"
        + " [--lr X] [--schedule cosine|none] [--hidden 256,128] [--threads N] [--workers N]"
        + " [--seed N] [--data DIR] [--save FILE] [--memory-format channels-last|contiguous]";
  }

  /** A copy with other hidden widths. */
  public TrainerOptions withHidden(int[] h) {
    return new TrainerOptions(model, h, epochs, batchSize, lr, cosine, threads, workers, seed,
        data, save, memoryFormat);
  }

  /** A copy with another number of epochs. */
  public TrainerOptions withEpochs(int e) {
    return new TrainerOptions(model, hidden, e, batchSize, lr, cosine, threads, workers, seed,
        data, save, memoryFormat);
  }

  /** A copy with another batch size. */
  public TrainerOptions withBatchSize(int b) {
    return new TrainerOptions(model, hidden, epochs, b, lr, cosine, threads, workers, seed, data,
        save, memoryFormat);
  }

  /** A copy with another learning rate. */
  public TrainerOptions withLr(double l) {
    return new TrainerOptions(model, hidden, epochs, batchSize, l, cosine, threads, workers, seed,
        data, save, memoryFormat);
  }

  /** A copy with or without cosine annealing. */
  public TrainerOptions withCosine(boolean c) {
    return new TrainerOptions(model, hidden, epochs, batchSize, lr, c, threads, workers, seed,
        data, save, memoryFormat);
  }

  /** A copy with another thread count. */
  public TrainerOptions withThreads(int t) {
    return new TrainerOptions(model, hidden, epochs, batchSize, lr, cosine, t, workers, seed,
        data, save, memoryFormat);
  }

  /** A copy with another number of loader workers. */
  public TrainerOptions withWorkers(int w) {
    return new TrainerOptions(model, hidden, epochs, batchSize, lr, cosine, threads, w, seed,
        data, save, memoryFormat);
  }

  /** A copy with another seed. */
  public TrainerOptions withSeed(long s) {
    return new TrainerOptions(model, hidden, epochs, batchSize, lr, cosine, threads, workers, s,
        data, save, memoryFormat);
  }

  /** A copy reading the data from another directory. */
  public TrainerOptions withData(Path d) {
    return new TrainerOptions(model, hidden, epochs, batchSize, lr, cosine, threads, workers, seed,
        d, save, memoryFormat);
  }

  /** A copy laying out the model's weights as {@code f}. */
  public TrainerOptions withMemoryFormat(MemoryFormat f) {
    return new TrainerOptions(model, hidden, epochs, batchSize, lr, cosine, threads, workers, seed,
        data, save, f);
  }

  /** A copy saving the weights to {@code s}. */
  public TrainerOptions withSave(Path s) {
    return new TrainerOptions(model, hidden, epochs, batchSize, lr, cosine, threads, workers, seed,
        data, s, memoryFormat);
  }

  @Override
  public int[] hidden() {
    return hidden.clone();
  }

  @Override
  public String toString() {
    return "model=" + model + (model.equals("mlp") ? " hidden=" + Arrays.toString(hidden) : "")
        + " epochs=" + epochs + " batch=" + batchSize + " lr=" + lr
        + " schedule=" + (cosine ? "cosine" : "none") + " threads=" + threads
        + " workers=" + workers + " seed=" + seed + " memory-format="
        + (memoryFormat == MemoryFormat.CHANNELS_LAST ? "channels-last" : "contiguous");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TrainerOptions t && toString().equals(t.toString())
        && java.util.Objects.equals(data, t.data) && java.util.Objects.equals(save, t.save);
  }

  @Override
  public int hashCode() {
    return toString().hashCode();
  }
}
