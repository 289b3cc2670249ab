package dev.shapetorch.samples.chargpt;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The flags of {@link CharGptTrainer}, declared for picocli, with the sample's defaults. */
@Command(
    name = "CharGptTrainer",
    synopsisHeading = "usage: ",
    separator = " ",
    sortOptions = false,
    sortSynopsis = false,
    description = "Trains a character-level GPT on a text (default: The Devil's Dictionary from"
        + " Debian's dict-devil) with AdamW, showing its progress, writing curves.png and"
        + " TensorBoard logs, and printing generated text.",
    exitCodeOnInvalidInput = CommandLine.ExitCode.USAGE)
final class CharGptCommand implements Callable<Integer> {

  @Option(names = "--text", paramLabel = "FILE",
      description = "The UTF-8 text to learn, gzipped or dictzipped when named .gz or .dz"
          + " (default: ${DEFAULT-VALUE}, from Debian's dict-devil).")
  Path text = CharText.DEFAULT;

  @Option(names = "--limit", paramLabel = "N",
      description = "Use only the first N characters of the text (default: all): a smoke run.")
  int limit = 0;

  @Option(names = "--epochs", paramLabel = "N",
      description = "Epochs, each --steps batches and an evaluation (default: ${DEFAULT-VALUE}).")
  int epochs = 8;

  @Option(names = "--steps", paramLabel = "N",
      description = "Training steps per epoch (default: ${DEFAULT-VALUE}).")
  int steps = 150;

  @Option(names = "--batch-size", paramLabel = "N",
      description = "Windows per batch (default: ${DEFAULT-VALUE}).")
  int batchSize = 32;

  @Option(names = "--context", paramLabel = "N",
      description = "Characters per window, the longest input (default: ${DEFAULT-VALUE}).")
  int context = 64;

  @Option(names = "--dim", paramLabel = "N",
      description = "Embedding size (default: ${DEFAULT-VALUE}).")
  int dim = 128;

  @Option(names = "--layers", paramLabel = "N",
      description = "Transformer blocks (default: ${DEFAULT-VALUE}).")
  int layers = 4;

  @Option(names = "--heads", paramLabel = "N",
      description = "Attention heads per block, dividing --dim (default: ${DEFAULT-VALUE}).")
  int heads = 4;

  @Option(names = "--lr", paramLabel = "X",
      description = "AdamW's learning rate (default: ${DEFAULT-VALUE}).")
  double lr = 2e-3;

  @Option(names = "--weight-decay", paramLabel = "X",
      description = "AdamW's weight decay (default: ${DEFAULT-VALUE}).")
  double weightDecay = 0.1;

  @Option(names = "--eval-batches", paramLabel = "N",
      description = "Batches that estimate each epoch's validation loss (default:"
          + " ${DEFAULT-VALUE}).")
  int evalBatches = 20;

  @Option(names = "--generate", paramLabel = "N",
      description = "Characters to generate after training (default: ${DEFAULT-VALUE}).")
  int generate = 500;

  @Option(names = "--prompt", paramLabel = "TEXT",
      description = "The text generation continues (default: a newline).")
  String prompt = "\n";

  @Option(names = "--temperature", paramLabel = "X",
      description = "Divides the logits before sampling; below 1 is safer, above 1 wilder"
          + " (default: ${DEFAULT-VALUE}).")
  double temperature = 0.8;

  @Option(names = "--top-k", paramLabel = "K",
      description = "Sample only from the K likeliest characters (default: 0, all).")
  int topK = 0;

  @Option(names = "--seed", paramLabel = "N",
      description = "The seed of initialisation, batches and sampling (default:"
          + " ${DEFAULT-VALUE}).")
  long seed = 0;

  @Option(names = "--threads", paramLabel = "N",
      description = "libtorch threads (default: the available processors).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = {"--logdir", "--out"}, paramLabel = "DIR",
      description = "Where to write curves.png, samples.txt and the TensorBoard logs (default:"
          + " runs/<date>_chargpt).")
  Path out;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Prints this usage and exits.")
  boolean help;

  /** A command line over a fresh command; a flag given twice keeps its last value. */
  static CommandLine commandLine() {
    return new CommandLine(new CharGptCommand()).setOverwrittenOptionsAllowed(true);
  }

  /** The options the parsed flags ask for. */
  CharGptTrainer.Options options() {
    Path dir = out != null ? out : Path.of("runs", LocalDateTime.now().format(
        DateTimeFormatter.ofPattern("MMMdd_HH-mm-ss", Locale.ROOT)) + "_chargpt");
    return new CharGptTrainer.Options(text, limit, epochs, steps, batchSize, context, dim, layers,
        heads, lr, weightDecay, evalBatches, generate, prompt, temperature, topK, seed, threads,
        dir);
  }

  /** Trains as the flags say; a bad value (or a missing text) prints the problem and exits 2. */
  @Override
  public Integer call() {
    CharGptTrainer.Options o;
    try {
      o = options();
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      return CommandLine.ExitCode.USAGE;
    }
    try {
      CharGptTrainer.train(o);
    } catch (IllegalArgumentException e) {
      if (!e.getMessage().startsWith("CharGptTrainer: ")) {
        throw e;
      }
      System.err.println(e.getMessage());
      return CommandLine.ExitCode.USAGE;
    }
    return CommandLine.ExitCode.OK;
  }
}
