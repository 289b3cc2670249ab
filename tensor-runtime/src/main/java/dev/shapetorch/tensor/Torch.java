package dev.shapetorch.tensor;

import org.bytedeco.pytorch.GradMode;

/**
 * ShapeTorch's {@code torch}: every static op and factory, by inheritance from the family classes
 * ({@link Factories}, {@link ArrayFactories}, {@link PointwiseOps}, {@link ActivationOps}, {@link
 * ArithmeticOps}, {@link ComparisonOps}, {@link ReductionOps}, {@link StatisticsOps}, {@link
 * LinalgOps}, {@link ShapeOps}, {@link JoinOps}, {@link IndexingOps}, {@link ConversionOps},
 * {@link SortingOps}, {@link NeuralOps}, and the nn families {@link LayerOps}, {@link ConvOps},
 * {@link PoolingOps}, {@link ResamplingOps}, {@link NormOps}, {@link LossOps}, {@link
 * RecurrentOps}), plus autograd mode.
 *
 * <pre>{@code
 * Tensor x = Torch.randn(64, 784);
 * Tensor w = Torch.zeros(784, 10).requiresGrad_(true);
 * Tensor loss = Torch.logSoftmax(x.matmul(w), 1).mean().neg();
 * loss.backward();
 * }</pre>
 *
 * <p>Shape: see each family; every op checks its inputs' shapes with the rule its annotation
 * names before libtorch runs, and throws {@link ShapeException} with the checker's message.
 */
public final class Torch extends RecurrentOps {

  private Torch() {}

  /**
   * Opens a scope in which autograd records nothing, as {@code torch.no_grad()}: use it with
   * try-with-resources.
   */
  public static NoGradScope noGrad() {
    return new NoGradScope();
  }

  /** True if autograd records ops on the current thread (false inside {@link #noGrad()}). */
  public static boolean isGradEnabled() {
    return GradMode.is_enabled();
  }

  /**
   * Wraps a tensor made with JavaCPP directly (the counterpart of {@link Tensor#unwrap()}): the
   * new {@code Tensor} takes ownership of {@code handle}, belongs to the current {@link
   * TensorScope}, and frees {@code handle} when it is freed.
   *
   * @throws IllegalArgumentException if {@code handle} is null or an undefined tensor
   */
  public static Tensor wrap(org.bytedeco.pytorch.Tensor handle) {
    if (handle == null || handle.isNull() || !handle.defined()) {
      throw new IllegalArgumentException(UserCall.attribute("Torch.wrap") + ": the handle is null or an undefined tensor");
    }
    return Tensor.wrap(handle);
  }
}
