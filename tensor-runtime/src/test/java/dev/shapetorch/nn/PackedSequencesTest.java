package dev.shapetorch.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shapetorch.nn.recurrent.GRU;
import dev.shapetorch.nn.recurrent.LSTM;
import dev.shapetorch.nn.recurrent.PackedRecurrentOutput;
import dev.shapetorch.nn.recurrent.RNN;
import dev.shapetorch.nn.utils.PackedSequence;
import dev.shapetorch.nn.utils.PaddedSequence;
import dev.shapetorch.nn.utils.Sequences;
import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Padded and packed sequences ({@code torch.nn.utils.rnn}) and the recurrent layers over packed
 * batches, against PyTorch 1.13 (nn_packed_golden.py): the packing, the padding back, values and
 * gradients of RNN, GRU and LSTM over unsorted batches with and without initial states; and the
 * errors for lengths and batch sizes that libtorch's kernels would read memory with.
 */
class PackedSequencesTest {

  @Test
  void packPadded_sorted_thenPadBackToATotalLength() {
    Golden g = Golden.load("packed_sorted");
    PackedSequence p = Sequences.packPaddedSequence(g.tensor("in.x"), new long[] {4, 2, 1});
    g.assertClose("out.data", p.data(), 0, 0);
    assertArrayEquals(g.tensor("out.batch_sizes").toLongArray(), p.batchSizes().toLongArray());
    assertNull(p.sortedIndices());
    PaddedSequence back = Sequences.padPackedSequence(p, false, -1.0, 5);
    g.assertClose("out.padded", back.padded(), 0, 0);
    assertArrayEquals(g.tensor("out.lengths").toLongArray(), back.lengths().toLongArray());
    assertEquals(DType.INT64, back.lengths().dtype());
  }

  @Test
  void packPadded_unsortedBatchFirst_recordsTheOrder() {
    Golden g = Golden.load("packed_unsorted_batch_first");
    PackedSequence p = Sequences.packPaddedSequence(g.tensor("in.x"), g.tensor("in.lengths"),
        true, false);
    g.assertClose("out.data", p.data(), 0, 0);
    assertArrayEquals(g.tensor("out.batch_sizes").toLongArray(), p.batchSizes().toLongArray());
    assertArrayEquals(g.tensor("out.sorted_indices").toLongArray(),
        p.sortedIndices().toLongArray());
    assertArrayEquals(g.tensor("out.unsorted_indices").toLongArray(),
        p.unsortedIndices().toLongArray());
    assertArrayEquals(new long[] {2, 4, 1}, p.lengths());
    PaddedSequence back = Sequences.padPackedSequence(p, true);
    g.assertClose("out.padded", back.padded(), 0, 0);
    assertArrayEquals(g.tensor("out.lengths").toLongArray(), back.lengths().toLongArray());
  }

  @Test
  void padSequence_andPackSequence_matchPyTorch() {
    Golden g = Golden.load("packed_pad_sequence");
    List<Tensor> seqs = List.of(g.tensor("in.s0"), g.tensor("in.s1"), g.tensor("in.s2"));
    g.assertClose("out.seq_first", Sequences.padSequence(seqs), 0, 0);
    g.assertClose("out.batch_first", Sequences.padSequence(seqs, true, 0.5), 0, 0);
    Golden packed = Golden.load("packed_pack_sequence");
    PackedSequence p = Sequences.packSequence(seqs, false);
    packed.assertClose("out.data", p.data(), 0, 0);
    assertArrayEquals(packed.tensor("out.batch_sizes").toLongArray(),
        p.batchSizes().toLongArray());
    assertArrayEquals(packed.tensor("out.sorted_indices").toLongArray(),
        p.sortedIndices().toLongArray());
    List<Tensor> unpacked = Sequences.unpackSequence(p);
    for (int i = 0; i < seqs.size(); i++) {
      assertTrue(unpacked.get(i).equal(seqs.get(i)), "sequence " + i + " round-trips");
    }
    Tensor padded = Sequences.padSequence(seqs, true);
    List<Tensor> unpadded = Sequences.unpadSequence(padded, new long[] {3, 1, 2}, true);
    for (int i = 0; i < seqs.size(); i++) {
      assertTrue(unpadded.get(i).equal(seqs.get(i)), "sequence " + i + " unpads");
    }
  }

  @Test
  void packSequence_gradientsReachTheSequences() {
    Tensor a = Torch.ones(3, 2).requiresGrad_(true);
    Tensor b = Torch.ones(1, 2).requiresGrad_(true);
    PackedSequence p = Sequences.packSequence(List.of(a, b));
    p.data().mul(Torch.fromArray(new double[] {1, 2}, 2)).sum().backward();
    assertArrayEquals(new double[] {1, 2, 1, 2, 1, 2}, a.grad().toDoubleArray());
    assertArrayEquals(new double[] {1, 2}, b.grad().toDoubleArray());
  }

  /** Packs in.x with in.lengths unsorted, runs {@code run}, pads, compares values and gradients. */
  private static void layer(String fixture, Module m, boolean lstm,
      java.util.function.BiFunction<PackedSequence, Tensor[], PackedRecurrentOutput> run) {
    Golden g = Golden.load(fixture);
    g.loadInto(m);
    Tensor x = g.leaf("in.x");
    Tensor h0 = g.has("in.h0") ? g.leaf("in.h0") : null;
    Tensor c0 = g.has("in.c0") ? g.leaf("in.c0") : null;
    PackedSequence packed = Sequences.packPaddedSequence(x, g.tensor("in.lengths"), false,
        false);
    PackedRecurrentOutput out = run.apply(packed, new Tensor[] {h0, c0});
    Tensor y = Sequences.padPackedSequence(out.output()).padded();
    g.assertClose("out.y", y);
    g.assertClose("out.h", out.hN());
    Tensor total = y.sum().add(out.hN().sum());
    if (lstm) {
      g.assertClose("out.c", out.cN());
      total = total.add(out.cN().sum());
    } else {
      assertNull(out.cN());
    }
    total.backward();
    g.assertClose("grad.x", x.grad());
    if (h0 != null) {
      g.assertClose("grad.h0", h0.grad());
    }
    if (c0 != null) {
      g.assertClose("grad.c0", c0.grad());
    }
    g.assertParameterGrads(m);
  }

  @Test
  void lstm_bidirectionalTwoLayers_overAnUnsortedPackedBatch_fromGivenStates() {
    LSTM m = new LSTM(2, 3, 2, true, false, 0.0, true);
    layer("packed_lstm_bidirectional_2layers", m, true,
        (p, s) -> m.forwardWithState(p, s[0], s[1]));
  }

  @Test
  void gru_overAPackedBatch_fromZeros() {
    GRU m = new GRU(2, 3);
    layer("packed_gru_zero_state", m, false, (p, s) -> m.forwardWithState(p, null));
    Golden g = Golden.load("packed_gru_zero_state");
    PackedSequence packed = Sequences.packPaddedSequence(g.tensor("in.x"),
        g.tensor("in.lengths"), false, false);
    g.assertClose("out.y", Sequences.padPackedSequence(m.forward(packed)).padded());
  }

  @Test
  void rnnRelu_withoutBias_overAPackedBatch_fromAGivenState() {
    RNN m = new RNN(2, 3, 1, "relu", false, false, 0.0, false);
    layer("packed_rnn_relu_nobias", m, false, (p, s) -> m.forwardWithState(p, s[0]));
  }

  @Test
  void badLengths_areRefusedBeforeLibtorch() {
    Tensor x = Torch.zeros(4, 3, 2);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Sequences.packPaddedSequence(x, new long[] {4, 2, 0}));
    assertTrue(e.getMessage().contains("lengths[2] = 0 is not in [1, 4]"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Sequences.packPaddedSequence(x, new long[] {4, 5, 1}));
    assertTrue(e.getMessage().contains("lengths[1] = 5"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Sequences.packPaddedSequence(x, new long[] {2, 4, 1}));
    assertTrue(e.getMessage().contains("not sorted longest first")
        && e.getMessage().contains("enforceSorted = false"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Sequences.packPaddedSequence(x, new long[] {4, 2}));
    assertTrue(e.getMessage().contains("2 lengths for a batch of 3"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Sequences.padPackedSequence(Sequences.packPaddedSequence(x, new long[] {4, 2, 1}),
            false, 0, 3));
    assertTrue(e.getMessage().contains("totalLength 3 is shorter"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Sequences.padSequence(List.of(Torch.zeros(2, 3), Torch.zeros(2, 4))));
    assertTrue(e.getMessage().contains("same trailing dims"), e.getMessage());
  }

  @Test
  void badBatchSizes_neverReachTheKernel() {
    Tensor data = Torch.zeros(5, 2);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new PackedSequence(data, Torch.fromArray(new long[] {2, 3}, 2), null, null));
    assertTrue(e.getMessage().contains("non-increasing"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new PackedSequence(data, Torch.fromArray(new long[] {3, 3}, 2), null, null));
    assertTrue(e.getMessage().contains("sum to 6"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new PackedSequence(data, Torch.fromArray(new long[] {3, 2}, 2),
            Torch.fromArray(new long[] {0, 0, 1}, 3), Torch.fromArray(new long[] {0, 1, 2}, 3)));
    assertTrue(e.getMessage().contains("permutation"), e.getMessage());
    // The raw kernel, called directly with sizes that overrun the data.
    LSTM m = new LSTM(2, 3);
    List<Tensor> w = List.copyOf(m.parameters().stream().map(Parameter::get).toList());
    Tensor h = Torch.zeros(1, 9, 3);
    e = assertThrows(IllegalArgumentException.class,
        () -> Torch.lstm(data, Torch.fromArray(new long[] {9, 9}, 2), h, h, w, true, 1, 0.0,
            false, false));
    assertTrue(e.getMessage().contains("sum to 18"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Torch.lstm(data, Torch.fromArray(new long[] {3, 2}, 2), h, h, w, true, 1, 0.0,
            false, false));
    assertTrue(e.getMessage().contains("h0 is [1, 9, 3], required [1, 3, 3]"), e.getMessage());
  }

  @Test
  void wrongFeatureSize_namesTheLayer() {
    LSTM m = new LSTM(2, 3);
    PackedSequence p = Sequences.packSequence(List.of(Torch.zeros(3, 5), Torch.zeros(2, 5)));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> m.forward(p));
    assertTrue(e.getMessage().contains("5") && e.getMessage().contains("2"), e.getMessage());
  }
}
