package dev.shapetorch.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shapetorch.nn.recurrent.GRUCell;
import dev.shapetorch.nn.recurrent.LSTMCell;
import dev.shapetorch.nn.recurrent.RNNCell;
import dev.shapetorch.tensor.LstmCellOutput;
import dev.shapetorch.tensor.ShapeException;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * RNNCell, LSTMCell and GRUCell against PyTorch 1.13 (nn_seq_golden.py): next states from given
 * and zero states, batched and unbatched, with and without biases; gradients of the inputs,
 * states and parameters; parameter names, initialisation bounds, reprs and errors.
 */
class RecurrentCellsTest {

  /** Loads the fixture's weights into {@code m}, runs it and compares outputs and gradients. */
  private static void cell(String fixture, Module m, Function<Tensor[], Tensor[]> run) {
    Golden g = Golden.load(fixture);
    g.loadInto(m);
    Tensor x = g.leaf("in.x");
    Tensor hx = g.has("in.hx") ? g.leaf("in.hx") : null;
    Tensor cx = g.has("in.cx") ? g.leaf("in.cx") : null;
    Tensor[] out = run.apply(new Tensor[] {x, hx, cx});
    g.assertClose("out.h", out[0]);
    Tensor total = out[0].sum();
    if (out.length > 1) {
      g.assertClose("out.c", out[1]);
      total = total.add(out[1].sum());
    }
    total.backward();
    g.assertClose("grad.x", x.grad(), 1e-5, 1e-4);
    if (hx != null) {
      g.assertClose("grad.hx", hx.grad(), 1e-5, 1e-4);
    }
    if (cx != null) {
      g.assertClose("grad.cx", cx.grad(), 1e-5, 1e-4);
    }
    g.assertParameterGrads(m);
  }

  private static Tensor[] parts(LstmCellOutput o) {
    return new Tensor[] {o.h(), o.c()};
  }

  @Test
  void rnnCell_tanh_fromAGivenState() {
    RNNCell m = new RNNCell(3, 4);
    cell("cell_rnn_tanh", m, a -> new Tensor[] {m.forward(a[0], a[1])});
    assertEquals("RNNCell(3, 4)", m.toString());
  }

  @Test
  void rnnCell_reluWithoutBias_fromZeros() {
    RNNCell m = new RNNCell(3, 4, false, "relu");
    cell("cell_rnn_relu_nobias_zero_state", m, a -> new Tensor[] {m.forward(a[0])});
    assertEquals("RNNCell(3, 4, bias=False, nonlinearity=relu)", m.toString());
    assertNull(m.biasIh());
    assertEquals("relu", m.nonlinearity());
  }

  @Test
  void rnnCell_unbatched() {
    RNNCell m = new RNNCell(3, 4, true);
    cell("cell_rnn_unbatched", m, a -> new Tensor[] {m.forward(a[0], a[1])});
  }

  @Test
  void lstmCell_fromGivenStates() {
    LSTMCell m = new LSTMCell(3, 4);
    cell("cell_lstm", m, a -> parts(m.forwardWithState(a[0], a[1], a[2])));
    assertEquals("LSTMCell(3, 4)", m.toString());
  }

  @Test
  void lstmCell_typedForwardIsTheHiddenState() {
    LSTMCell m = new LSTMCell(3, 4);
    Golden g = Golden.load("cell_lstm");
    g.loadInto(m);
    g.assertClose("out.h", m.forward(g.tensor("in.x"), g.tensor("in.hx"), g.tensor("in.cx")));
  }

  @Test
  void lstmCell_fromZeroStates() {
    LSTMCell m = new LSTMCell(3, 4);
    cell("cell_lstm_zero_state", m, a -> parts(m.forwardWithState(a[0], null, null)));
    Golden g = Golden.load("cell_lstm_zero_state");
    g.assertClose("out.h", m.forward(g.tensor("in.x")));
  }

  @Test
  void lstmCell_unbatchedWithoutBias() {
    LSTMCell m = new LSTMCell(3, 4, false);
    cell("cell_lstm_unbatched_nobias", m, a -> parts(m.forwardWithState(a[0], a[1], a[2])));
    assertEquals("LSTMCell(3, 4, bias=False)", m.toString());
  }

  @Test
  void gruCell_fromAGivenState() {
    GRUCell m = new GRUCell(3, 4);
    cell("cell_gru", m, a -> new Tensor[] {m.forward(a[0], a[1])});
    assertEquals("GRUCell(3, 4)", m.toString());
  }

  @Test
  void gruCell_unbatchedFromZeros() {
    GRUCell m = new GRUCell(3, 4);
    cell("cell_gru_unbatched_zero_state", m, a -> new Tensor[] {m.forward(a[0])});
  }

  @Test
  void cells_haveTorchNamesShapesAndInitBounds() {
    LSTMCell m = new LSTMCell(5, 8);
    List<String> names = new ArrayList<>(m.namedParameters().keySet());
    assertEquals(List.of("weight_ih", "weight_hh", "bias_ih", "bias_hh"), names);
    assertArrayEquals(new long[] {32, 5}, m.weightIh().get().shape());
    assertArrayEquals(new long[] {32, 8}, m.weightHh().get().shape());
    assertArrayEquals(new long[] {32}, m.biasHh().get().shape());
    assertArrayEquals(new long[] {12, 5}, new GRUCell(5, 4).weightIh().get().shape());
    double bound = 1 / Math.sqrt(8);
    for (var p : m.namedParameters().values()) {
      assertTrue(p.get().abs().max().item() <= bound, "within 1/sqrt(hidden)");
    }
    assertEquals(List.of("weight_ih", "weight_hh"),
        new ArrayList<>(new RNNCell(2, 3, false).namedParameters().keySet()));
  }

  @Test
  void cells_sequenceOfSteps_matchesTheWholeSequenceLayer() {
    // An LSTM layer over a sequence equals its cell stepped by hand, with the same weights.
    var layer = new dev.shapetorch.nn.recurrent.LSTM(3, 4);
    LSTMCell c = new LSTMCell(3, 4);
    c.weightIh().set(layer.namedParameters().get("weight_ih_l0").get());
    c.weightHh().set(layer.namedParameters().get("weight_hh_l0").get());
    c.biasIh().set(layer.namedParameters().get("bias_ih_l0").get());
    c.biasHh().set(layer.namedParameters().get("bias_hh_l0").get());
    Tensor x = Torch.randn(5, 2, 3);
    Tensor want = layer.forward(x);
    Tensor h = null;
    Tensor cs = null;
    for (int t = 0; t < 5; t++) {
      LstmCellOutput o = c.forwardWithState(x.select(0, t), h, cs);
      h = o.h();
      cs = o.c();
      assertTrue(h.allclose(want.select(0, t), 1e-5, 1e-6), "step " + t);
    }
  }

  @Test
  void cells_rejectWrongShapesAndArguments() {
    RNNCell rnn = new RNNCell(3, 4);
    ShapeException rank = assertThrows(ShapeException.class,
        () -> rnn.forward(Torch.zeros(5, 2, 3)));
    assertTrue(rank.getMessage().contains("RNNCell.forward"), rank.getMessage());
    assertTrue(rank.getMessage().contains("one time step"), rank.getMessage());
    ShapeException feat = assertThrows(ShapeException.class,
        () -> rnn.forward(Torch.zeros(2, 5)));
    assertTrue(feat.getMessage().contains("RNNCell.forward"), feat.getMessage());
    ShapeException state = assertThrows(ShapeException.class,
        () -> new GRUCell(3, 4).forward(Torch.zeros(2, 3), Torch.zeros(3, 4)));
    assertTrue(state.getMessage().contains("GRUCell.forward"), state.getMessage());
    IllegalArgumentException half = assertThrows(IllegalArgumentException.class,
        () -> new LSTMCell(3, 4).forwardWithState(Torch.zeros(2, 3), Torch.zeros(2, 4), null));
    assertTrue(half.getMessage().startsWith("LSTMCell.forwardWithState: cx is null"), half.getMessage());
    IllegalArgumentException nl = assertThrows(IllegalArgumentException.class,
        () -> new RNNCell(3, 4, true, "sigmoid"));
    assertTrue(nl.getMessage().startsWith("RNNCell: nonlinearity"), nl.getMessage());
    IllegalArgumentException size = assertThrows(IllegalArgumentException.class,
        () -> new LSTMCell(0, 4));
    assertTrue(size.getMessage().startsWith("LSTMCell"), size.getMessage());
  }

  @Test
  void torchCellOps_checkTheWeightsAgainstTheState() {
    ShapeException e = assertThrows(ShapeException.class, () -> Torch.lstmCell(
        Torch.zeros(2, 3), Torch.zeros(2, 4), Torch.zeros(2, 4), Torch.zeros(12, 3),
        Torch.zeros(12, 4), null, null));
    assertTrue(e.getMessage().contains("Torch.lstmCell"), e.getMessage());
    assertTrue(e.getMessage().contains("4 * hidden"), e.getMessage());
    assertArrayEquals(new long[] {4}, Torch.gruCell(Torch.zeros(3), Torch.zeros(4),
        Torch.zeros(12, 3), Torch.zeros(12, 4), null, null).shape());
  }
}
