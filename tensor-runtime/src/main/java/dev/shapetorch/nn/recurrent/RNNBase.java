package dev.shapetorch.nn.recurrent;

import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.Parameter;
import dev.shapetorch.nn.init.Init;
import dev.shapetorch.nn.internal.Checks;
import dev.shapetorch.nn.internal.RuleChecks;
import dev.shapetorch.shapes.rules.Rule;
import dev.shapetorch.shapes.rules.TensorShape;
import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.MemoryLimit;
import dev.shapetorch.tensor.ShapeException;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameters shared by {@link RNN}, {@link LSTM} and {@link GRU}, named and ordered as
 * PyTorch's {@code RNNBase}: for each layer {@code k} and direction ({@code ""} or {@code
 * "_reverse"}), {@code weight_ih_l<k>} {@code [G*H, In_k]}, {@code weight_hh_l<k>} {@code [G*H,
 * H]}, {@code bias_ih_l<k>} and {@code bias_hh_l<k>} {@code [G*H]}, all uniform in {@code
 * [-1/sqrt(H), 1/sqrt(H)]}; {@code In_0} is the input size, later layers take {@code
 * directions * H}.
 */
final class RecurrentCore {
  final String layer;
  final long[] hyper;
  final long gates;
  final boolean bias;
  final double dropout;
  final Map<String, Parameter> params = new LinkedHashMap<>();

  RecurrentCore(String layer, long gates, long inputSize, long hiddenSize, long numLayers,
      long bidirectional, long batchFirst, boolean bias, double dropout) {
    Checks.positive(layer, "inputSize", inputSize);
    Checks.positive(layer, "hiddenSize", hiddenSize);
    Checks.positive(layer, "numLayers", numLayers);
    flag(layer, "bidirectional", bidirectional);
    flag(layer, "batchFirst", batchFirst);
    Checks.probability(layer, dropout);
    this.layer = layer;
    this.hyper = new long[] {inputSize, hiddenSize, numLayers, bidirectional, batchFirst};
    this.gates = gates;
    this.bias = bias;
    this.dropout = dropout;
    double bound = 1.0 / Math.sqrt(hiddenSize);
    long directions = bidirectional + 1;
    requireAllocatable(layer, gates, inputSize, hiddenSize, numLayers, directions, bias);
    for (long k = 0; k < numLayers; k++) {
      long in = k == 0 ? inputSize : hiddenSize * directions;
      for (long d = 0; d < directions; d++) {
        String suffix = "_l" + k + (d == 1 ? "_reverse" : "");
        add("weight_ih" + suffix, bound, gates * hiddenSize, in);
        add("weight_hh" + suffix, bound, gates * hiddenSize, hiddenSize);
        if (bias) {
          add("bias_ih" + suffix, bound, gates * hiddenSize);
          add("bias_hh" + suffix, bound, gates * hiddenSize);
        }
      }
    }
  }

  /**
   * Refuses, before the first tensor is made, parameters that cannot exist: their count
   * overflows a long, or their bytes (with about 1 KiB of bookkeeping per tensor) exceed the
   * machine's memory. Without it an absurd {@code numLayers} loops for hours and a huge size
   * dies in the allocator.
   */
  private static void requireAllocatable(String layer, long gates, long inputSize,
      long hiddenSize, long numLayers, long directions, boolean bias) {
    long perTensorOverhead = 256; // floats, i.e. 1 KiB per tensor
    long tensorsPerLayer = bias ? 4 : 2;
    long total;
    try {
      long rows = Math.multiplyExact(gates, hiddenSize);
      long biases = bias ? 2 * rows : 0;
      long first = Math.addExact(Math.multiplyExact(rows, Math.addExact(inputSize, hiddenSize)),
          biases);
      long later = Math.addExact(Math.multiplyExact(rows,
          Math.addExact(Math.multiplyExact(hiddenSize, directions), hiddenSize)), biases);
      long perDirection = Math.addExact(first, Math.multiplyExact(numLayers - 1, later));
      long tensors = Math.multiplyExact(Math.multiplyExact(numLayers, directions),
          tensorsPerLayer);
      total = Math.addExact(Math.multiplyExact(perDirection, directions),
          Math.multiplyExact(tensors, perTensorOverhead));
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(layer + ": inputSize " + inputSize + ", hiddenSize "
          + hiddenSize + " and numLayers " + numLayers
          + " give more parameters than a 64-bit count can hold; use smaller sizes");
    }
    MemoryLimit.require(layer, "the parameters (inputSize " + inputSize + ", hiddenSize "
        + hiddenSize + ", numLayers " + numLayers + ")", new long[] {total}, DType.FLOAT32);
  }

  private static void flag(String layer, String name, long value) {
    if (value != 0 && value != 1) {
      throw new IllegalArgumentException(
          layer + ": " + name + " must be 0 or 1 (it is part of the type), got " + value);
    }
  }

  private void add(String name, double bound, long... shape) {
    params.put(name, new Parameter(Init.uniform_(Torch.empty(shape), -bound, bound)));
  }

  long inputSize() {
    return hyper[0];
  }

  long hiddenSize() {
    return hyper[1];
  }

  long numLayers() {
    return hyper[2];
  }

  boolean bidirectional() {
    return hyper[3] == 1;
  }

  boolean batchFirst() {
    return hyper[4] == 1;
  }

  /** The parameters' current tensors, in ATen's order. */
  List<Tensor> flatWeights() {
    List<Tensor> out = new ArrayList<>(params.size());
    for (Parameter p : params.values()) {
      out.add(p.get());
    }
    return out;
  }

  /**
   * Checks {@code input} against the hyperparameters ({@link Rule#RECURRENT}, as the checker
   * does for {@code forward}).
   *
   * @throws ShapeException {@code [shape.rank]} or {@code [shape.mismatch.rnn.input]}
   */
  void checkInput(String op, Tensor input) {
    RuleChecks.check(Rule.RECURRENT, op, RuleChecks.module(hyper), RuleChecks.tensor(input));
  }

  /**
   * The given initial state, checked ({@link Rule#RECURRENT_HIDDEN}), or zeros of the shape the
   * rule gives: {@code [D*Layers, N, Hidden]}, unbatched {@code [D*Layers, Hidden]}.
   */
  Tensor state(String op, Tensor input, Tensor given) {
    TensorShape want = RuleChecks.check(Rule.RECURRENT_HIDDEN, op, RuleChecks.module(hyper),
        RuleChecks.tensor(input), RuleChecks.tensor(given));
    return given != null ? given : Torch.zeros(want.toArray(), input.dtype(), input.device());
  }

  void visit(ModuleVisitor visitor) {
    params.forEach(visitor::parameter);
  }

  String describe() {
    StringBuilder sb = new StringBuilder(layer).append('(').append(hyper[0]).append(", ")
        .append(hyper[1]);
    if (hyper[2] != 1) {
      sb.append(", num_layers=").append(hyper[2]);
    }
    if (!bias) {
      sb.append(", bias=False");
    }
    if (batchFirst()) {
      sb.append(", batch_first=True");
    }
    if (dropout != 0) {
      sb.append(", dropout=").append(Checks.pyFloat(dropout));
    }
    if (bidirectional()) {
      sb.append(", bidirectional=True");
    }
    return sb.append(')').toString();
  }
}
