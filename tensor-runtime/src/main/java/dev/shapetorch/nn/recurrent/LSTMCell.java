package dev.shapetorch.nn.recurrent;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.internal.ForwardContract;
import dev.shapetorch.internal.Guard;
import dev.shapetorch.nn.UnaryModule;
import dev.shapetorch.shapes.Dim;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.LstmCellOutput;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One time step of a long short-term memory network (gates input, forget, cell, output):
 * PyTorch's {@code nn.LSTMCell}.
 *
 * <p>Type: {@code @Shape({"In", "Hidden"}) LSTMCell}.
 *
 * <p>Shape: {@code [N, In]} with states {@code hx}, {@code cx} {@code [N, Hidden]} gives the
 * next states {@code [N, Hidden]}; unbatched, as in PyTorch: {@code [In]} with states {@code
 * [Hidden]}. The states are zeros when not given. {@link #forwardWithState} returns both next
 * states, as PyTorch's {@code (h_1, c_1)}; {@code forward} returns {@code h_1}.
 *
 * <p>Parameters, named as in PyTorch: {@code weight_ih} {@code [4*Hidden, In]}, {@code
 * weight_hh} {@code [4*Hidden, Hidden]}, {@code bias_ih} and {@code bias_hh} {@code
 * [4*Hidden]}, all uniform in {@code [-1/sqrt(Hidden), 1/sqrt(Hidden)]}.
 */
public final class LSTMCell extends RNNCellBase implements UnaryModule {
  private static final ForwardContract FORWARD =
      Guard.forward(LSTMCell.class, "input", "hx", "cx");

  /** A cell with biases, as {@code nn.LSTMCell(inputSize, hiddenSize)}. */
  public @Shape({"inputSize", "hiddenSize"}) LSTMCell(@Dim long inputSize, @Dim long hiddenSize) {
    this(inputSize, hiddenSize, true);
  }

  /**
   * A cell with or without biases, as {@code nn.LSTMCell(inputSize, hiddenSize, bias)}.
   *
   * @throws IllegalArgumentException if a size is not positive
   */
  public @Shape({"inputSize", "hiddenSize"}) LSTMCell(
      @Dim long inputSize, @Dim long hiddenSize, boolean bias) {
    super("LSTMCell", 4, inputSize, hiddenSize, bias);
  }

  /**
   * One step from zero states; returns the next hidden state, as {@code cell(input)[0]}.
   *
   * <p>Shape: {@code [N, In] -> [N, Hidden]}, or {@code [In] -> [Hidden]}.
   *
   * @throws dev.shapetorch.tensor.ShapeException as {@link #forwardWithState}
   */
  @Override
  public @Shape({"*b", "Hidden"}) Tensor forward(
      @Shape({"In", "Hidden"}) LSTMCell this, @Shape({"*b", "In"}) Tensor input) {
    return forwardWithState(input, null, null).h();
  }

  /**
   * One step from {@code hx} and {@code cx} (zeros when both are null); returns the next hidden
   * state, as {@code cell(input, (hx, cx))[0]}.
   *
   * <p>Shape: {@code [N, In], [N, Hidden], [N, Hidden] -> [N, Hidden]}, or unbatched {@code
   * [In], [Hidden], [Hidden] -> [Hidden]}.
   *
   * @throws dev.shapetorch.tensor.ShapeException as {@link #forwardWithState}
   */
  public @Shape({"*b", "Hidden"}) Tensor forward(
      @Shape({"In", "Hidden"}) LSTMCell this, @Shape({"*b", "In"}) Tensor input,
      @Nullable @Shape({"*b", "Hidden"}) Tensor hx,
      @Nullable @Shape({"*b", "Hidden"}) Tensor cx) {
    return forwardWithState(input, hx, cx).h();
  }

  /**
   * One step from {@code hx} and {@code cx} (zeros when both are null); returns both next
   * states, as {@code cell(input, (hx, cx))}.
   *
   * <p>Shape: as {@link #forward(Tensor, Tensor, Tensor)}; both results are {@code [N, Hidden]}
   * ({@code [Hidden]} unbatched). Checked at run time (the record is not typed).
   *
   * @throws IllegalArgumentException if one state is given without the other
   * @throws dev.shapetorch.tensor.ShapeException if the input is not 1-D or 2-D, its last dim
   *     is not {@code In}, or a state is not {@code [N, Hidden]} ({@code [Hidden]})
   */
  public LstmCellOutput forwardWithState(Tensor input, Tensor hx, Tensor cx) {
    return runForward(
        a -> forwardWithStateBody((Tensor) a.get(0), (Tensor) a.get(1), (Tensor) a.get(2)),
        input, hx, cx);
  }

  private LstmCellOutput forwardWithStateBody(Tensor input, Tensor hx, Tensor cx) {
    String op = "LSTMCell.forward";
    if ((hx == null) != (cx == null)) {
      throw Arguments.invalid(op, (hx == null ? "hx" : "cx") + " is null but "
          + (hx == null ? "cx" : "hx") + " is given; pass both states, or neither for zeros");
    }
    Tensor h = state(op, input, hx);
    Tensor c = state(op, input, cx);
    FORWARD.check(hyperparameters(), input, h, c);
    return Torch.lstmCell(input, h, c, weightIh().get(), weightHh().get(), bIh(), bHh());
  }
}
