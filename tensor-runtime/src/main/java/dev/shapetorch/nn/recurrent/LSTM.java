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
import dev.shapetorch.tensor.LstmOutput;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/**
 * A multi-layer long short-term memory network over whole sequences: PyTorch's {@code
 * nn.LSTM}.
 *
 * <p>Type: {@code @Shape({"In", "Hidden", "Layers", "Bidirectional", "BatchFirst"}) LSTM}; the
 * last two are 0 or 1 (true or false in the constructors), and a batch-first network is built
 * with {@link RecurrentOptions#withBatchFirst} or {@link #batchFirst} (or the full
 * constructor), so the layout is part of the type: {@code forward} names {@link
 * dev.shapetorch.shapes.rules.Rule#RECURRENT}, which gives the output's shape for that layout
 * ({@code D*Hidden} features, the input's first two dims kept). What shapes can tell: an input
 * whose feature size is not {@code In} is a compile error; data of the other layout ({@code [N,
 * L, In]} fed to a sequence-first network) has the same rank and feature size, so it is caught
 * only where its sizes disagree with something else: an initial state ({@link
 * #forward(Tensor, Tensor, Tensor)} and {@link #finalHidden(Tensor, Tensor, Tensor)} check
 * the batch size of {@code h0} and {@code c0} against the dim the layout says is the batch,
 * {@link dev.shapetorch.shapes.rules.Rule#RECURRENT_HIDDEN}, at compile time and at run time), the
 * final state's type ({@link #finalHidden(Tensor)} is {@code [D*Layers, N, Hidden]} with
 * {@code N} read from the dim the layout says), or a later use of the output as {@code [N,
 * ...]}.
 * {@link #spec()} gives the hyperparameters by name ({@link RecurrentSpec}).
 *
 * <p>Shape: {@code [L, N, In] -> [L, N, D*Hidden]}, or batch first {@code [N, L, In] -> [N, L,
 * D*Hidden]}, {@code D} being 2 when bidirectional, else 1; states {@code [D*Layers, N,
 * Hidden]}. Unbatched, as in PyTorch: {@code [L, In] -> [L, D*Hidden]}, states {@code
 * [D*Layers, Hidden]}.
 *
 * <p>Parameters: see {@link RNN} (with 4 gates: input, forget, cell, output).
 */
public final class LSTM extends RNNBase implements UnaryModule {
  /** The declaration of {@code forward} from given states, which every forward checks by. */
  private static final ForwardContract STATES = Guard.forward(LSTM.class, "input", "h0", "c0");

  /**
   * One unidirectional, sequence-first layer with biases, as {@code nn.LSTM(inputSize,
   * hiddenSize)}.
   */
  public @Shape({"inputSize", "hiddenSize", "1", "0", "0"}) LSTM(
      @Dim long inputSize, @Dim long hiddenSize) {
    this(inputSize, hiddenSize, 1, true, false, 0.0, false);
  }

  /** {@code numLayers} stacked unidirectional, sequence-first layers with biases. */
  public @Shape({"inputSize", "hiddenSize", "numLayers", "0", "0"}) LSTM(
      @Dim long inputSize, @Dim long hiddenSize, @Dim long numLayers) {
    this(inputSize, hiddenSize, numLayers, true, false, 0.0, false);
  }

  /**
   * The sizes and PyTorch's keyword arguments, as {@code nn.LSTM(10, 20, num_layers=2,
   * batch_first=True)}: {@code new LSTM(10, 20,
   * RecurrentOptions.defaults().withNumLayers(2).withBatchFirst(true))}. The options' type
   * ({@code Layers}, {@code Bidirectional}, {@code BatchFirst}) becomes the layer's.
   *
   * @throws IllegalArgumentException if a size is not positive or {@code options} is null
   */
  public @Shape({"inputSize", "hiddenSize", "Layers", "Bidirectional", "BatchFirst"}) LSTM(
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
  public @Shape({"inputSize", "hiddenSize", "numLayers", "bidirectional", "batchFirst"}) LSTM(
      @Dim long inputSize, @Dim long hiddenSize, @Dim long numLayers, boolean bias,
      @Dim boolean batchFirst, double dropout, @Dim boolean bidirectional) {
    super(Mode.LSTM, STATES, inputSize, hiddenSize, numLayers, bias, batchFirst, dropout,
        bidirectional);
  }

  /** A unidirectional, batch-first network with biases: inputs {@code [N, L, In]}. */
  public static @Shape({"inputSize", "hiddenSize", "numLayers", "0", "1"}) LSTM batchFirst(
      @Dim long inputSize, @Dim long hiddenSize, @Dim long numLayers) {
    return new LSTM(inputSize, hiddenSize, numLayers, true, true, 0.0, false);
  }

  /**
   * Runs the network from zero states and returns the output sequence.
   *
   * <p>Shape: {@code [L, N, In] -> [L, N, D*Hidden]} (batch first: {@code [N, L, In] -> [N, L,
   * D*Hidden]}).
   */
  @Override
  @ShapeRule(value = Rule.RECURRENT, args = {"this", "input"})
  public Tensor forward(Tensor input) {
    return forwardWithState(input, null, null).output();
  }

  /**
   * Runs the network from the given states (zeros when null) and returns the output sequence,
   * as {@code lstm(input, (h0, c0))[0]}.
   *
   * <p>Shape: {@code [L, N, In] -> [L, N, D*Hidden]} (batch first: {@code [N, L, In] -> [N, L,
   * D*Hidden]}); {@code h0} and {@code c0} are {@code [D*Layers, N, Hidden]}. The checker runs
   * {@link Rule#RECURRENT_HIDDEN} on both: a state whose batch size is not the dim the layout
   * says is the batch (batch-first data fed to a sequence-first network, or the reverse) is a
   * compile error, as is a {@code c0} of another shape than {@code h0}'s.
   *
   * @throws dev.shapetorch.tensor.ShapeException as {@link #forwardWithState}
   */
  @ShapeRule(value = Rule.RECURRENT_HIDDEN, args = {"this", "input", "h0", "c0"})
  public @Shape({"*s", "(Bidirectional+1)*Hidden"}) Tensor forward(
      @Shape({"In", "Hidden", "Layers", "Bidirectional", "BatchFirst"}) LSTM this,
      @Shape({"*s", "In"}) Tensor input, Tensor h0, Tensor c0) {
    return forwardWithState(input, h0, c0).output();
  }

  /**
   * Runs the network from zero states and returns only the final hidden state, as {@code
   * lstm(input)[1][0]}: what a sequence classifier reads.
   *
   * <p>Shape: {@code [D*Layers, N, Hidden]} ({@link Rule#RECURRENT_HIDDEN}), {@code N} being
   * the input's dim 1, or its dim 0 when batch-first; unbatched {@code [L, In] -> [D*Layers,
   * Hidden]}. Batch-first data fed to a sequence-first network gives a state whose type shows
   * the sequence length where the batch was meant.
   */
  @ShapeRule(value = Rule.RECURRENT_HIDDEN, args = {"this", "input", "null", "null"})
  public Tensor finalHidden(Tensor input) {
    return forwardWithState(input, null, null).hN();
  }

  /**
   * Runs the network from the given states (zeros when null) and returns only the final hidden
   * state, as {@code lstm(input, (h0, c0))[1][0]}.
   *
   * <p>Shape: {@code h0}, {@code c0} and the result are {@code [D*Layers, N, Hidden]} ({@link
   * Rule#RECURRENT_HIDDEN}, checked at compile time as for {@link #forward(Tensor, Tensor,
   * Tensor)}).
   *
   * @throws dev.shapetorch.tensor.ShapeException as {@link #forwardWithState}
   */
  @ShapeRule(value = Rule.RECURRENT_HIDDEN, args = {"this", "input", "h0", "c0"})
  public Tensor finalHidden(Tensor input, Tensor h0, Tensor c0) {
    return forwardWithState(input, h0, c0).hN();
  }

  /**
   * Runs the network from the given states (zeros when null) and returns the output sequence
   * and the final states.
   *
   * <p>Shape: as {@link #forward}; {@code h0}, {@code c0} and the final states are {@code
   * [D*Layers, N, Hidden]}. The states are checked at run time only (the record is not typed);
   * {@link #forward(Tensor, Tensor, Tensor)} and {@link #finalHidden(Tensor, Tensor, Tensor)}
   * are the typed ways to pass them.
   *
   * @throws dev.shapetorch.tensor.ShapeException if the input's feature size is not {@code
   *     In} or a state's shape does not fit the input (for a batch-first network, the batch is
   *     the input's dim 0)
   */
  public LstmOutput forwardWithState(Tensor input, Tensor h0, Tensor c0) {
    return runForward(
        a -> forwardWithStateBody((Tensor) a.get(0), (Tensor) a.get(1), (Tensor) a.get(2)),
        input, h0, c0);
  }

  private LstmOutput forwardWithStateBody(Tensor input, Tensor h0, Tensor c0) {
    String op = "LSTM.forward";
    Tensor[] hc = states(op, input, h0, c0);
    return Torch.lstm(input, hc[0], hc[1], flatWeights(), spec.bias(), spec.numLayers(),
        spec.dropout(), isTraining(), spec.bidirectional(), spec.batchFirst());
  }

  /**
   * Runs the network over a packed batch from zero states, as {@code lstm(packed)[0]}: each
   * sequence stops at its own length, so padding never enters the states.
   *
   * <p>Shape: data {@code [S, In] -> [S, D*Hidden]}, packed as the input ({@link
   * dev.shapetorch.nn.utils.Sequences}); the layout flag does not apply.
   *
   * @throws IllegalArgumentException if the data's feature size is not {@code In}
   */
  public PackedSequence forward(PackedSequence input) {
    return forwardWithState(input, null, null).output();
  }

  /**
   * Runs the network over a packed batch from {@code h0} and {@code c0} (zeros when null), as
   * {@code lstm(packed, (h0, c0))}: the states are in the order the sequences were given in,
   * whatever order packing sorted them into.
   *
   * <p>Shape: data {@code [S, In] -> [S, D*Hidden]}; {@code h0}, {@code c0} and the final
   * states {@code [D*Layers, N, Hidden]}, the final states holding each sequence's states after
   * its own last step.
   *
   * @throws IllegalArgumentException if the data's feature size is not {@code In} or a state is
   *     not {@code [D*Layers, N, Hidden]}
   */
  public PackedRecurrentOutput forwardWithState(PackedSequence input, Tensor h0, Tensor c0) {
    return runForward(
        a -> forwardWithStateBody((PackedSequence) a.get(0), (Tensor) a.get(1), (Tensor) a.get(2)),
        input, h0, c0);
  }

  private PackedRecurrentOutput forwardWithStateBody(PackedSequence input, Tensor h0, Tensor c0) {
    return runPacked("LSTM.forward", input, h0, c0);
  }
}
