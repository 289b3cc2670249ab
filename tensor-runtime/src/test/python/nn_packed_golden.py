"""Golden values for packed and padded sequences (torch.nn.utils.rnn) and the recurrent layers
run over packed batches.

Run with Debian's interpreter, which has torch 1.13:

    /usr/bin/python3 tensor-runtime/src/test/python/nn_packed_golden.py

It writes tensor-runtime/src/test/resources/golden/nn/packed_*.txt in nn_golden.py's format
(``state.*`` the module's state_dict, ``in.*`` inputs, ``out.*`` outputs, ``grad.*`` gradients
of the outputs' sum, ``pgrad.*`` parameter gradients). The recurrent cases pad the packed output
again (pad_packed_sequence), so ``out.y`` is the padded output; lengths are distinct, so the
order that sorting gives does not depend on how ties are broken.
"""

import os
import sys

import torch
import torch.nn as nn
from torch.nn.utils import rnn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from nn_golden import OUT, module_case, rand, write  # noqa: E402


def utils():
    x = rand(4, 3, 2)
    p = rnn.pack_padded_sequence(x, torch.tensor([4, 2, 1]))
    padded, lengths = rnn.pad_packed_sequence(p, padding_value=-1.0, total_length=5)
    write("packed_sorted", {"in.x": x, "in.lengths": torch.tensor([4, 2, 1]),
                            "out.data": p.data, "out.batch_sizes": p.batch_sizes,
                            "out.padded": padded, "out.lengths": lengths})

    x = rand(3, 4, 2)
    lengths = torch.tensor([2, 4, 1])
    p = rnn.pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False)
    padded, out_lengths = rnn.pad_packed_sequence(p, batch_first=True)
    write("packed_unsorted_batch_first", {
        "in.x": x, "in.lengths": lengths, "out.data": p.data, "out.batch_sizes": p.batch_sizes,
        "out.sorted_indices": p.sorted_indices, "out.unsorted_indices": p.unsorted_indices,
        "out.padded": padded, "out.lengths": out_lengths})

    seqs = [rand(3, 2), rand(1, 2), rand(2, 2)]
    write("packed_pad_sequence", {
        "in.s0": seqs[0], "in.s1": seqs[1], "in.s2": seqs[2],
        "out.seq_first": rnn.pad_sequence(seqs),
        "out.batch_first": rnn.pad_sequence(seqs, batch_first=True, padding_value=0.5)})
    p = rnn.pack_sequence(seqs, enforce_sorted=False)
    write("packed_pack_sequence", {"out.data": p.data, "out.batch_sizes": p.batch_sizes,
                                   "out.sorted_indices": p.sorted_indices})


def layer_forward(m, x, lengths, h0=None, c0=None):
    packed = rnn.pack_padded_sequence(x, lengths, enforce_sorted=False)
    if isinstance(m, nn.LSTM):
        state = None if h0 is None else (h0, c0)
        out, (h, c) = m(packed, state)
        return {"y": rnn.pad_packed_sequence(out)[0], "h": h, "c": c}
    out, h = m(packed, h0)
    return {"y": rnn.pad_packed_sequence(out)[0], "h": h}


def layers():
    lengths = torch.tensor([2, 4, 1])
    module_case("packed_lstm_bidirectional_2layers",
                nn.LSTM(2, 3, num_layers=2, bidirectional=True),
                {"x": rand(4, 3, 2), "lengths": lengths, "h0": rand(4, 3, 3),
                 "c0": rand(4, 3, 3)}, layer_forward)
    module_case("packed_gru_zero_state", nn.GRU(2, 3),
                {"x": rand(4, 3, 2), "lengths": lengths}, layer_forward)
    module_case("packed_rnn_relu_nobias", nn.RNN(2, 3, nonlinearity="relu", bias=False),
                {"x": rand(4, 3, 2), "lengths": lengths, "h0": rand(1, 3, 3)}, layer_forward)


def main():
    os.makedirs(OUT, exist_ok=True)
    torch.manual_seed(20261207)
    utils()
    layers()


if __name__ == "__main__":
    main()
