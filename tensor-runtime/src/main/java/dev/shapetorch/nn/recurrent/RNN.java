package dev.shapetorch.nn.recurrent;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.internal.ForwardContract;
import dev.shapetorch.internal.Guard;
import dev.shapetorch.nn.UnaryModule;
import dev.shapetorch.nn.utils.PackedSequence;
import dev.shapetorch.shapes.Dim;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.shapes.ShapeRule;
import dev.shapetorch.shapes.rules.Rule;
import dev.shapetorch.tensor.RnnOutput;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/**
 * A multi-layer Elman network over whole sequences, {@code h' = tanh(W_ih x + b_ih + W_hh h +
 * b_hh)} (or with {@code relu}): PyTorch's {@code nn.RNN}.
 *
 * <p>Type: {@code @Shape({"In", "Hidden", "Layers", "Bidirectional", "BatchFirst"}) RNN}, as
 * {@link LSTM}'s; {@link #spec()} gives the hyperparameters by name.
 *
 * <p>Shape: {@code [L, N, In] -> [L, N, D*Hidden]}, or batch first {@code [N, L, In] -> [N, L,
 * D*Hidden]}; state {@code [D*Layers, N, Hidden]}. Unbatched, as in PyTorch: {@code [L, In] ->
 * [L, D*Hidden]}, state {@code [D*Layers, Hidden]}.
 *
 * <p>Parameters, named as in PyTorch, for each layer {@code k} and direction (suffix {@code
 * _reverse} for the backward one): {@code weight_ih_lk} {@code [G*Hidden, In_k]}, {@code
 * weight_hh_lk} {@code [G*Hidden, Hidden]}, {@code bias_ih_lk}, {@code bias_hh_lk} {@code
 * [G*Hidden]}, all uniform in {@code [-1/sqrt(Hidden), 1/sqrt(Hidden)]}; {@code G} is 1 here,
 * 3 for GRU, 4 for LSTM; {@code In_0} is {@code In}, later layers take {@code D*Hidden}.
 */
public final class RNN extends RNNBase implements UnaryModule {
  /** The declaration of {@code forward} from given states, which every forward checks by. */
  private static final ForwardContract STATES = Guard.forward(RNN.class, "input", "h0");

  /**
   * One unidirectional, sequence-first tanh layer with biases, as {@code nn.RNN(inputSize,
   * hiddenSize)}.
   */
  public @Shape({"inputSize", "hiddenSize", "1", "0", "0"}) RNN(
      @Dim long inputSize, @Dim long hiddenSize) {
    this(inputSize, hiddenSize, 1, "tanh", true, false, 0.0, false);
  }

  /** {@code numLayers} stacked unidirectional, sequence-first tanh layers with biases. */
  public @Shape({"inputSize", "hiddenSize", "numLayers", "0", "0"}) RNN(
      @Dim long inputSize, @Dim long hiddenSize, @Dim long numLayers) {
    this(inputSize, hiddenSize, numLayers, "tanh", true, false, 0.0, false);
  }

  /**
   * The sizes and PyTorch's keyword arguments but {@code nonlinearity} (tanh), as {@code
   * nn.RNN(10, 20, batch_first=True)}: {@code new RNN(10, 20,
   * RecurrentOptions.defaults().withBatchFirst(true))}. The options' type becomes the layer's.
   *
   * @throws IllegalArgumentException if a size is not positive or {@code options} is null
   */
  public @Shape({"inputSize", "hiddenSize", "Layers", "Bidirectional", "BatchFirst"}) RNN(
      @Dim long inputSize, @Dim long hiddenSize,
      @Shape({"Layers", "Bidirectional", "BatchFirst"}) RecurrentOptions options) {
    this(inputSize, hiddenSize, "tanh", options);
  }

  /**
   * As {@link #RNN(long, long, RecurrentOptions)} with a nonlinearity, as {@code nn.RNN(10, 20,
   * nonlinearity="relu", ...)}.
   *
   * @param nonlinearity {@code "tanh"} or {@code "relu"}
   * @throws IllegalArgumentException if a size is not positive, the nonlinearity is another or
   *     {@code options} is null
   */
  public @Shape({"inputSize", "hiddenSize", "Layers", "Bidirectional", "BatchFirst"}) RNN(
      @Dim long inputSize, @Dim long hiddenSize, String nonlinearity,
      @Shape({"Layers", "Bidirectional", "BatchFirst"}) RecurrentOptions options) {
    this(inputSize, hiddenSize, Arguments.requireNonNull(options, "options").numLayers(),
        nonlinearity, options.bias(), options.batchFirst(), options.dropout(),
        options.bidirectional());
  }

  /**
   * Every option, in PyTorch's positional order; the two flags that are part of the type are
   * read by the Shape Checker when they are constants ({@code true} is 1, {@code false} 0).
   *
   * @param nonlinearity {@code "tanh"} or {@code "relu"}
   * @param bias whether the layers have biases
   * @param batchFirst true if inputs and outputs are {@code [N, L, *]}, false for {@code [L, N,
   *     *]}
   * @param dropout dropout on the outputs of every layer but the last, in training mode
   * @param bidirectional true for a bidirectional network
   */
  public @Shape({"inputSize", "hiddenSize", "numLayers", "bidirectional", "batchFirst"}) RNN(
      @Dim long inputSize, @Dim long hiddenSize, @Dim long numLayers, String nonlinearity,
      boolean bias, @Dim boolean batchFirst, double dropout, @Dim boolean bidirectional) {
    super(Mode.rnn(nonlinearity), STATES, inputSize, hiddenSize, numLayers, bias, batchFirst,
        dropout, bidirectional);
  }

  /** A unidirectional, batch-first tanh network with biases: inputs {@code [N, L, In]}. */
  public static @Shape({"inputSize", "hiddenSize", "numLayers", "0", "1"}) RNN batchFirst(
      @Dim long inputSize, @Dim long hiddenSize, @Dim long numLayers) {
    return new RNN(inputSize, hiddenSize, numLayers, "tanh", true, true, 0.0, false);
  }

  /**
   * Runs the network from a zero state and returns the output sequence.
   *
   * <p>Shape: {@code [L, N, In] -> [L, N, D*Hidden]} (batch first: {@code [N, L, In] -> [N, L,
   * D*Hidden]}).
   */
  @Override
  @ShapeRule(value = Rule.RECURRENT, args = {"this", "input"})
  public Tensor forward(Tensor input) {
    return forwardWithState(input, null).output();
  }

  /**
   * Runs the network from {@code h0} (zeros when null) and returns the output sequence, as
   * {@code rnn(input, h0)[0]}.
   *
   * <p>Shape: {@code [L, N, In] -> [L, N, D*Hidden]} (batch first: {@code [N, L, In] -> [N, L,
   * D*Hidden]}); {@code h0} is {@code [D*Layers, N, Hidden]}. The checker runs {@link
   * Rule#RECURRENT_HIDDEN} on {@code h0}: an {@code h0} whose batch size is not the dim the
   * layout says is the batch (batch-first data fed to a sequence-first network, or the
   * reverse) is a compile error.
   *
   * @throws dev.shapetorch.tensor.ShapeException as {@link #forwardWithState}
   */
  @ShapeRule(value = Rule.RECURRENT_HIDDEN, args = {"this", "input", "h0", "null"})
  public @Shape({"*s", "(Bidirectional+1)*Hidden"}) Tensor forward(
      @Shape({"In", "Hidden", "Layers", "Bidirectional", "BatchFirst"}) RNN this,
      @Shape({"*s", "In"}) Tensor input, Tensor h0) {
    return forwardWithState(input, h0).output();
  }

  /**
   * Runs the network from a zero state and returns only the final hidden state, as {@code
   * rnn(input)[1]}.
   *
   * <p>Shape: {@code [D*Layers, N, Hidden]} ({@link Rule#RECURRENT_HIDDEN}), {@code N} being
   * the input's dim 1, or its dim 0 when batch-first; unbatched {@code [L, In] -> [D*Layers,
   * Hidden]}.
   */
  @ShapeRule(value = Rule.RECURRENT_HIDDEN, args = {"this", "input", "null", "null"})
  public Tensor finalHidden(Tensor input) {
    return forwardWithState(input, null).hN();
  }

  /**
   * Runs the network from {@code h0} (zeros when null) and returns only the final hidden
   * state, as {@code rnn(input, h0)[1]}.
   *
   * <p>Shape: {@code h0} and the result are {@code [D*Layers, N, Hidden]} ({@link
   * Rule#RECURRENT_HIDDEN}, checked at compile time as for {@link #forward(Tensor, Tensor)}).
   *
   * @throws dev.shapetorch.tensor.ShapeException as {@link #forwardWithState}
   */
  @ShapeRule(value = Rule.RECURRENT_HIDDEN, args = {"this", "input", "h0", "null"})
  public Tensor finalHidden(Tensor input, Tensor h0) {
    return forwardWithState(input, h0).hN();
  }

  /**
   * Runs the network from {@code h0} (zeros when null); returns the output and final state.
   *
   * <p>Shape: as {@link #forward}; {@code h0} and the final state are {@code [D*Layers, N,
   * Hidden]}, checked at run time only (the record is not typed); {@link #forward(Tensor,
   * Tensor)} and {@link #finalHidden(Tensor, Tensor)} are the typed ways to pass {@code h0}.
   *
   * @throws dev.shapetorch.tensor.ShapeException if the input's feature size is not {@code
   *     In} or {@code h0}'s shape does not fit the input
   */
  public RnnOutput forwardWithState(Tensor input, Tensor h0) {
    return runForward(a -> forwardWithStateBody((Tensor) a.get(0), (Tensor) a.get(1)), input, h0);
  }

  private RnnOutput forwardWithStateBody(Tensor input, Tensor h0) {
    String op = "RNN.forward";
    Tensor h = states(op, input, h0)[0];
    if (mode == Mode.RNN_RELU) {
      return Torch.rnnRelu(input, h, flatWeights(), spec.bias(), spec.numLayers(),
          spec.dropout(), isTraining(), spec.bidirectional(), spec.batchFirst());
    }
    return Torch.rnnTanh(input, h, flatWeights(), spec.bias(), spec.numLayers(), spec.dropout(),
        isTraining(), spec.bidirectional(), spec.batchFirst());
  }

  /**
   * Runs the network over a packed batch from zero states, as {@code rnn(packed)[0]}:
   * each sequence stops at its own length, so padding never enters the states.
   *
   * <p>Shape: data {@code [S, In] -> [S, D*Hidden]}, packed as the input ({@link
   * dev.shapetorch.nn.utils.Sequences}); the layout flag does not apply.
   *
   * @throws IllegalArgumentException if the data's feature size is not {@code In}
   */
  public PackedSequence forward(PackedSequence input) {
    return forwardWithState(input, null).output();
  }

  /**
   * Runs the network over a packed batch from {@code h0} (zeros when null), as {@code
   * rnn(packed, h0)}: {@code h0} and the final state are in the order the sequences were
   * given in, whatever order packing sorted them into.
   *
   * <p>Shape: data {@code [S, In] -> [S, D*Hidden]}; {@code h0} and the final state {@code
   * [D*Layers, N, Hidden]}, the final state holding each sequence's state after its own last
   * step.
   *
   * @throws IllegalArgumentException if the data's feature size is not {@code In} or {@code
   *     h0} is not {@code [D*Layers, N, Hidden]}
   */
  public PackedRecurrentOutput forwardWithState(PackedSequence input, Tensor h0) {
    return runForward(
        a -> forwardWithStateBody((PackedSequence) a.get(0), (Tensor) a.get(1)),
        input, h0);
  }

  private PackedRecurrentOutput forwardWithStateBody(PackedSequence input, Tensor h0) {
    return runPacked("RNN.forward", input, h0, null);
  }
}
