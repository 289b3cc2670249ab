package dev.shapetorch.nn.recurrent;

import dev.shapetorch.internal.ForwardContract;
import dev.shapetorch.internal.Guard;
import dev.shapetorch.nn.UnaryModule;
import dev.shapetorch.shapes.Dim;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One time step of a gated recurrent unit (gates reset, update, new): PyTorch's {@code
 * nn.GRUCell}.
 *
 * <p>Type: {@code @Shape({"In", "Hidden"}) GRUCell}.
 *
 * <p>Shape: {@code [N, In], [N, Hidden] -> [N, Hidden]}; unbatched, as in PyTorch: {@code [In],
 * [Hidden] -> [Hidden]}. The state is zeros when not given.
 *
 * <p>Parameters, named as in PyTorch: {@code weight_ih} {@code [3*Hidden, In]}, {@code
 * weight_hh} {@code [3*Hidden, Hidden]}, {@code bias_ih} and {@code bias_hh} {@code
 * [3*Hidden]}, all uniform in {@code [-1/sqrt(Hidden), 1/sqrt(Hidden)]}.
 */
public final class GRUCell extends RNNCellBase implements UnaryModule {
  private static final ForwardContract FORWARD = Guard.forward(GRUCell.class, "input", "hx");

  /** A cell with biases, as {@code nn.GRUCell(inputSize, hiddenSize)}. */
  public @Shape({"inputSize", "hiddenSize"}) GRUCell(@Dim long inputSize, @Dim long hiddenSize) {
    this(inputSize, hiddenSize, true);
  }

  /**
   * A cell with or without biases, as {@code nn.GRUCell(inputSize, hiddenSize, bias)}.
   *
   * @throws IllegalArgumentException if a size is not positive
   */
  public @Shape({"inputSize", "hiddenSize"}) GRUCell(
      @Dim long inputSize, @Dim long hiddenSize, boolean bias) {
    super("GRUCell", 3, inputSize, hiddenSize, bias);
  }

  /**
   * One step from a zero state, as {@code cell(input)}.
   *
   * <p>Shape: {@code [N, In] -> [N, Hidden]}, or {@code [In] -> [Hidden]}.
   *
   * @throws dev.shapetorch.tensor.ShapeException as {@link #forward(Tensor, Tensor)}
   */
  @Override
  public @Shape({"*b", "Hidden"}) Tensor forward(
      @Shape({"In", "Hidden"}) GRUCell this, @Shape({"*b", "In"}) Tensor input) {
    return forward(input, null);
  }

  /**
   * One step from {@code hx} (zeros when null), as {@code cell(input, hx)}.
   *
   * <p>Shape: {@code [N, In], [N, Hidden] -> [N, Hidden]}, or {@code [In], [Hidden] ->
   * [Hidden]}.
   *
   * @throws dev.shapetorch.tensor.ShapeException if the input is not 1-D or 2-D, its last dim
   *     is not {@code In}, or {@code hx} is not {@code [N, Hidden]} ({@code [Hidden]})
   */
  public @Shape({"*b", "Hidden"}) Tensor forward(
      @Shape({"In", "Hidden"}) GRUCell this, @Shape({"*b", "In"}) Tensor input,
      @Nullable @Shape({"*b", "Hidden"}) Tensor hx) {
    return runForward(a -> forwardBody((Tensor) a.get(0), (Tensor) a.get(1)), input, hx);
  }

  private Tensor forwardBody(Tensor input, Tensor hx) {
    Tensor h = state("GRUCell.forward", input, hx);
    FORWARD.check(hyperparameters(), input, h);
    return Torch.gruCell(input, h, weightIh().get(), weightHh().get(), bIh(), bHh());
  }
}
