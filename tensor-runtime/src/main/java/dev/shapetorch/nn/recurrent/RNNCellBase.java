package dev.shapetorch.nn.recurrent;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.nn.AbstractModule;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.Parameter;
import dev.shapetorch.nn.init.Init;
import dev.shapetorch.nn.internal.Checks;
import dev.shapetorch.shapes.rules.ShapeMismatch;
import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.MemoryLimit;
import dev.shapetorch.tensor.ShapeException;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/**
 * What {@link RNNCell}, {@link LSTMCell} and {@link GRUCell} share, as PyTorch's {@code
 * RNNCellBase}: the sizes, the parameters, the check of an input's rank and the zero state.
 * Package-private: each cell declares its own typed {@code forward}.
 *
 * <p>Shape: type {@code @Shape({"In", "Hidden"})}; input {@code [N, In]} or {@code [In]},
 * states {@code [N, Hidden]} or {@code [Hidden]}. Parameters, named as PyTorch's: {@code
 * weight_ih} {@code [G*Hidden, In]}, {@code weight_hh} {@code [G*Hidden, Hidden]}, {@code
 * bias_ih} and {@code bias_hh} {@code [G*Hidden]}, all uniform in {@code [-1/sqrt(Hidden),
 * 1/sqrt(Hidden)]}; {@code G} is 1 (RNN), 3 (GRU) or 4 (LSTM).
 */
abstract class RNNCellBase extends AbstractModule {
  private final String layer;
  private final long inputSize;
  private final long hiddenSize;
  private final boolean bias;
  private final Parameter weightIh;
  private final Parameter weightHh;
  private final Parameter biasIh;
  private final Parameter biasHh;

  RNNCellBase(String layer, long gates, long inputSize, long hiddenSize, boolean bias) {
    Checks.positive(layer, "inputSize", inputSize);
    Checks.positive(layer, "hiddenSize", hiddenSize);
    long total;
    try {
      long rows = Math.multiplyExact(gates, hiddenSize);
      total = Math.addExact(Math.multiplyExact(rows, Math.addExact(inputSize, hiddenSize)),
          2 * rows);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(layer + ": inputSize " + inputSize + " and hiddenSize "
          + hiddenSize + " give more parameters than a 64-bit count can hold; use smaller sizes");
    }
    MemoryLimit.require(layer, "the parameters (inputSize " + inputSize + ", hiddenSize "
        + hiddenSize + ")", new long[] {total}, DType.FLOAT32);
    this.layer = layer;
    this.inputSize = inputSize;
    this.hiddenSize = hiddenSize;
    this.bias = bias;
    double bound = 1.0 / Math.sqrt(hiddenSize);
    long rows = gates * hiddenSize;
    weightIh = uniform(bound, rows, inputSize);
    weightHh = uniform(bound, rows, hiddenSize);
    biasIh = bias ? uniform(bound, rows) : null;
    biasHh = bias ? uniform(bound, rows) : null;
  }

  private static Parameter uniform(double bound, long... shape) {
    return new Parameter(Init.uniform_(Torch.empty(shape), -bound, bound));
  }

  /** The input's feature size, PyTorch's {@code input_size}. */
  public long inputSize() {
    return inputSize;
  }

  /** The state's feature size, PyTorch's {@code hidden_size}. */
  public long hiddenSize() {
    return hiddenSize;
  }

  /** Whether the cell has biases, PyTorch's {@code bias}. */
  public boolean bias() {
    return bias;
  }

  /** The type's vector, {@code [In, Hidden]}: what {@code forward} is checked with. */
  public long[] hyperparameters() {
    return new long[] {inputSize, hiddenSize};
  }

  /** {@code weight_ih}, {@code [G*Hidden, In]}. */
  public Parameter weightIh() {
    return weightIh;
  }

  /** {@code weight_hh}, {@code [G*Hidden, Hidden]}. */
  public Parameter weightHh() {
    return weightHh;
  }

  /** {@code bias_ih}, {@code [G*Hidden]}, or null without biases. */
  public Parameter biasIh() {
    return biasIh;
  }

  /** {@code bias_hh}, {@code [G*Hidden]}, or null without biases. */
  public Parameter biasHh() {
    return biasHh;
  }

  Tensor bIh() {
    return Checks.value(biasIh);
  }

  Tensor bHh() {
    return Checks.value(biasHh);
  }

  /**
   * Checks that {@code input} is one step ({@code [N, In]} or {@code [In]}) and returns {@code
   * given}, or zeros {@code [N, Hidden]} ({@code [Hidden]}) of the input's dtype and device when
   * it is null, as PyTorch's cells do.
   */
  Tensor state(String op, Tensor input, Tensor given) {
    if (input == null) {
      throw Arguments.invalid(op, "input is null; pass a tensor");
    }
    if (input.dim() != 1 && input.dim() != 2) {
      throw new ShapeException(ShapeMismatch.of("shape.rank", op, "input is "
          + input.shapeOf() + "; a cell takes one time step, [N, " + inputSize + "] or unbatched ["
          + inputSize + "]: loop over the sequence, or use " + layer.replace("Cell", "")
          + " for whole sequences"));
    }
    if (given != null) {
      return given;
    }
    long[] shape = input.dim() == 2 ? new long[] {input.size(0), hiddenSize}
        : new long[] {hiddenSize};
    return Torch.zeros(shape, input.dtype(), input.device());
  }

  @Override
  public void visitChildren(ModuleVisitor visitor) {
    Arguments.requireNonNull(visitor, "visitor");
    visitor.parameter("weight_ih", weightIh);
    visitor.parameter("weight_hh", weightHh);
    visitor.parameter("bias_ih", biasIh);
    visitor.parameter("bias_hh", biasHh);
  }

  /** What PyTorch's repr adds after the sizes (an RNN cell's nonlinearity). */
  String extraRepr() {
    return "";
  }

  /** As PyTorch prints it: {@code LSTMCell(3, 4)}, {@code RNNCell(3, 4, bias=False)}. */
  @Override
  public String toString() {
    return layer + "(" + inputSize + ", " + hiddenSize + (bias ? "" : ", bias=False")
        + extraRepr() + ")";
  }

}
