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
 * One time step of an Elman network, {@code h' = tanh(x W_ih^T + b_ih + h W_hh^T + b_hh)} (or
 * with {@code relu}): PyTorch's {@code nn.RNNCell}.
 *
 * <p>Type: {@code @Shape({"In", "Hidden"}) RNNCell}.
 *
 * <p>Shape: {@code [N, In], [N, Hidden] -> [N, Hidden]}; unbatched, as in PyTorch: {@code [In],
 * [Hidden] -> [Hidden]}. The state is zeros when not given.
 *
 * <p>Parameters, named as in PyTorch: {@code weight_ih} {@code [Hidden, In]}, {@code weight_hh}
 * {@code [Hidden, Hidden]}, {@code bias_ih} and {@code bias_hh} {@code [Hidden]}, all uniform
 * in {@code [-1/sqrt(Hidden), 1/sqrt(Hidden)]}.
 */
public final class RNNCell extends RNNCellBase implements UnaryModule {
  private static final ForwardContract FORWARD = Guard.forward(RNNCell.class, "input", "hx");

  private final boolean relu;

  /** A tanh cell with biases, as {@code nn.RNNCell(inputSize, hiddenSize)}. */
  public @Shape({"inputSize", "hiddenSize"}) RNNCell(@Dim long inputSize, @Dim long hiddenSize) {
    this(inputSize, hiddenSize, true, "tanh");
  }

  /** A tanh cell with or without biases, as {@code nn.RNNCell(inputSize, hiddenSize, bias)}. */
  public @Shape({"inputSize", "hiddenSize"}) RNNCell(
      @Dim long inputSize, @Dim long hiddenSize, boolean bias) {
    this(inputSize, hiddenSize, bias, "tanh");
  }

  /**
   * Every option, in PyTorch's order, as {@code nn.RNNCell(3, 4, bias=True,
   * nonlinearity="relu")}.
   *
   * @param nonlinearity {@code "tanh"} or {@code "relu"}
   * @throws IllegalArgumentException if a size is not positive or the nonlinearity is another
   */
  public @Shape({"inputSize", "hiddenSize"}) RNNCell(
      @Dim long inputSize, @Dim long hiddenSize, boolean bias, String nonlinearity) {
    super("RNNCell", 1, inputSize, hiddenSize, bias);
    this.relu = isRelu(nonlinearity);
  }

  private static boolean isRelu(String nonlinearity) {
    if (!"tanh".equals(nonlinearity) && !"relu".equals(nonlinearity)) {
      throw new IllegalArgumentException("RNNCell: nonlinearity must be \"tanh\" or \"relu\","
          + " got " + (nonlinearity == null ? "null" : "\"" + nonlinearity + "\""));
    }
    return "relu".equals(nonlinearity);
  }

  /** {@code "tanh"} or {@code "relu"}, PyTorch's {@code nonlinearity}. */
  public String nonlinearity() {
    return relu ? "relu" : "tanh";
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
      @Shape({"In", "Hidden"}) RNNCell this, @Shape({"*b", "In"}) Tensor input) {
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
      @Shape({"In", "Hidden"}) RNNCell this, @Shape({"*b", "In"}) Tensor input,
      @Nullable @Shape({"*b", "Hidden"}) Tensor hx) {
    return runForward(a -> forwardBody((Tensor) a.get(0), (Tensor) a.get(1)), input, hx);
  }

  private Tensor forwardBody(Tensor input, Tensor hx) {
    Tensor h = state("RNNCell.forward", input, hx);
    FORWARD.check(hyperparameters(), input, h);
    return relu
        ? Torch.rnnReluCell(input, h, weightIh().get(), weightHh().get(), bIh(), bHh())
        : Torch.rnnTanhCell(input, h, weightIh().get(), weightHh().get(), bIh(), bHh());
  }

  @Override
  String extraRepr() {
    return relu ? ", nonlinearity=relu" : "";
  }
}
