package dev.shapetorch.tensor;

import dev.shapetorch.shapes.Surface;
import dev.shapetorch.shapes.Variant;

/**
 * ShapeTorch's {@code torch}: every static op and factory. The ops declared once with {@link
 * dev.shapetorch.shapes.Variants} (linear algebra, autograd mode; see docs/architecture.md) are
 * generated into this class with their runtime guard; the other families are still inherited
 * ({@link Factories}, {@link ArrayFactories}, {@link PointwiseOps}, {@link NonFiniteOps}, {@link ActivationOps}, {@link
 * ArithmeticOps}, {@link ComparisonOps}, {@link ClosenessOps}, {@link ReductionOps}, {@link StatisticsOps}, {@link
 * ShapeOps}, {@link JoinOps}, {@link IndexingOps}, {@link ConversionOps}, {@link SortingOps},
 * {@link OrderStatisticsOps}, {@link CountingOps}, {@link RandomDrawOps},
 * {@link NeuralOps}, and the nn families {@link LayerOps}, {@link ConvOps}, {@link PoolingOps},
 * {@link ResamplingOps}, {@link NormOps}, {@link LossOps}, {@link RecurrentOps}, {@link
 * RecurrentCellOps}, {@link AttentionOps}).
 *
 * <pre>{@code
 * Tensor x = Torch.randn(64, 784);
 * Tensor w = Torch.zeros(784, 10).requiresGrad_(true);
 * Tensor loss = Torch.logSoftmax(x.matmul(w), 1).mean().neg();
 * loss.backward();
 * }</pre>
 *
 * <p>Shape: see each op; every op checks its inputs' shapes with the rule its annotation
 * names before libtorch runs, and throws {@link ShapeException} with the checker's message.
 */
@Surface(name = "Torch", variant = Variant.FUNCTION)
abstract class TorchBase {

  TorchBase() {}
}
