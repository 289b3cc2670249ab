package dev.shapetorch.samples.chargpt;

import dev.shapetorch.monitor.plot.TrainingCurves;
import dev.shapetorch.monitor.progress.TrainingProgress;
import dev.shapetorch.monitor.tensorboard.SummaryWriter;
import dev.shapetorch.nn.functional.F;
import dev.shapetorch.optim.AdamW;
import dev.shapetorch.optim.AdamWOptions;
import dev.shapetorch.optim.GradClip;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Generator;
import dev.shapetorch.tensor.NoGradScope;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.TensorScope;
import dev.shapetorch.tensor.Threads;
import dev.shapetorch.tensor.Torch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Trains a {@link CharGpt} on a text, nanoGPT's way: random windows of {@code --context}
 * characters, cross-entropy of each next character, AdamW, the gradient norm clipped at 1. An
 * epoch is {@code --steps} batches, shown as a progress bar (tokens/s, running loss and
 * next-character accuracy; one line per epoch in a log), then an estimate of the validation loss
 * on {@code --eval-batches} batches of the held-out last 10% of the text. After training it
 * prints {@code --generate} characters sampled from the model. It writes, into its output
 * directory, {@code curves.png} (loss and accuracy per epoch, training and validation), {@code
 * samples.txt} (the generated text) and TensorBoard logs (every step's loss, each epoch's
 * validation loss and accuracy, the generated text, the hyperparameters).
 *
 * <pre>
 * apt-get install dict-devil          # the default text, The Devil's Dictionary
 * mvn -q -B -pl samples -am compile exec:exec \
 *     -Dsample.main=dev.shapetorch.samples.chargpt.CharGptTrainer
 * mvn -q -B -pl samples -am compile exec:exec \
 *     -Dsample.main=dev.shapetorch.samples.chargpt.CharGptTrainer -Dsample.args="--help"
 * </pre>
 */
public final class CharGptTrainer {

  /** The files a run leaves in its output directory, besides the TensorBoard event file. */
  public static final List<String> FILES = List.of("curves.png", "samples.txt");

  /** The gradient norm above which a step's gradients are scaled down. */
  static final double CLIP = 1.0;

  private CharGptTrainer() {}

  /**
   * The settings of a run.
   *
   * @param text the text file
   * @param limit only the first {@code limit} characters of the text (0: all)
   * @param epochs epochs of {@code steps} batches each
   * @param steps training steps per epoch
   * @param batchSize windows per batch
   * @param context characters per window, the model's longest input
   * @param dim the embedding size
   * @param layers transformer blocks
   * @param heads attention heads per block
   * @param lr AdamW's learning rate
   * @param weightDecay AdamW's weight decay
   * @param evalBatches batches per validation estimate
   * @param generate characters to generate after training
   * @param prompt the text generation continues
   * @param temperature divides the logits before sampling
   * @param topK sample from the {@code topK} likeliest characters only (0: all)
   * @param seed the seed of initialisation, batches and sampling
   * @param threads libtorch threads
   * @param out where to write the pictures, the samples and the TensorBoard logs
   */
  public record Options(Path text, int limit, int epochs, int steps, int batchSize, int context,
      int dim, int layers, int heads, double lr, double weightDecay, int evalBatches,
      int generate, String prompt, double temperature, int topK, long seed, int threads,
      Path out) {

    /** Checks the settings, naming the flag of a bad one. */
    public Options {
      check(text != null, "--text must name a file");
      check(limit == 0 || limit >= 1000,
          "--limit " + limit + " must be 0 (the whole text) or at least 1000 characters");
      check(epochs >= 1, "--epochs " + epochs + " must be 1 or more");
      check(steps >= 1, "--steps " + steps + " must be 1 or more");
      check(batchSize >= 1, "--batch-size " + batchSize + " must be 1 or more");
      check(context >= 1, "--context " + context + " must be 1 or more");
      check(dim >= 1, "--dim " + dim + " must be 1 or more");
      check(layers >= 1, "--layers " + layers + " must be 1 or more");
      check(heads >= 1 && dim % heads == 0,
          "--heads " + heads + " must divide --dim " + dim);
      check(lr > 0, "--lr " + lr + " must be positive");
      check(weightDecay >= 0, "--weight-decay " + weightDecay + " must be 0 or more");
      check(evalBatches >= 1, "--eval-batches " + evalBatches + " must be 1 or more");
      check(generate >= 0, "--generate " + generate + " must be 0 or more");
      check(prompt != null && !prompt.isEmpty(), "--prompt must have a character");
      check(temperature > 0, "--temperature " + temperature + " must be positive");
      check(topK >= 0, "--top-k " + topK + " must be 0 (all characters) or more");
      check(threads >= 1, "--threads " + threads + " must be 1 or more");
      check(out != null, "--logdir must name a directory");
    }

    private static void check(boolean ok, String problem) {
      if (!ok) {
        throw new IllegalArgumentException("CharGptTrainer: " + problem);
      }
    }
  }

  /**
   * What a run achieved.
   *
   * @param vocabulary the text's distinct characters
   * @param stepLosses every step's training loss, in order
   * @param epochLosses each epoch's mean training loss
   * @param valLosses each epoch's validation loss estimate
   * @param generated the generated text
   * @param tokensPerSecond training characters per second (the evaluations left out)
   * @param seconds the whole run's wall time
   * @param out the directory written
   */
  public record Result(char[] vocabulary, double[] stepLosses, double[] epochLosses,
      double[] valLosses, String generated, double tokensPerSecond, double seconds, Path out) {}

  /** Parses the flags ({@link CharGptCommand}), trains, and prints the progress and the text. */
  public static void main(String[] args) {
    int code = CharGptCommand.commandLine().execute(args);
    if (code != 0) {
      System.exit(code);
    }
  }

  /** Trains as {@code o} says, printing one line per epoch and the generated text. */
  public static Result train(Options o) {
    long start = System.nanoTime();
    CharText text = CharText.read(o.text(), o.limit());
    long[] prompt = text.encode(o.prompt());
    Threads.setNumThreads(o.threads());
    Torch.manualSeed(o.seed());
    SplittableRandom batches = new SplittableRandom(o.seed());
    CharGpt model = CharGpt.create(text.vocabSize(), o.context(), o.dim(), o.layers(), o.heads());
    AdamW adamw = new AdamW(model.parameters(),
        AdamWOptions.lr(o.lr()).withWeightDecay(o.weightDecay()));
    long tokensPerStep = (long) o.batchSize() * o.context();
    System.out.printf(Locale.ROOT,
        "%s: %,d characters (%,d training, %,d validation), %d distinct%n", o.text(),
        text.train().length + text.val().length, text.train().length, text.val().length,
        text.vocabSize());
    System.out.printf(Locale.ROOT,
        "CharGpt: %d layers, %d heads, dim %d, context %d, %,d parameters; AdamW lr %s,"
            + " weight decay %s, batch %d, %d epochs of %d steps, seed %d%n",
        o.layers(), o.heads(), o.dim(), o.context(), model.parameterCount(), o.lr(),
        o.weightDecay(), o.batchSize(), o.epochs(), o.steps(), o.seed());
    System.out.printf(Locale.ROOT, "loss of a uniform guess: ln(%d) = %.3f%n", text.vocabSize(),
        Math.log(text.vocabSize()));
    System.out.println("output: " + o.out() + " (tensorboard --logdir " + o.out() + ")");
    TrainingCurves curves = new TrainingCurves("character-level GPT", "validation");
    double[] stepLosses = new double[o.epochs() * o.steps()];
    double[] epochLosses = new double[o.epochs()];
    double[] valLosses = new double[o.epochs()];
    long trainNanos = 0;
    int step = 0;
    String generated;
    try (SummaryWriter writer = new SummaryWriter(o.out())) {
      for (int epoch = 0; epoch < o.epochs(); epoch++) {
        String task = String.format(Locale.ROOT, "epoch %d/%d", epoch + 1, o.epochs());
        double trainAccuracy;
        try (TrainingProgress progress =
            TrainingProgress.start(task, o.steps() * tokensPerStep)) {
          long t0 = System.nanoTime();
          model.train(true);
          for (int s = 0; s < o.steps(); s++) {
            try (TensorScope scope = TensorScope.open()) {
              CharText.Batch batch =
                  CharText.batch(text.train(), o.batchSize(), o.context(), batches);
              @Shape({"B", "L", "V"}) Tensor logits = model.forward(batch.inputs());
              Tensor loss = loss(logits, batch.targets());
              adamw.zeroGrad();
              loss.backward();
              GradClip.clipGradNorm_(model.parameters(), CLIP);
              adamw.step();
              double value = loss.item();
              stepLosses[step++] = value;
              writer.addScalar("loss/train_step", value, step);
              progress.update(tokensPerStep, value, correct(logits, batch.targets()));
            }
          }
          trainNanos += System.nanoTime() - t0;
          epochLosses[epoch] = progress.meanLoss();
          trainAccuracy = progress.accuracy();
          double[] val = evaluate(model, text.val(), o, new SplittableRandom(o.seed() + 1));
          valLosses[epoch] = val[0];
          progress.setPostfix(String.format(Locale.ROOT, "val loss %.4f  val acc %.1f%%  time"
              + " %.1f s", val[0], 100 * val[1], (System.nanoTime() - t0) / 1e9));
          writer.addScalar("loss/train", epochLosses[epoch], epoch + 1);
          writer.addScalar("loss/val", val[0], epoch + 1);
          writer.addScalar("accuracy/train", trainAccuracy, epoch + 1);
          writer.addScalar("accuracy/val", val[1], epoch + 1);
          curves.addEpoch(epochLosses[epoch], val[0], trainAccuracy, val[1]);
        }
        writer.flush();
        curves.savePng(o.out().resolve(FILES.get(0)));
      }
      generated = text.decode(model.generate(prompt, o.generate(), o.temperature(), o.topK(),
          Generator.seeded(o.seed())));
      writer.addText("generated", o.prompt() + generated, step);
      writer.addHparams(Map.of("layers", o.layers(), "heads", o.heads(), "dim", o.dim(),
          "context", o.context(), "batch_size", o.batchSize(), "lr", o.lr(),
          "weight_decay", o.weightDecay(), "steps", step),
          Map.of("loss/val_final", valLosses[o.epochs() - 1]));
    }
    try {
      Files.writeString(o.out().resolve(FILES.get(1)), o.prompt() + generated + "\n",
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("CharGptTrainer: cannot write " + o.out(), e);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double tokensPerSecond = step * tokensPerStep / (trainNanos / 1e9);
    System.out.printf(Locale.ROOT, "final train loss %.4f, val loss %.4f after %d steps;"
            + " %.0f training characters/s, %.1f s in all%n",
        epochLosses[o.epochs() - 1], valLosses[o.epochs() - 1], step, tokensPerSecond, seconds);
    System.out.printf(Locale.ROOT, "generated (temperature %s%s):%n%s%s%n", o.temperature(),
        o.topK() > 0 ? ", top-k " + o.topK() : "", o.prompt().equals("\n") ? "" : o.prompt(),
        generated);
    System.out.println("wrote " + o.out() + ": TensorBoard logs, " + String.join(", ", FILES));
    return new Result(text.vocabulary(), stepLosses, epochLosses, valLosses, generated,
        tokensPerSecond, seconds, o.out());
  }

  /**
   * The mean cross-entropy of the next characters.
   *
   * <p>Shape: logits {@code [B, L, V]}, targets {@code [B, L]} {@code -> []}.
   */
  static Tensor loss(@Shape({"B", "L", "V"}) Tensor logits, @Shape({"B", "L"}) Tensor targets) {
    return F.crossEntropy(logits.flatten(0, 1), targets.flatten(0, -1));
  }

  /** How many of the next characters the logits rank first. */
  static long correct(@Shape({"B", "L", "V"}) Tensor logits, @Shape({"B", "L"}) Tensor targets) {
    return logits.argmax(-1).eq(targets).sum().toLongArray()[0];
  }

  /**
   * The mean loss and next-character accuracy of {@code o.evalBatches()} batches of {@code part},
   * drawn by {@code random}; without gradients, in evaluation mode.
   */
  static double[] evaluate(CharGpt model, long[] part, Options o, SplittableRandom random) {
    model.train(false);
    double loss = 0;
    long right = 0;
    try (NoGradScope ng = Torch.noGrad()) {
      for (int i = 0; i < o.evalBatches(); i++) {
        try (TensorScope scope = TensorScope.open()) {
          CharText.Batch batch = CharText.batch(part, o.batchSize(), o.context(), random);
          Tensor logits = model.forward(batch.inputs());
          loss += loss(logits, batch.targets()).item();
          right += correct(logits, batch.targets());
        }
      }
    }
    model.train(true);
    return new double[] {loss / o.evalBatches(),
        right / ((double) o.evalBatches() * o.batchSize() * o.context())};
  }
}
