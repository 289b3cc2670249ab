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
 * A multi-layer gated recurrent unit network over whole sequences: PyTorch's {@code nn.GRU}.
 *
 * <p>Type: {@code @Shape({"In", "Hidden", "Layers", "Bidirectional", "BatchFirst"}) GRU}, as
 * {@link LSTM}'s; {@link #spec()} gives the hyperparameters by name.
 *
 * <p>Shape: {@code [L, N, In] -> [L, N, D*Hidden]}, or batch first {@code [N, L, In] -> [N, L,
 * D*Hidden]}; state {@code [D*Layers, N, Hidden]}. Unbatched, as in PyTorch: {@code [L, In] ->
 * [L, D*Hidden]}, state {@code [D*Layers, Hidden]}.
 *
 * <p>Parameters: see {@link RNN} (with 3 gates: reset, update, new).
 */
public final class GRU extends RNNBase implements UnaryModule {
  /** The declaration of {@code forward} from given states, which every forward checks by. */
  private static final ForwardContract STATES = Guard.forward(GRU.class, "input", "h0");

  /**
   * One unidirectional, sequence-first layer with biases, as {@code nn.GRU(inputSize,
   * hiddenSize)}.
   */
  public @Shape({"inputSize", "hiddenSize", "1", "0", "0"}) GRU(
      @Dim long inputSize, @Dim long hiddenSize) {
    this(inputSize, hiddenSize, 1, true, false, 0.0, false);
  }

  /** {@code numLayers} stacked unidirectional, sequence-first layers with biases. */
  public @Shape({"inputSize", "hiddenSize", "numLayers", "0", "0"}) GRU(
      @Dim long inputSize, @Dim long hiddenSize, @Dim long numLayers) {
    this(inputSize, hiddenSize, numLayers, true, false, 0.0, false);
  }

  /**
   * The sizes and PyTorch's keyword arguments, as {@code nn.GRU(10, 20, num_layers=2,
   * batch_first=True)}: {@code new GRU(10, 20,
   * RecurrentOptions.defaults().withNumLayers(2).withBatchFirst(true))}. The options' type
   * ({@code Layers}, {@code Bidirectional}, {@code BatchFirst}) becomes the layer's.
   *
   * @throws IllegalArgumentException if a size is not positive or {@code options} is null
   */
  public @Shape({"inputSize", "hiddenSize", "Layers", "Bidirectional", "BatchFirst"}) GRU(
      @Dim long inputSize, @Dim long hiddenSize,
      @Shape({"Layers", "Bidirectional", "BatchFirst"}) RecurrentOptions options) {
    this(inputSize, hiddenSize, Arguments.requireNonNull(options, "options").numLayers(),
        options.bias(), options.batchFirst(), options.dropout(), options.bidirectional());
  }

  /**
   * Every option, in PyTorch's positional order; the two flags that are part of the type are
   * read by the Shape Checker when they are constants ({@code true} is 1, {@code false} 0).
   *
   * @param bias whether the layers have biases
   * @param batchFirst true if inputs and outputs are {@code [N, L, *]}, false for {@code [L, N,
   *     *]}
   * @param dropout dropout on the outputs of every layer but the last, in training mode
   * @param bidirectional true for a bidirectional network
   */
  public @Shape({"inputSize", "hiddenSize", "numLayers", "bidirectional", "batchFirst"}) GRU(
      @Dim long inputSize, @Dim long hiddenSize, @Dim long numLayers, boolean bias,
      @Dim boolean batchFirst, double dropout, @Dim boolean bidirectional) {
    super(Mode.GRU, STATES, inputSize, hiddenSize, numLayers, bias, batchFirst, dropout,
        bidirectional);
  }

  /** A unidirectional, batch-first network with biases: inputs {@code [N, L, In]}. */
  public static @Shape({"inputSize", "hiddenSize", "numLayers", "0", "1"}) GRU batchFirst(
      @Dim long inputSize, @Dim long hiddenSize, @Dim long numLayers) {
    return new GRU(inputSize, hiddenSize, numLayers, true, true, 0.0, false);
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
   * {@code gru(input, h0)[0]}.
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
      @Shape({"In", "Hidden", "Layers", "Bidirectional", "BatchFirst"}) GRU this,
      @Shape({"*s", "In"}) Tensor input, Tensor h0) {
    return forwardWithState(input, h0).output();
  }

  /**
   * Runs the network from a zero state and returns only the final hidden state, as {@code
   * gru(input)[1]}.
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
   * state, as {@code gru(input, h0)[1]}.
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
    String op = "GRU.forward";
    Tensor h = states(op, input, h0)[0];
    return Torch.gru(input, h, flatWeights(), spec.bias(), spec.numLayers(), spec.dropout(),
        isTraining(), spec.bidirectional(), spec.batchFirst());
  }

  /**
   * Runs the network over a packed batch from zero states, as {@code gru(packed)[0]}:
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
   * gru(packed, h0)}: {@code h0} and the final state are in the order the sequences were
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
    return runPacked("GRU.forward", input, h0, null);
  }
}
