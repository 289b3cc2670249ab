package dev.shapetorch.samples.backprop;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The flags of {@link BackpropMlpTrainer}, declared for picocli, with the sample's defaults. */
@Command(
    name = "BackpropMlpTrainer",
    synopsisHeading = "usage: ",
    separator = " ",
    sortOptions = false,
    sortSynopsis = false,
    description = "Trains an MLP on Fashion-MNIST with backprop's BVars and hand-written typed"
        + " Ops (no libtorch autograd) and plain SGD, printing the loss per epoch.",
    exitCodeOnInvalidInput = CommandLine.ExitCode.USAGE)
final class BackpropMlpCommand implements Callable<Integer> {

  @Option(names = "--epochs", paramLabel = "N", description = "Passes over the training set"
      + " (default: ${DEFAULT-VALUE}).")
  int epochs = 5;

  @Option(names = "--batch-size", paramLabel = "N",
      description = "Training batch size (default: ${DEFAULT-VALUE}).")
  int batchSize = 64;

  @Option(names = "--lr", paramLabel = "X",
      description = "SGD's learning rate (default: ${DEFAULT-VALUE}).")
  double lr = 0.1;

  @Option(names = "--hidden", paramLabel = "N",
      description = "The hidden layer's width (default: ${DEFAULT-VALUE}).")
  int hidden = 128;

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

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Prints this usage and exits.")
  boolean help;

  /** A command line over a fresh command; a flag given twice keeps its last value. */
  static CommandLine commandLine() {
    return new CommandLine(new BackpropMlpCommand()).setOverwrittenOptionsAllowed(true);
  }

  /** The options the parsed flags ask for. */
  BackpropMlpTrainer.Options options() {
    return new BackpropMlpTrainer.Options(epochs, batchSize, lr, hidden, seed, limit, threads,
        data);
  }

  /** Trains as the flags say; a bad value prints the problem and exits 2. */
  @Override
  public Integer call() {
    BackpropMlpTrainer.Options o;
    try {
      o = options();
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      return CommandLine.ExitCode.USAGE;
    }
    BackpropMlpTrainer.train(o);
    return CommandLine.ExitCode.OK;
  }
}
