"""Golden values for the sequence layers of dev.shapetorch.nn (recurrent cells), by PyTorch.

Run with Debian's interpreter, which has torch 1.13:

    /usr/bin/python3 tensor-runtime/src/test/python/nn_seq_golden.py

It writes tensor-runtime/src/test/resources/golden/nn/cell_*.txt in nn_golden.py's format (one
tensor a line: name, dtype, shape, values; ``state.*`` the module's state_dict, ``in.*``
inputs, ``out.*`` outputs, ``grad.*`` gradients of the outputs' sum, ``pgrad.*`` parameter
gradients).
"""

import os
import sys

import torch
import torch.nn as nn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from nn_golden import OUT, module_case, rand  # noqa: E402


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


def main():
    os.makedirs(OUT, exist_ok=True)
    torch.manual_seed(20261206)
    cells()


if __name__ == "__main__":
    main()
