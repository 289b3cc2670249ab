"""Golden values for nn.MultiheadAttention with masks, computed by PyTorch.

Run with Debian's interpreter, which has torch 1.13:

    /usr/bin/python3 tensor-runtime/src/test/python/nn_attention_masks_golden.py

It writes tensor-runtime/src/test/resources/golden/nn/mha_masks_*.txt in nn_golden.py's format
(one tensor a line: ``name<TAB>dtype<TAB>shape<TAB>values``): ``state.*`` the module's
state_dict, ``in.q``/``in.k``/``in.v`` the inputs, ``in.key_padding_mask`` and
``in.attn_mask`` the masks (boolean masks as 0/1 integers), ``out.y`` the output and
``out.weights`` the weights averaged over heads, ``grad.*`` and ``pgrad.*`` the gradients of the
sum of both outputs. Cases: a boolean padding mask with a boolean causal mask (sequence-first),
a boolean padding mask with a per-head float mask (batch-first), and a float padding mask
(added to the scores; PyTorch 1.13 takes it when no attention mask is given).
"""

import torch
import torch.nn as nn

from nn_golden import rand, write


def case(name, module, q, k, v, key_padding_mask, attn_mask):
    d = {"state." + key: val for key, val in module.state_dict().items()}
    q, k, v = (t.clone().requires_grad_(True) for t in (q, k, v))
    d["in.q"], d["in.k"], d["in.v"] = q, k, v
    if key_padding_mask is not None:
        d["in.key_padding_mask"] = key_padding_mask
    if attn_mask is not None:
        d["in.attn_mask"] = attn_mask
    y, w = module(q, k, v, key_padding_mask=key_padding_mask, attn_mask=attn_mask)
    d["out.y"], d["out.weights"] = y, w
    (y.sum() + w.sum()).backward()
    d["grad.q"], d["grad.k"], d["grad.v"] = q.grad, k.grad, v.grad
    for key, p in module.named_parameters():
        d["pgrad." + key] = p.grad
    write(name, d)


def main():
    torch.manual_seed(20261207)
    # Sequence-first, E 4, 2 heads: L 3, N 2, S 5; padding hides the last keys of entry 1.
    m = nn.MultiheadAttention(4, 2)
    padding = torch.tensor([[False, False, False, False, False],
                            [False, False, False, True, True]])
    causal = torch.ones(3, 5, dtype=torch.bool).triu(3)
    case("mha_masks_seq_first", m, rand(3, 2, 4), rand(5, 2, 4), rand(5, 2, 4), padding, causal)
    # Batch-first, E 6, 3 heads: N 2, L 4, S 3; a float mask per batch entry and head.
    m = nn.MultiheadAttention(6, 3, batch_first=True)
    padding = torch.tensor([[False, True, False], [False, False, True]])
    per_head = rand(2 * 3, 4, 3)
    case("mha_masks_batch_first", m, rand(2, 4, 6), rand(2, 3, 6), rand(2, 3, 6), padding,
         per_head)
    # A float padding mask, added to the scores.
    m = nn.MultiheadAttention(4, 2)
    float_padding = rand(2, 5)
    case("mha_masks_float_padding", m, rand(3, 2, 4), rand(5, 2, 4), rand(5, 2, 4),
         float_padding, None)


if __name__ == "__main__":
    main()
