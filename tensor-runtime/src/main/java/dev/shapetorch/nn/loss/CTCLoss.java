package dev.shapetorch.nn.loss;

import dev.shapetorch.nn.functional.F;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Reduction;
import dev.shapetorch.tensor.Tensor;

/**
 * The connectionist temporal classification loss: PyTorch's {@code nn.CTCLoss}.
 *
 * <p>Shape: log-probabilities {@code [T, N, C]}, targets {@code [N, S]} (padded) or
 * concatenated {@code [sum(targetLengths)]}, int64 lengths {@code [N]}; the result is 0-d, or
 * {@code [N]} with {@link Reduction#NONE}.
 */
public final class CTCLoss extends AbstractLoss {
  private final long blank;
  private final boolean zeroInfinity;

  /** With PyTorch's defaults: blank 0, the mean, no {@code zeroInfinity}. */
  public CTCLoss() {
    this(0, Reduction.MEAN, false);
  }

  /**
   * With the given options.
   *
   * @param blank the blank class, in {@code [0, C)}
   * @param reduction how the per-sequence losses are reduced ({@link Reduction#MEAN} divides
   *     each by its target length first)
   * @param zeroInfinity whether infinite losses and their gradients become 0
   * @throws IllegalArgumentException if {@code blank} is negative, or {@code reduction} is null
   *     or {@link Reduction#BATCHMEAN}
   */
  public CTCLoss(long blank, Reduction reduction, boolean zeroInfinity) {
    super("CTCLoss", reduction);
    if (blank < 0) {
      throw new IllegalArgumentException("CTCLoss: blank must be a class index, got " + blank);
    }
    this.blank = blank;
    this.zeroInfinity = zeroInfinity;
  }

  /**
   * The loss.
   *
   * <p>Shape: {@code [T, N, C], [N, S] or [sum(targetLengths)], [N], [N] -> []} (or {@code [N]}
   * unreduced).
   *
   * @throws dev.shapetorch.tensor.ShapeException if the lengths do not have the batch size
   */
  public Tensor forward(@Shape({"T", "N", "C"}) Tensor logProbs, Tensor targets,
      @Shape({"N"}) Tensor inputLengths, @Shape({"N"}) Tensor targetLengths) {
    return runForward(
        a -> forwardBody((Tensor) a.get(0), (Tensor) a.get(1), (Tensor) a.get(2),
            (Tensor) a.get(3)),
        logProbs, targets, inputLengths, targetLengths);
  }

  private Tensor forwardBody(Tensor logProbs, Tensor targets, Tensor inputLengths,
      Tensor targetLengths) {
    return F.ctcLoss(logProbs, targets, inputLengths, targetLengths, blank, reduction(),
        zeroInfinity);
  }

  /** The blank class. */
  public long blank() {
    return blank;
  }

  /** Whether infinite losses become 0. */
  public boolean zeroInfinity() {
    return zeroInfinity;
  }
}
