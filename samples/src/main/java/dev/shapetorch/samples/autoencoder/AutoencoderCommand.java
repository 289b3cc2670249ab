package dev.shapetorch.samples.autoencoder;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The flags of {@link AutoencoderTrainer}, declared for picocli, with the sample's defaults. */
@Command(
    name = "AutoencoderTrainer",
    synopsisHeading = "usage: ",
    separator = " ",
    sortOptions = false,
    sortSynopsis = false,
    description = "Trains a convolutional autoencoder on Fashion-MNIST with Adam, showing its"
        + " progress and writing reconstructions.png, curves.png and TensorBoard logs.",
    exitCodeOnInvalidInput = CommandLine.ExitCode.USAGE)
final class AutoencoderCommand implements Callable<Integer> {

  @Option(names = "--epochs", paramLabel = "N",
      description = "Passes over the training set (default: ${DEFAULT-VALUE}).")
  int epochs = 5;

  @Option(names = "--batch-size", paramLabel = "N",
      description = "Training batch size (default: ${DEFAULT-VALUE}).")
  int batchSize = 128;

  @Option(names = "--lr", paramLabel = "X",
      description = "Adam's learning rate (default: ${DEFAULT-VALUE}).")
  double lr = 2e-3;

  @Option(names = "--seed", paramLabel = "N",
      description = "The seed of initialisation and shuffling (default: ${DEFAULT-VALUE}).")
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
      description = "Where to write the pictures and the TensorBoard logs (default:"
          + " runs/<date>_autoencoder).")
  Path out;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Prints this usage and exits.")
  boolean help;

  /** A command line over a fresh command; a flag given twice keeps its last value. */
  static CommandLine commandLine() {
    return new CommandLine(new AutoencoderCommand()).setOverwrittenOptionsAllowed(true);
  }

  /** The options the parsed flags ask for. */
  AutoencoderTrainer.Options options() {
    Path dir = out != null ? out : Path.of("runs", LocalDateTime.now().format(
        DateTimeFormatter.ofPattern("MMMdd_HH-mm-ss", Locale.ROOT)) + "_autoencoder");
    return new AutoencoderTrainer.Options(epochs, batchSize, lr, seed, limit, threads, data, dir);
  }

  /** Trains as the flags say; a bad value prints the problem and exits 2. */
  @Override
  public Integer call() {
    AutoencoderTrainer.Options o;
    try {
      o = options();
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      return CommandLine.ExitCode.USAGE;
    }
    AutoencoderTrainer.train(o);
    return CommandLine.ExitCode.OK;
  }
}
