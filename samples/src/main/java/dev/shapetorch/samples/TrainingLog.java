package dev.shapetorch.samples;

import dev.shapetorch.monitor.plot.ConfusionMatrix;
import dev.shapetorch.monitor.plot.TrainingCurves;
import dev.shapetorch.monitor.tensorboard.SummaryWriter;
import dev.shapetorch.nn.Parameter;
import dev.shapetorch.nn.UnaryModule;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.vision.utils.GridOptions;
import dev.shapetorch.vision.utils.VisionUtils;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a {@link FashionMnistTrainer} run leaves in its log directory: a TensorBoard event file
 * (the options as text, a grid of test images, per epoch the losses, accuracies, learning rate
 * and the histograms of every parameter and its gradient, at the end the hyperparameters with
 * the final figures), {@code test-images.png}, and after each epoch {@code curves.png} (loss and
 * accuracy per epoch, training beside test) and at the end {@code confusion.png}.
 */
final class TrainingLog implements AutoCloseable {

  private final Path dir;
  private final SummaryWriter writer;
  private final TrainingCurves curves;

  /** Opens the log of a run, writing what is known before training: options and test images. */
  TrainingLog(Path dir, TrainerOptions options, Tensor testImages) {
    this.dir = dir;
    this.writer = new SummaryWriter(dir);
    this.curves = new TrainingCurves("Fashion-MNIST, " + options.model());
    writer.addText("options", options.toString(), 0);
    // 32 test images, their normalisation undone by normalize=true, 8 to a row
    Tensor first = testImages.narrow(0, 0, Math.min(32, testImages.size(0)));
    GridOptions grid = GridOptions.defaults().withNormalize(true).withPadValue(1);
    writer.addImage("test images", VisionUtils.makeGrid(first, grid), 0);
    VisionUtils.saveImage(first, dir.resolve("test-images.png"), grid);
  }

  /** The directory written. */
  Path dir() {
    return dir;
  }

  /** Logs one epoch (numbered from 1) and redraws {@code curves.png}. */
  void epoch(int epoch, double trainLoss, double trainAccuracy, double testLoss,
      double testAccuracy, double lr, UnaryModule model) {
    writer.addScalar("loss/train", trainLoss, epoch);
    writer.addScalar("loss/test", testLoss, epoch);
    writer.addScalar("accuracy/train", trainAccuracy, epoch);
    writer.addScalar("accuracy/test", testAccuracy, epoch);
    writer.addScalar("lr", lr, epoch);
    for (Map.Entry<String, Parameter> p : model.namedParameters().entrySet()) {
      writer.addHistogram(p.getKey(), p.getValue().get(), epoch);
      Tensor grad = p.getValue().grad();
      if (grad != null) {
        writer.addHistogram(p.getKey() + ".grad", grad, epoch);
      }
    }
    writer.flush();
    curves.addEpoch(trainLoss, testLoss, trainAccuracy, testAccuracy);
    curves.savePng(dir.resolve("curves.png"));
  }

  /** Logs the end of the run: the hyperparameters with the final figures, the confusion matrix. */
  void finish(TrainerOptions o, double testAccuracy, double trainLoss, ConfusionMatrix matrix) {
    Map<String, Object> hparams = new LinkedHashMap<>();
    hparams.put("model", o.model());
    hparams.put("epochs", o.epochs());
    hparams.put("batch_size", o.batchSize());
    hparams.put("lr", o.lr());
    hparams.put("schedule", o.cosine() ? "cosine" : "none");
    hparams.put("seed", o.seed());
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put("hparam/test_accuracy", testAccuracy);
    metrics.put("hparam/train_loss", trainLoss);
    writer.addHparams(hparams, metrics);
    matrix.savePng(dir.resolve("confusion.png"), "Fashion-MNIST test set, " + o.model());
  }

  /** The files a finished run leaves, besides the event files. */
  static List<String> pictures() {
    return List.of("curves.png", "confusion.png", "test-images.png");
  }

  @Override
  public void close() {
    writer.close();
  }
}
