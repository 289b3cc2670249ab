package dev.shapetorch.samples;

import dev.shapetorch.distributed.Launcher;
import dev.shapetorch.tensor.MemoryFormat;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * The flags of {@link FashionMnistTrainer}, declared for picocli. A flag left out is null here
 * and takes the value of the chosen model's defaults ({@link TrainerOptions#forModel(String)}),
 * so the order of the flags does not matter; {@link #options()} merges the two.
 */
@Command(
    name = "FashionMnistTrainer",
    synopsisHeading = "usage: ",
    separator = " ",
    sortOptions = false,
    sortSynopsis = false,
    description = "Trains a typed model on Fashion-MNIST with Adam, showing its progress and"
        + " writing TensorBoard logs and pictures.",
    exitCodeOnInvalidInput = CommandLine.ExitCode.USAGE)
final class TrainerCommand implements Runnable {

  @Option(names = "--model", paramLabel = "cnn|lenet|mlp", converter = ModelName.class,
      description = "The model and its recipe (default: cnn); the flags below default to its"
          + " recipe: cnn 6 epochs, batch 128, lr 2e-3, cosine; lenet and mlp 5 epochs,"
          + " batch 64, lr 1e-3, none.")
  String model = "cnn";

  @Option(names = "--epochs", paramLabel = "N", description = "Passes over the training set.")
  Integer epochs;

  @Option(names = "--batch-size", paramLabel = "N", description = "Training batch size.")
  Integer batchSize;

  @Option(names = "--lr", paramLabel = "X", description = "Adam's learning rate.")
  Double lr;

  @Option(names = "--schedule", paramLabel = "cosine|none", converter = ScheduleName.class,
      description = "cosine anneals the learning rate to 0 over the epochs; none keeps it.")
  String schedule;

  @Option(names = "--hidden", paramLabel = "256,128", split = ",", hideParamSyntax = true,
      description = "The MLP's hidden widths (default: 256,128).")
  int[] hidden;

  @Option(names = "--threads", paramLabel = "N",
      description = "libtorch threads (default: the available processors).")
  Integer threads;

  @Option(names = "--workers", paramLabel = "N",
      description = "Data loader threads (default: 0, batches built on the training thread).")
  Integer workers;

  @Option(names = "--seed", paramLabel = "N",
      description = "The seed of initialisation and shuffling (default: 0).")
  Long seed;

  @Option(names = "--data", paramLabel = "DIR",
      description = "The directory holding the Fashion-MNIST files (default: found or"
          + " downloaded).")
  Path data;

  @Option(names = "--save", paramLabel = "FILE",
      description = "Where to save the trained weights (safetensors or .pt, by the name).")
  Path save;

  @Option(names = "--memory-format", paramLabel = "channels-last|contiguous",
      converter = Layout.class,
      description = "The layout of the model's 4-d weights (default: channels-last, the faster"
          + " one for convolutions on the CPU).")
  MemoryFormat memoryFormat;

  @Option(names = "--logdir", paramLabel = "DIR",
      description = "Where to write the TensorBoard logs, curves.png, confusion.png and"
          + " test-images.png (default: runs/<date>_<model>, as PyTorch names runs).")
  Path logDir;

  @Option(names = "--no-logs", description = "Write no logs and no pictures.")
  boolean noLogs;

  @Option(names = "--limit", paramLabel = "N",
      description = "Use only the first N images of each split (default: all): a smoke run.")
  Integer limit;

  @Option(names = "--nproc", paramLabel = "N",
      description = "Train data-parallel on N processes of this machine"
          + " (DistributedDataParallel over Gloo on 127.0.0.1): --batch-size is the batch of all"
          + " processes together, --threads each process's (default: the processors / N).")
  Integer nproc;

  @Spec CommandSpec spec;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Prints this usage and exits.")
  boolean help;

  /**
   * A command line over {@code command}: a flag given twice keeps its last value, as a flag
   * parser reading left to right would.
   */
  static CommandLine commandLine(TrainerCommand command) {
    return new CommandLine(command).setOverwrittenOptionsAllowed(true);
  }

  /** The options the parsed flags ask for: the model's defaults, overridden by each flag given. */
  TrainerOptions options() {
    TrainerOptions d = TrainerOptions.forModel(model);
    return new TrainerOptions(
        model,
        hidden != null ? hidden.clone() : d.hidden(),
        epochs != null ? epochs : d.epochs(),
        batchSize != null ? batchSize : d.batchSize(),
        lr != null ? lr : d.lr(),
        schedule != null ? schedule.equals("cosine") : d.cosine(),
        threads != null ? threads : d.threads(),
        workers != null ? workers : d.workers(),
        seed != null ? seed : d.seed(),
        data != null ? data : d.data(),
        save != null ? save : d.save(),
        memoryFormat != null ? memoryFormat : d.memoryFormat(),
        logDir != null ? logDir : d.logDir(),
        !noLogs && d.logs(),
        limit != null ? limit : d.limit());
  }

  /**
   * Trains as the flags say (picocli calls this once the flags have parsed, unless --help). With
   * {@code --nproc N} (N > 1) it starts N worker processes through the {@link Launcher}, each
   * running this command without {@code --nproc}, and fails if one fails.
   */
  @Override
  public void run() {
    int n = nproc == null ? 1 : nproc;
    if (n < 1) {
      throw new ParameterException(spec.commandLine(), "--nproc " + n + " must be 1 or more");
    }
    if (n == 1 || System.getenv("WORLD_SIZE") != null) {
      FashionMnistTrainer.train(options());
      return;
    }
    List<String> args = new ArrayList<>(List.of("--nproc", Integer.toString(n),
        FashionMnistTrainer.class.getName()));
    args.addAll(withoutNproc(spec.commandLine().getParseResult().originalArgs()));
    if (threads == null) {
      args.addAll(List.of("--threads",
          Integer.toString(Math.max(1, Runtime.getRuntime().availableProcessors() / n))));
    }
    int code = Launcher.run(args.toArray(String[]::new), System.out, System.err);
    if (code != 0) {
      throw new IllegalStateException("FashionMnistTrainer: a worker of the --nproc " + n
          + " run failed with exit code " + code + " (its output is above, marked [rank k])");
    }
  }

  /** The command line without {@code --nproc N} / {@code --nproc=N}. */
  static List<String> withoutNproc(List<String> original) {
    List<String> rest = new ArrayList<>();
    for (int i = 0; i < original.size(); i++) {
      String a = original.get(i);
      if (a.equals("--nproc")) {
        i++;
      } else if (!a.startsWith("--nproc=")) {
        rest.add(a);
      }
    }
    return rest;
  }

  /** {@code --model}: one of the models {@link TrainerOptions#forModel(String)} knows. */
  static final class ModelName implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      try {
        return TrainerOptions.forModel(value).model();
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** {@code --schedule}: {@code cosine} or {@code none}. */
  static final class ScheduleName implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      if (!value.equals("cosine") && !value.equals("none")) {
        throw new TypeConversionException("cosine or none, not '" + value + "'");
      }
      return value;
    }
  }

  /** {@code --memory-format}: {@code channels-last} or {@code contiguous}. */
  static final class Layout implements ITypeConverter<MemoryFormat> {
    @Override
    public MemoryFormat convert(String value) {
      return switch (value) {
        case "channels-last" -> MemoryFormat.CHANNELS_LAST;
        case "contiguous" -> MemoryFormat.CONTIGUOUS;
        default -> throw new TypeConversionException(
            "channels-last or contiguous, not '" + value + "'");
      };
    }
  }
}
