package dev.shapetorch.tensor;

import dev.shapetorch.shapes.Shape;
import dev.shapetorch.shapes.Variant;
import dev.shapetorch.shapes.Variants;
import dev.shapetorch.shapes.rules.ShapeMismatch;
import org.bytedeco.pytorch.T_TensorTensor_T;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One time step of a recurrent cell: {@code rnnTanhCell}, {@code rnnReluCell}, {@code
 * lstmCell} and {@code gruCell}, as ATen's {@code torch.rnn_tanh_cell} and its siblings (the
 * kernels behind {@code nn.RNNCell}, {@code nn.LSTMCell} and {@code nn.GRUCell}). Part of the
 * {@link Torch} chain; most users call {@code dev.shapetorch.nn.recurrent.LSTMCell}.
 *
 * <p>Shape: input {@code [N, In]} and states {@code [N, H]} give states {@code [N, H]}; an
 * unbatched input {@code [In]} with states {@code [H]} gives {@code [H]} (run as a batch of one,
 * as {@code nn.RNNCell} does). Weights {@code wIh [G*H, In]}, {@code wHh [G*H, H]}, biases
 * {@code [G*H]} (null for none), where {@code G} is 1 (RNN), 3 (GRU) or 4 (LSTM), gates in
 * PyTorch's order.
 */
final class RecurrentCellOps {

  private RecurrentCellOps() {}

  /**
   * One step of an Elman cell with {@code tanh}, {@code h' = tanh(x W_ih^T + b_ih + h W_hh^T +
   * b_hh)}, as {@code torch.rnn_tanh_cell}.
   *
   * <p>Shape: {@code [*b, In], [*b, H], [H, In], [H, H] (, [H], [H]) -> [*b, H]}, {@code *b}
   * one dim or none.
   *
   * @param bIh null for none
   * @param bHh null for none
   * @throws ShapeException if the input is not 1-D or 2-D or a weight does not fit
   */
  @Variants(Variant.FUNCTION)
  static @Shape({"*b", "H"}) Tensor rnnTanhCell(
      @Shape({"*b", "In"}) Tensor input, @Shape({"*b", "H"}) Tensor hx,
      @Shape({"G", "In"}) Tensor wIh, @Shape({"G", "H"}) Tensor wHh,
      @Nullable @Shape({"G"}) Tensor bIh, @Nullable @Shape({"G"}) Tensor bHh) {
    return simple("Torch.rnnTanhCell", 0, input, hx, wIh, wHh, bIh, bHh);
  }

  /**
   * One step of an Elman cell with {@code relu}, as {@code torch.rnn_relu_cell}.
   *
   * <p>Shape: as {@link #rnnTanhCell}.
   *
   * @param bIh null for none
   * @param bHh null for none
   * @throws ShapeException if the input is not 1-D or 2-D or a weight does not fit
   */
  @Variants(Variant.FUNCTION)
  static @Shape({"*b", "H"}) Tensor rnnReluCell(
      @Shape({"*b", "In"}) Tensor input, @Shape({"*b", "H"}) Tensor hx,
      @Shape({"G", "In"}) Tensor wIh, @Shape({"G", "H"}) Tensor wHh,
      @Nullable @Shape({"G"}) Tensor bIh, @Nullable @Shape({"G"}) Tensor bHh) {
    return simple("Torch.rnnReluCell", 1, input, hx, wIh, wHh, bIh, bHh);
  }

  /**
   * One step of a gated recurrent unit (gates reset, update, new), as {@code torch.gru_cell}.
   *
   * <p>Shape: {@code [*b, In], [*b, H], [3*H, In], [3*H, H] (, [3*H], [3*H]) -> [*b, H]},
   * {@code *b} one dim or none.
   *
   * @param bIh null for none
   * @param bHh null for none
   * @throws ShapeException if the input is not 1-D or 2-D or a weight does not fit
   */
  @Variants(Variant.FUNCTION)
  static @Shape({"*b", "H"}) Tensor gruCell(
      @Shape({"*b", "In"}) Tensor input, @Shape({"*b", "H"}) Tensor hx,
      @Shape({"G", "In"}) Tensor wIh, @Shape({"G", "H"}) Tensor wHh,
      @Nullable @Shape({"G"}) Tensor bIh, @Nullable @Shape({"G"}) Tensor bHh) {
    return simple("Torch.gruCell", 2, input, hx, wIh, wHh, bIh, bHh);
  }

  /**
   * One step of a long short-term memory cell (gates input, forget, cell, output), as {@code
   * torch.lstm_cell(input, (hx, cx), w_ih, w_hh, b_ih, b_hh)}.
   *
   * <p>Shape: {@code [*b, In], [*b, H], [*b, H], [4*H, In], [4*H, H] (, [4*H], [4*H])}; the
   * next states {@code h} and {@code c} are {@code [*b, H]}, {@code *b} one dim or none.
   *
   * @param bIh null for none
   * @param bHh null for none
   * @throws ShapeException if the input is not 1-D or 2-D, {@code cx} is not {@code hx}'s shape
   *     or a weight does not fit
   */
  @Variants(Variant.FUNCTION)
  static LstmCellOutput lstmCell(
      @Shape({"*b", "In"}) Tensor input, @Shape({"*b", "H"}) Tensor hx,
      @Shape({"*b", "H"}) Tensor cx, @Shape({"G", "In"}) Tensor wIh,
      @Shape({"G", "H"}) Tensor wHh, @Nullable @Shape({"G"}) Tensor bIh,
      @Nullable @Shape({"G"}) Tensor bHh) {
    String op = "Torch.lstmCell";
    check(op, 4, input, hx, wIh, wHh, bIh, bHh);
    if (!java.util.Arrays.equals(hx.shape(), cx.shape())) {
      throw new ShapeException(ShapeMismatch.of("shape.mismatch.argument", op,
          "cx is " + cx.shapeOf() + " but hx is " + hx.shapeOf()
              + "; pass hidden and cell states of the same shape"));
    }
    if (input.dim() == 1) {
      LstmCellOutput r = lstmCell(input.unsqueeze(0), hx.unsqueeze(0), cx.unsqueeze(0), wIh,
          wHh, bIh, bHh);
      return new LstmCellOutput(r.h().squeeze(0), r.c().squeeze(0));
    }
    try (TensorVector hc = new TensorVector(hx.h(), cx.h());
        TensorOptional bi = Natives.optional(bIh);
        TensorOptional bh = Natives.optional(bHh);
        T_TensorTensor_T r = torch.lstm_cell(input.h(), hc, wIh.h(), wHh.h(), bi, bh)) {
      return new LstmCellOutput(Tensor.wrapBorrowed(r.get0()), Tensor.wrapBorrowed(r.get1()));
    } catch (RuntimeException e) {
      throw Natives.fail(op, e, input, hx, cx, wIh, wHh, bIh, bHh);
    }
  }

  private static Tensor simple(String op, int kind, Tensor input, Tensor hx, Tensor wIh,
      Tensor wHh, Tensor bIh, Tensor bHh) {
    check(op, kind == 2 ? 3 : 1, input, hx, wIh, wHh, bIh, bHh);
    if (input.dim() == 1) {
      return simple(op, kind, input.unsqueeze(0), hx.unsqueeze(0), wIh, wHh, bIh, bHh)
          .squeeze(0);
    }
    try (TensorOptional bi = Natives.optional(bIh);
        TensorOptional bh = Natives.optional(bHh)) {
      return Tensor.wrap(switch (kind) {
        case 0 -> torch.rnn_tanh_cell(input.h(), hx.h(), wIh.h(), wHh.h(), bi, bh);
        case 1 -> torch.rnn_relu_cell(input.h(), hx.h(), wIh.h(), wHh.h(), bi, bh);
        default -> torch.gru_cell(input.h(), hx.h(), wIh.h(), wHh.h(), bi, bh);
      });
    } catch (RuntimeException e) {
      throw Natives.fail(op, e, input, hx, wIh, wHh, bIh, bHh);
    }
  }

  /**
   * What the declared signature cannot say: the input's rank (one batch dim or none) and the
   * weights' row count, {@code gates} times the hidden size.
   */
  private static void check(String op, long gates, Tensor input, Tensor hx, Tensor wIh,
      Tensor wHh, Tensor bIh, Tensor bHh) {
    Natives.h(input, "input");
    Natives.h(hx, "hx");
    Natives.h(wIh, "wIh");
    Natives.h(wHh, "wHh");
    if (input.dim() != 1 && input.dim() != 2) {
      throw new ShapeException(ShapeMismatch.of("shape.rank", op, "input is " + input.shapeOf()
          + "; a cell takes one step, [N, In] or unbatched [In]: pass one time step of the"
          + " sequence (or use the whole-sequence layer)"));
    }
    long hidden = hx.dim() == 0 ? -1 : hx.size(hx.dim() - 1);
    if (wIh.dim() != 2 || wIh.size(0) != gates * hidden) {
      throw new ShapeException(ShapeMismatch.of("shape.mismatch.argument", op, "wIh is "
          + wIh.shapeOf() + " but hx is " + hx.shapeOf() + "; the weights have " + gates
          + " * hidden rows (" + gates * hidden + ")"));
    }
    for (Tensor b : new Tensor[] {bIh, bHh}) {
      if (b != null && (b.dim() != 1 || b.size(0) != gates * hidden)) {
        throw new ShapeException(ShapeMismatch.of("shape.mismatch.argument", op, "a bias is "
            + b.shapeOf() + " but hx is " + hx.shapeOf() + "; a bias has " + gates
            + " * hidden elements (" + gates * hidden + ")"));
      }
    }
  }
}
