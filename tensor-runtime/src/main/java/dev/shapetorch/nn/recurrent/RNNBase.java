package dev.shapetorch.nn.recurrent;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.internal.ForwardContract;
import dev.shapetorch.internal.Guard;
import dev.shapetorch.nn.AbstractModule;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.Parameter;
import dev.shapetorch.nn.UnaryModule;
import dev.shapetorch.nn.init.Init;
import dev.shapetorch.nn.internal.Checks;
import dev.shapetorch.nn.utils.PackedSequence;
import dev.shapetorch.shapes.rules.Rule;
import dev.shapetorch.shapes.rules.TensorShape;
import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.LstmOutput;
import dev.shapetorch.tensor.MemoryLimit;
import dev.shapetorch.tensor.RnnOutput;
import dev.shapetorch.tensor.ShapeException;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link RNN}, {@link GRU} and {@link LSTM} share, as PyTorch's {@code RNNBase}: the
 * hyperparameters ({@link RecurrentSpec}), the parameters, the checks of the input and the
 * initial states, and the repr. Package-private: each layer declares its own typed {@code
 * forward} and {@code finalHidden}, which the Shape Checker reads per class.
 *
 * <p>Shape: as {@link RecurrentSpec} says. The parameters, named and ordered as PyTorch's: for
 * each layer {@code k} and direction ({@code ""} or {@code "_reverse"}), {@code weight_ih_l<k>}
 * {@code [G*H, In_k]}, {@code weight_hh_l<k>} {@code [G*H, H]}, {@code bias_ih_l<k>} and {@code
 * bias_hh_l<k>} {@code [G*H]}, all uniform in {@code [-1/sqrt(H), 1/sqrt(H)]}; {@code G} is the
 * mode's gate count, {@code In_0} the input size, later layers take {@code D * H}.
 */
abstract class RNNBase extends AbstractModule implements UnaryModule {

  /** PyTorch's {@code mode}: which cell, so which layer name and how many gates. */
  enum Mode {
    RNN_TANH("RNN", 1),
    RNN_RELU("RNN", 1),
    GRU("GRU", 3),
    LSTM("LSTM", 4);

    final String layer;
    final long gates;

    Mode(String layer, long gates) {
      this.layer = layer;
      this.gates = gates;
    }

    /** RNN's mode for its {@code nonlinearity}. */
    static Mode rnn(String nonlinearity) {
      if ("tanh".equals(nonlinearity)) {
        return RNN_TANH;
      }
      if ("relu".equals(nonlinearity)) {
        return RNN_RELU;
      }
      throw new IllegalArgumentException(
          "RNN: nonlinearity must be \"tanh\" or \"relu\", got \"" + nonlinearity + "\"");
    }
  }

  final Mode mode;
  final RecurrentSpec spec;
  /** {@link RecurrentSpec#typeDims}, made once: every forward checks against it. */
  private final long[] typeDims;
  /** The declaration of the layer's typed {@code forward} from given states. */
  private final ForwardContract stateContract;
  private final Map<String, Parameter> params = new LinkedHashMap<>();

  /**
   * Checks the arguments under the layer's name, then makes the parameters; {@code
   * stateContract} is {@link Guard#forward} of the layer's typed {@code forward} from states.
   */
  RNNBase(Mode mode, ForwardContract stateContract, long inputSize, long hiddenSize,
      long numLayers, boolean bias, boolean batchFirst, double dropout, boolean bidirectional) {
    this.mode = mode;
    this.spec = RecurrentSpec.of(mode.layer, inputSize, hiddenSize, numLayers, bias, batchFirst,
        dropout, bidirectional);
    this.typeDims = spec.typeDims();
    this.stateContract = stateContract;
    requireAllocatable(mode.layer, mode.gates, spec);
    double bound = 1.0 / Math.sqrt(hiddenSize);
    long rows = mode.gates * hiddenSize;
    for (long k = 0; k < numLayers; k++) {
      long in = k == 0 ? inputSize : hiddenSize * spec.directions();
      for (long d = 0; d < spec.directions(); d++) {
        String suffix = "_l" + k + (d == 1 ? "_reverse" : "");
        add("weight_ih" + suffix, bound, rows, in);
        add("weight_hh" + suffix, bound, rows, hiddenSize);
        if (bias) {
          add("bias_ih" + suffix, bound, rows);
          add("bias_hh" + suffix, bound, rows);
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
  private static void requireAllocatable(String layer, long gates, RecurrentSpec spec) {
    long inputSize = spec.inputSize();
    long hiddenSize = spec.hiddenSize();
    long numLayers = spec.numLayers();
    long directions = spec.directions();
    long perTensorOverhead = 256; // floats, i.e. 1 KiB per tensor
    long tensorsPerLayer = spec.bias() ? 4 : 2;
    long total;
    try {
      long rows = Math.multiplyExact(gates, hiddenSize);
      long biases = spec.bias() ? 2 * rows : 0;
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

  private void add(String name, double bound, long... shape) {
    params.put(name, new Parameter(Init.uniform_(Torch.empty(shape), -bound, bound)));
  }

  /** The hyperparameters, as PyTorch's constructor arguments. */
  public RecurrentSpec spec() {
    return spec;
  }

  /** The hyperparameters in the type's order: In, Hidden, Layers, Bidirectional, BatchFirst. */
  public long[] hyperparameters() {
    return typeDims.clone();
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
   * Checks {@code input} and the given initial states (each null when absent) against the
   * hyperparameters by the rule that the layer's typed {@code forward} from states declares
   * ({@link Rule#RECURRENT_HIDDEN}, read once by {@link Guard#forward}: the check the checker
   * makes), and returns the states to run from: each given one, or zeros of the shape the rule
   * gives, {@code [D*Layers, N, Hidden]} (unbatched {@code [D*Layers, Hidden]}).
   *
   * @throws ShapeException {@code [shape.rank]} or {@code [shape.mismatch.rnn.input]}
   */
  Tensor[] states(String op, Tensor input, Tensor... given) {
    if (input == null) {
      throw Arguments.invalid(op, "input is null; pass a tensor");
    }
    Tensor[] inputs = new Tensor[given.length + 1];
    inputs[0] = input;
    System.arraycopy(given, 0, inputs, 1, given.length);
    TensorShape want = stateContract.checkAllowingAbsent(typeDims, inputs);
    Tensor[] out = new Tensor[given.length];
    for (int i = 0; i < given.length; i++) {
      out[i] = given[i] != null ? given[i]
          : Torch.zeros(want.toArray(), input.dtype(), input.device());
    }
    return out;
  }

  /**
   * Runs the network over a packed batch, as PyTorch's {@code RNNBase.forward} does for a
   * {@code PackedSequence}: the given states (zeros when null) are put in the packing's sorted
   * order, the packed kernel runs, and the final states come back in the input's order.
   *
   * @param c0 the initial cell state for an LSTM; ignored otherwise
   */
  PackedRecurrentOutput runPacked(String op, PackedSequence input, Tensor h0, Tensor c0) {
    Arguments.requireNonNull(input, "input");
    Tensor data = input.data();
    long[] want = {spec.numLayers() * spec.directions(), input.batchSize(), spec.hiddenSize()};
    Tensor h = sorted(input, h0, want, data);
    boolean lstm = mode == Mode.LSTM;
    Tensor c = lstm ? sorted(input, c0, want, data) : null;
    List<Tensor> w = flatWeights();
    Tensor out;
    Tensor hN;
    Tensor cN = null;
    if (lstm) {
      LstmOutput r = Torch.lstm(data, input.batchSizes(), h, c, w, spec.bias(),
          spec.numLayers(), spec.dropout(), isTraining(), spec.bidirectional());
      out = r.output();
      hN = r.hN();
      cN = r.cN();
    } else {
      RnnOutput r = switch (mode) {
        case RNN_TANH -> Torch.rnnTanh(data, input.batchSizes(), h, w, spec.bias(),
            spec.numLayers(), spec.dropout(), isTraining(), spec.bidirectional());
        case RNN_RELU -> Torch.rnnRelu(data, input.batchSizes(), h, w, spec.bias(),
            spec.numLayers(), spec.dropout(), isTraining(), spec.bidirectional());
        default -> Torch.gru(data, input.batchSizes(), h, w, spec.bias(), spec.numLayers(),
            spec.dropout(), isTraining(), spec.bidirectional());
      };
      out = r.output();
      hN = r.hN();
    }
    Tensor unsorted = input.unsortedIndices();
    if (unsorted != null) {
      hN = hN.indexSelect(1, unsorted);
      cN = cN == null ? null : cN.indexSelect(1, unsorted);
    }
    return new PackedRecurrentOutput(input.withData(out), hN, cN);
  }

  /**
   * A given state in the packing's sorted order, or zeros of the shape {@code want}. A state
   * of another shape goes to the kernel as it is, whose check names the shape required.
   */
  private static Tensor sorted(PackedSequence input, Tensor state, long[] want, Tensor data) {
    if (state == null) {
      return Torch.zeros(want, data.dtype(), data.device());
    }
    if (input.sortedIndices() == null || !java.util.Arrays.equals(state.shape(), want)) {
      return state;
    }
    return state.indexSelect(1, input.sortedIndices().to(state.device()));
  }

  @Override
  public void visitChildren(ModuleVisitor visitor) {
    Arguments.requireNonNull(visitor, "visitor");
    params.forEach(visitor::parameter);
  }

  /**
   * As PyTorch prints it: {@code LSTM(3, 4, num_layers=2, batch_first=True)}; an RNN's
   * nonlinearity is not printed, as in PyTorch.
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(mode.layer).append('(').append(spec.inputSize())
        .append(", ").append(spec.hiddenSize());
    if (spec.numLayers() != 1) {
      sb.append(", num_layers=").append(spec.numLayers());
    }
    if (!spec.bias()) {
      sb.append(", bias=False");
    }
    if (spec.batchFirst()) {
      sb.append(", batch_first=True");
    }
    if (spec.dropout() != 0) {
      sb.append(", dropout=").append(Checks.pyFloat(spec.dropout()));
    }
    if (spec.bidirectional()) {
      sb.append(", bidirectional=True");
    }
    return sb.append(')').toString();
  }
}
