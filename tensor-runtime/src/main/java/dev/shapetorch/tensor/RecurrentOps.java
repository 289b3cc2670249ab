package dev.shapetorch.tensor;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.internal.Guard;
import dev.shapetorch.internal.PackedBatchSizes;
import dev.shapetorch.internal.UserCall;
import dev.shapetorch.shapes.Variant;
import dev.shapetorch.shapes.Variants;
import dev.shapetorch.shapes.rules.LayerRules;
import dev.shapetorch.shapes.rules.Rule;
import dev.shapetorch.shapes.rules.TensorShape;
import java.util.List;
import org.bytedeco.pytorch.T_TensorTensorTensor_T;
import org.bytedeco.pytorch.T_TensorTensor_T;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;

/**
 * Multi-layer recurrent networks over whole sequences: {@code rnnTanh}, {@code rnnRelu}, {@code
 * lstm} and {@code gru}, as ATen's {@code torch.lstm} (the kernels behind {@code nn.LSTM}).
 * Part of the {@link Torch} chain; most users call {@code dev.shapetorch.nn.recurrent.LSTM}.
 *
 * <p>{@code params} lists, for each layer and then each direction, {@code w_ih [G*H, In]},
 * {@code w_hh [G*H, H]} and, with biases, {@code b_ih [G*H]}, {@code b_hh [G*H]}, where {@code
 * G} is 1 (RNN), 3 (GRU) or 4 (LSTM) and {@code In} is the input size for layer 0 and {@code
 * H * directions} after it: PyTorch's {@code _flat_weights} order.
 *
 * <p>Shape: input {@code [L, N, In]} ({@code [N, L, In]} when {@code batchFirst}); states
 * {@code [layers * directions, N, H]}; output {@code [L, N, directions * H]} ({@code [N, L,
 * directions * H]} when {@code batchFirst}), checked by {@link Rule#RECURRENT} and {@link
 * Rule#RECURRENT_HIDDEN} on the vector {@code [In, H, layers, bidirectional, batchFirst]}. An
 * unbatched input {@code [L, In]} with states {@code [layers * directions, H]} gives an output
 * {@code [L, directions * H]} and states {@code [layers * directions, H]}: as PyTorch's {@code
 * nn.RNN} does (ATen's kernels take batches only), it runs as a batch of one and the batch dim
 * is dropped again.
 */
final class RecurrentOps {

  private RecurrentOps() {}

  /**
   * An Elman RNN with {@code tanh}, as {@code torch.rnn_tanh}.
   *
   * <p>Shape: as the class says, with {@code G = 1}.
   */
  @Variants(Variant.FUNCTION)
  static RnnOutput rnnTanh(
      Tensor input, Tensor h0, List<Tensor> params, boolean hasBiases, long numLayers,
      double dropout, boolean train, boolean bidirectional, boolean batchFirst) {
    return simple("Torch.rnnTanh", 0, input, h0, params, hasBiases, numLayers, dropout, train,
        bidirectional, batchFirst);
  }

  /**
   * An Elman RNN with {@code relu}, as {@code torch.rnn_relu}.
   *
   * <p>Shape: as the class says, with {@code G = 1}.
   */
  @Variants(Variant.FUNCTION)
  static RnnOutput rnnRelu(
      Tensor input, Tensor h0, List<Tensor> params, boolean hasBiases, long numLayers,
      double dropout, boolean train, boolean bidirectional, boolean batchFirst) {
    return simple("Torch.rnnRelu", 1, input, h0, params, hasBiases, numLayers, dropout, train,
        bidirectional, batchFirst);
  }

  /**
   * A gated recurrent unit network, as {@code torch.gru}.
   *
   * <p>Shape: as the class says, with {@code G = 3}.
   */
  @Variants(Variant.FUNCTION)
  static RnnOutput gru(
      Tensor input, Tensor h0, List<Tensor> params, boolean hasBiases, long numLayers,
      double dropout, boolean train, boolean bidirectional, boolean batchFirst) {
    return simple("Torch.gru", 2, input, h0, params, hasBiases, numLayers, dropout, train,
        bidirectional, batchFirst);
  }

  /**
   * A long short-term memory network, as {@code torch.lstm}.
   *
   * <p>Shape: as the class says, with {@code G = 4}; {@code h0} and {@code c0} are both {@code
   * [layers * directions, N, H]}.
   */
  @Variants(Variant.FUNCTION)
  static LstmOutput lstm(
      Tensor input, Tensor h0, Tensor c0, List<Tensor> params, boolean hasBiases, long numLayers,
      double dropout, boolean train, boolean bidirectional, boolean batchFirst) {
    String op = "Torch.lstm";
    check(op, input, params, hasBiases, numLayers, bidirectional, batchFirst, h0, c0);
    if (input.dim() == 2) {
      int batch = batchDim(batchFirst);
      LstmOutput r = lstm(input.unsqueeze(batch), h0.unsqueeze(1), c0.unsqueeze(1), params,
          hasBiases, numLayers, dropout, train, bidirectional, batchFirst);
      return new LstmOutput(r.output().squeeze(batch), r.hN().squeeze(1), r.cN().squeeze(1));
    }
    try (TensorVector hx = new TensorVector(h0.h(), c0.h());
        TensorVector p = natives(params);
        T_TensorTensorTensor_T r = torch.lstm(input.h(), hx, p, hasBiases, numLayers, dropout,
            train, bidirectional, batchFirst)) {
      return new LstmOutput(Tensor.wrapBorrowed(r.get0()), Tensor.wrapBorrowed(r.get1()),
          Tensor.wrapBorrowed(r.get2()));
    } catch (RuntimeException e) {
      throw Natives.fail(op, e, input, h0, c0);
    }
  }

  /**
   * An Elman RNN with {@code tanh} over a packed batch of sequences, as {@code
   * torch.rnn_tanh(data, batch_sizes, hx, params, ...)}: the kernel behind {@code nn.RNN} on a
   * {@code PackedSequence}. Most users call {@code RNN.forward(PackedSequence)}.
   *
   * <p>Shape: {@code data [S, In]} ({@code S} the sum of the batch sizes), {@code batchSizes
   * [T]} int64 on the CPU, {@code h0 [layers * directions, N, H]} ({@code N = batchSizes[0]}) ->
   * output {@code [S, directions * H]}, {@code hN} as {@code h0}.
   */
  @Variants(Variant.FUNCTION)
  static RnnOutput rnnTanh(
      Tensor data, Tensor batchSizes, Tensor h0, List<Tensor> params, boolean hasBiases,
      long numLayers, double dropout, boolean train, boolean bidirectional) {
    return packedSimple("Torch.rnnTanh", 0, data, batchSizes, h0, params, hasBiases, numLayers,
        dropout, train, bidirectional);
  }

  /**
   * An Elman RNN with {@code relu} over a packed batch of sequences, as {@code
   * torch.rnn_relu(data, batch_sizes, hx, params, ...)}.
   *
   * <p>Shape: as {@link #rnnTanh(Tensor, Tensor, Tensor, List, boolean, long, double, boolean,
   * boolean)}.
   */
  @Variants(Variant.FUNCTION)
  static RnnOutput rnnRelu(
      Tensor data, Tensor batchSizes, Tensor h0, List<Tensor> params, boolean hasBiases,
      long numLayers, double dropout, boolean train, boolean bidirectional) {
    return packedSimple("Torch.rnnRelu", 1, data, batchSizes, h0, params, hasBiases, numLayers,
        dropout, train, bidirectional);
  }

  /**
   * A GRU network over a packed batch of sequences, as {@code torch.gru(data, batch_sizes, hx,
   * params, ...)}.
   *
   * <p>Shape: as {@link #rnnTanh(Tensor, Tensor, Tensor, List, boolean, long, double, boolean,
   * boolean)}, with {@code G = 3}.
   */
  @Variants(Variant.FUNCTION)
  static RnnOutput gru(
      Tensor data, Tensor batchSizes, Tensor h0, List<Tensor> params, boolean hasBiases,
      long numLayers, double dropout, boolean train, boolean bidirectional) {
    return packedSimple("Torch.gru", 2, data, batchSizes, h0, params, hasBiases, numLayers,
        dropout, train, bidirectional);
  }

  /**
   * An LSTM network over a packed batch of sequences, as {@code torch.lstm(data, batch_sizes,
   * (h0, c0), params, ...)}.
   *
   * <p>Shape: {@code data [S, In]}, {@code batchSizes [T]} int64 on the CPU, {@code h0} and
   * {@code c0} {@code [layers * directions, N, H]} ({@code N = batchSizes[0]}) -> output {@code
   * [S, directions * H]}, final states as {@code h0}.
   */
  @Variants(Variant.FUNCTION)
  static LstmOutput lstm(
      Tensor data, Tensor batchSizes, Tensor h0, Tensor c0, List<Tensor> params,
      boolean hasBiases, long numLayers, double dropout, boolean train, boolean bidirectional) {
    String op = "Torch.lstm";
    checkPacked(op, data, batchSizes, params, hasBiases, numLayers, bidirectional, h0, c0);
    try (TensorVector hx = new TensorVector(h0.h(), c0.h());
        TensorVector p = natives(params);
        T_TensorTensorTensor_T r = torch.lstm(data.h(), batchSizes.h(), hx, p, hasBiases,
            numLayers, dropout, train, bidirectional)) {
      return new LstmOutput(Tensor.wrapBorrowed(r.get0()), Tensor.wrapBorrowed(r.get1()),
          Tensor.wrapBorrowed(r.get2()));
    } catch (RuntimeException e) {
      throw Natives.fail(op, e, data, batchSizes, h0, c0);
    }
  }

  private static RnnOutput packedSimple(
      String op, int kind, Tensor data, Tensor batchSizes, Tensor h0, List<Tensor> params,
      boolean hasBiases, long numLayers, double dropout, boolean train, boolean bidirectional) {
    checkPacked(op, data, batchSizes, params, hasBiases, numLayers, bidirectional, h0);
    try (TensorVector p = natives(params);
        T_TensorTensor_T r = switch (kind) {
          case 0 -> torch.rnn_tanh(data.h(), batchSizes.h(), h0.h(), p, hasBiases, numLayers,
              dropout, train, bidirectional);
          case 1 -> torch.rnn_relu(data.h(), batchSizes.h(), h0.h(), p, hasBiases, numLayers,
              dropout, train, bidirectional);
          default -> torch.gru(data.h(), batchSizes.h(), h0.h(), p, hasBiases, numLayers,
              dropout, train, bidirectional);
        }) {
      return new RnnOutput(Tensor.wrapBorrowed(r.get0()), Tensor.wrapBorrowed(r.get1()));
    } catch (RuntimeException e) {
      throw Natives.fail(op, e, data, batchSizes, h0);
    }
  }

  /**
   * The packed kernels index memory with {@code batchSizes}, so everything about it is checked
   * first: int64, 1-D, on the CPU, positive and non-increasing, summing to {@code data}'s row
   * count; then the parameters as {@link #check} does, {@code data}'s feature size, and each
   * state {@code [layers * directions, batchSizes[0], H]}.
   */
  private static void checkPacked(
      String op, Tensor data, Tensor batchSizes, List<Tensor> params, boolean hasBiases,
      long numLayers, boolean bidirectional, Tensor... states) {
    Natives.h(data, "data");
    Natives.h(batchSizes, "batchSizes");
    long[] sizes = PackedBatchSizes.read(op, batchSizes, data);
    if (data.dim() != 2) {
      throw Arguments.invalid(op, "packed data must be 2-D [S, In], got " + data.shapeOf()
          + "; pack a batch with Sequences.packPaddedSequence or packSequence");
    }
    check(op, data.unsqueeze(1), params, hasBiases, numLayers, bidirectional, false);
    long layers = numLayers * (bidirectional ? 2 : 1);
    long hidden = params.get(1).size(1);
    TensorShape want = TensorShape.of(layers, sizes[0], hidden);
    String[] names = {"h0", "c0"};
    for (int i = 0; i < states.length; i++) {
      if (states[i] == null) {
        throw UserCall.nullParameter(names[i], "a tensor");
      }
      if (!states[i].shapeOf().equals(want)) {
        throw Arguments.invalid(op, names[i] + " is " + states[i].shapeOf() + ", required " + want + " ([layers * directions, N, hidden]"
            + " with N = batchSizes[0] = " + sizes[0] + ", the packed batch's size)");
      }
    }
  }

  /** Where an unbatched input gets its batch dim of one: as {@code nn.RNN} puts it. */
  private static int batchDim(boolean batchFirst) {
    return batchFirst ? 0 : 1;
  }

  private static RnnOutput simple(
      String op, int kind, Tensor input, Tensor h0, List<Tensor> params, boolean hasBiases,
      long numLayers, double dropout, boolean train, boolean bidirectional, boolean batchFirst) {
    check(op, input, params, hasBiases, numLayers, bidirectional, batchFirst, h0);
    if (input.dim() == 2) {
      int batch = batchDim(batchFirst);
      RnnOutput r = simple(op, kind, input.unsqueeze(batch), h0.unsqueeze(1), params, hasBiases,
          numLayers, dropout, train, bidirectional, batchFirst);
      return new RnnOutput(r.output().squeeze(batch), r.hN().squeeze(1));
    }
    try (TensorVector p = natives(params);
        T_TensorTensor_T r = switch (kind) {
          case 0 -> torch.rnn_tanh(input.h(), h0.h(), p, hasBiases, numLayers, dropout, train,
              bidirectional, batchFirst);
          case 1 -> torch.rnn_relu(input.h(), h0.h(), p, hasBiases, numLayers, dropout, train,
              bidirectional, batchFirst);
          default -> torch.gru(input.h(), h0.h(), p, hasBiases, numLayers, dropout, train,
              bidirectional, batchFirst);
        }) {
      return new RnnOutput(Tensor.wrapBorrowed(r.get0()), Tensor.wrapBorrowed(r.get1()));
    } catch (RuntimeException e) {
      throw Natives.fail(op, e, input, h0);
    }
  }

  private static TensorVector natives(List<Tensor> params) {
    org.bytedeco.pytorch.Tensor[] hs = new org.bytedeco.pytorch.Tensor[params.size()];
    for (int i = 0; i < hs.length; i++) {
      hs[i] = params.get(i).h();
    }
    return new TensorVector(hs);
  }

  /**
   * The parameter count, then {@link Rule#RECURRENT} and {@link Rule#RECURRENT_HIDDEN} on the
   * hyperparameter vector {@code [In, Hidden, Layers, Bidirectional, BatchFirst]} read from the
   * parameters and flags.
   */
  private static void check(
      String op, Tensor input, List<Tensor> params, boolean hasBiases, long numLayers,
      boolean bidirectional, boolean batchFirst, Tensor... states) {
    Natives.h(input, "input");
    Arguments.requireNonNull(params, "params");
    if (numLayers < 1 || numLayers > params.size()) {
      throw new IllegalArgumentException(UserCall.attribute(op) + ": numLayers must be 1 to the"
          + " number of parameter tensors (" + params.size() + "), got " + numLayers);
    }
    int directions = bidirectional ? 2 : 1;
    long expected = numLayers * directions * (hasBiases ? 4 : 2);
    if (params.size() != expected) {
      throw new IllegalArgumentException(UserCall.attribute(op) + ": expected " + expected + " parameter tensors ("
          + numLayers + " layers, " + directions + " directions, biases " + hasBiases + "), got "
          + params.size());
    }
    for (int i = 0; i < params.size(); i++) {
      if (params.get(i) == null) {
        throw UserCall.nullElement(i);
      }
      if (i < 2 && params.get(i).dim() != 2) {
        throw new IllegalArgumentException(UserCall.attribute(op) + ": params[" + i + "] must be"
            + " a 2-D weight [gates*hidden, in], got shape "
            + java.util.Arrays.toString(params.get(i).shape()));
      }
    }
    TensorShape module = TensorShape.of(params.get(0).size(1), params.get(1).size(1),
        numLayers, bidirectional ? 1 : 0, batchFirst ? 1 : 0);
    Guard.require(LayerRules.recurrent(op, module, input.shapeOf()));
    if (states.length == 0) {
      return;
    }
    for (int i = 0; i < states.length; i++) {
      if (states[i] == null) {
        throw UserCall.nullParameter(i == 0 ? "h0" : "c0", "a tensor");
      }
    }
    Guard.require(LayerRules.recurrentStates(op, module, input.shapeOf(), states[0].shapeOf(),
        states.length > 1 ? states[1].shapeOf() : null));
  }
}
