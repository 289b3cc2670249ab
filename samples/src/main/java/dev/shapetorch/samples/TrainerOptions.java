package dev.shapetorch.samples;

import dev.shapetorch.tensor.MemoryFormat;
import java.nio.file.Path;
import java.util.Arrays;
import picocli.CommandLine;

/**
 * The settings of a {@link FashionMnistTrainer} run, as its command line gives them
 * ({@link #parse(String...)}, through picocli). Each model has its own defaults
 * ({@link #forModel(String)}); flags override them.
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
 * @param logDir where to write the TensorBoard logs and the pictures, or null for {@code
 *     runs/<Mon><dd>_<HH>-<mm>-<ss>_<model>} ({@link #logDirOrDefault()})
 * @param logs whether to write them at all
 * @param limit train and test on the first {@code limit} images of each split only (0: all),
 *     for a quick smoke run
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
    MemoryFormat memoryFormat,
    Path logDir,
    boolean logs,
    int limit) {

  /** The defaults of a model: the fast CNN recipe, PyTorch's LeNet-5 recipe, or the MLP's. */
  public static TrainerOptions forModel(String model) {
    int threads = Runtime.getRuntime().availableProcessors();
    switch (model) {
      case "cnn":
        return new TrainerOptions(model, new int[0], 6, 128, 2e-3, true, threads, 0, 0, null, null,
            MemoryFormat.CHANNELS_LAST, null, true, 0);
      case "lenet":
        return new TrainerOptions(model, new int[0], 5, 64, 1e-3, false, threads, 0, 0, null, null,
            MemoryFormat.CHANNELS_LAST, null, true, 0);
      case "mlp":
        return new TrainerOptions(
            model, new int[] {256, 128}, 5, 64, 1e-3, false, threads, 0, 0, null, null,
            MemoryFormat.CHANNELS_LAST, null, true, 0);
      default:
        throw new IllegalArgumentException(
            "unknown model '" + model + "': choose cnn, lenet or mlp");
    }
  }

  /**
   * Parses the trainer's flags ({@link #usage()} lists them): the defaults of {@code --model}
   * (cnn when absent), overridden by every other flag given, in any order. {@code --help} is
   * accepted and ignored here; {@link FashionMnistTrainer#main} prints the usage for it.
   *
   * @throws IllegalArgumentException for an unknown flag or a bad value: picocli's message, then
   *     the usage
   */
  public static TrainerOptions parse(String... args) {
    TrainerCommand command = new TrainerCommand();
    CommandLine commandLine = TrainerCommand.commandLine(command);
    try {
      commandLine.parseArgs(args);
    } catch (CommandLine.ParameterException e) {
      throw new IllegalArgumentException(e.getMessage() + "\n" + commandLine.getUsageMessage(), e);
    }
    return command.options();
  }

  /** The usage text that {@code --help} prints: every flag, with what it means. */
  public static String usage() {
    return TrainerCommand.commandLine(new TrainerCommand()).getUsageMessage();
  }

  /**
   * The log directory: {@link #logDir()}, or PyTorch's default naming when it is null, {@code
   * runs/<Mon><dd>_<HH>-<mm>-<ss>_<model>} (e.g. {@code runs/Dec06_12-30-05_cnn}).
   */
  public Path logDirOrDefault() {
    if (logDir != null) {
      return logDir;
    }
    return Path.of("runs", java.time.LocalDateTime.now().format(
        java.time.format.DateTimeFormatter.ofPattern("MMMdd_HH-mm-ss", java.util.Locale.ROOT))
        + "_" + model);
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
        && java.util.Objects.equals(data, t.data) && java.util.Objects.equals(save, t.save)
        && java.util.Objects.equals(logDir, t.logDir) && logs == t.logs && limit == t.limit;
  }

  @Override
  public int hashCode() {
    return toString().hashCode();
  }
}
