"""Golden values for the sequence layers of dev.shapetorch.nn (recurrent cells, attention).

Run with Debian's interpreter, which has torch 1.13:

    /usr/bin/python3 tensor-runtime/src/test/python/nn_seq_golden.py

It writes tensor-runtime/src/test/resources/golden/nn/cell_*.txt and sdpa.txt in nn_golden.py's format (one
tensor a line: name, dtype, shape, values; ``state.*`` the module's state_dict, ``in.*``
inputs, ``out.*`` outputs, ``grad.*`` gradients of the outputs' sum, ``pgrad.*`` parameter
gradients).
"""

import os
import sys

import torch
import torch.nn as nn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from nn_golden import OUT, module_case, rand, write  # noqa: E402


def cell_forward(m, x, hx=None, cx=None):
    if isinstance(m, nn.LSTMCell):
        h, c = m(x) if hx is None else m(x, (hx, cx))
        return {"h": h, "c": c}
    return {"h": m(x) if hx is None else m(x, hx)}


def cells():
    module_case("cell_rnn_tanh", nn.RNNCell(3, 4), {"x": rand(2, 3), "hx": rand(2, 4)},
                cell_forward)
    module_case("cell_rnn_relu_nobias_zero_state", nn.RNNCell(3, 4, bias=False,
                                                              nonlinearity="relu"),
                {"x": rand(2, 3)}, cell_forward)
    module_case("cell_rnn_unbatched", nn.RNNCell(3, 4), {"x": rand(3), "hx": rand(4)},
                cell_forward)
    module_case("cell_lstm", nn.LSTMCell(3, 4), {"x": rand(2, 3), "hx": rand(2, 4),
                                                 "cx": rand(2, 4)}, cell_forward)
    module_case("cell_lstm_zero_state", nn.LSTMCell(3, 4), {"x": rand(2, 3)}, cell_forward)
    module_case("cell_lstm_unbatched_nobias", nn.LSTMCell(3, 4, bias=False),
                {"x": rand(3), "hx": rand(4), "cx": rand(4)}, cell_forward)
    module_case("cell_gru", nn.GRUCell(3, 4), {"x": rand(2, 3), "hx": rand(2, 4)},
                cell_forward)
    module_case("cell_gru_unbatched_zero_state", nn.GRUCell(3, 4), {"x": rand(3)},
                cell_forward)


def sdpa_reference(q, k, v, mask=None, causal=False):
    """PyTorch 2's F.scaled_dot_product_attention (1.13 has none), written out: a boolean mask
    marks the keys a query may attend to, a float one is added to the scores."""
    scores = q @ k.transpose(-2, -1) / (q.size(-1) ** 0.5)
    if causal:
        mask = torch.ones(q.size(-2), k.size(-2), dtype=torch.bool).tril()
    if mask is not None:
        if mask.dtype == torch.bool:
            scores = scores.masked_fill(~mask, float("-inf"))
        else:
            scores = scores + mask
    return torch.softmax(scores, dim=-1) @ v


def attention():
    q = rand(2, 3, 4).requires_grad_(True)
    k = rand(2, 5, 4).requires_grad_(True)
    v = rand(2, 5, 6).requires_grad_(True)
    bool_mask = torch.rand(3, 5) > 0.4
    bool_mask[:, 0] = True  # no query without a key
    float_mask = rand(2, 3, 5)
    plain = sdpa_reference(q, k, v)
    plain.sum().backward()
    d = {"in.q": q, "in.k": k, "in.v": v, "in.bool_mask": bool_mask,
         "in.float_mask": float_mask, "out.plain": plain,
         "grad.q": q.grad, "grad.k": k.grad, "grad.v": v.grad,
         "out.bool_mask": sdpa_reference(q, k, v, bool_mask),
         "out.float_mask": sdpa_reference(q, k, v, float_mask),
         "out.causal": sdpa_reference(q, k, v, causal=True)}
    q4 = rand(2, 2, 3, 4)
    k4 = rand(2, 2, 5, 4)
    v4 = rand(2, 2, 5, 4)
    d.update({"in.q4": q4, "in.k4": k4, "in.v4": v4,
              "out.heads": sdpa_reference(q4, k4, v4)})
    write("sdpa", d)


def main():
    os.makedirs(OUT, exist_ok=True)
    torch.manual_seed(20261206)
    cells()
    attention()


if __name__ == "__main__":
    main()
