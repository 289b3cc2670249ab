package dev.shapetorch.samples.transfer;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The flags of {@link TransferTrainer}, declared for picocli, with the sample's defaults. */
@Command(
    name = "TransferTrainer",
    synopsisHeading = "usage: ",
    separator = " ",
    sortOptions = false,
    sortSynopsis = false,
    description = "Loads a torchvision-named ResNet-18 from a safetensors file, replaces its head"
        + " by one for 10 classes, freezes the backbone and fine-tunes the head on"
        + " Fashion-MNIST, showing its progress and writing curves.png and TensorBoard logs.",
    exitCodeOnInvalidInput = CommandLine.ExitCode.USAGE)
final class TransferCommand implements Callable<Integer> {

  @Option(names = "--weights", paramLabel = "FILE", required = true,
      description = "The ResNet-18 weights: torchvision's state dict names and shapes, 1000"
          + " classes, as .safetensors (or a libtorch archive).")
  Path weights;

  @Option(names = "--epochs", paramLabel = "N",
      description = "Passes over the training set (default: ${DEFAULT-VALUE}).")
  int epochs = 2;

  @Option(names = "--batch-size", paramLabel = "N",
      description = "Training batch size (default: ${DEFAULT-VALUE}).")
  int batchSize = 64;

  @Option(names = "--lr", paramLabel = "X",
      description = "Adam's learning rate for the head (default: ${DEFAULT-VALUE}).")
  double lr = 1e-3;

  @Option(names = "--size", paramLabel = "PIXELS",
      description = "The side the 28x28 images are resized to (default: ${DEFAULT-VALUE}).")
  int size = 32;

  @Option(names = "--seed", paramLabel = "N",
      description = "The seed of the head's initialisation and shuffling"
          + " (default: ${DEFAULT-VALUE}).")
  long seed = 0;

  @Option(names = "--limit", paramLabel = "N",
      description = "Use only the first N images of each split (default: all): a smoke run.")
  int limit = 0;

  @Option(names = "--threads", paramLabel = "N",
      description = "libtorch threads (default: the available processors).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--data", paramLabel = "DIR",
      description = "The directory holding the Fashion-MNIST files (default: found or"
          + " downloaded).")
  Path data;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Where to write the curves and the TensorBoard logs (default:"
          + " runs/<date>_transfer).")
  Path out;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Prints this usage and exits.")
  boolean help;

  /** A command line over a fresh command; a flag given twice keeps its last value. */
  static CommandLine commandLine() {
    return new CommandLine(new TransferCommand()).setOverwrittenOptionsAllowed(true);
  }

  /** The options the parsed flags ask for. */
  TransferTrainer.Options options() {
    Path dir = out != null ? out : Path.of("runs", LocalDateTime.now().format(
        DateTimeFormatter.ofPattern("MMMdd_HH-mm-ss", Locale.ROOT)) + "_transfer");
    return new TransferTrainer.Options(weights, epochs, batchSize, lr, size, seed, limit,
        threads, data, dir);
  }

  /** Fine-tunes as the flags say; a bad value prints the problem and exits 2. */
  @Override
  public Integer call() {
    TransferTrainer.Options o;
    try {
      o = options();
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      return CommandLine.ExitCode.USAGE;
    }
    TransferTrainer.train(o);
    return CommandLine.ExitCode.OK;
  }
}
