"""Golden values for the Transformer stacks (TransformerDecoderLayer, TransformerEncoder,
TransformerDecoder, Transformer), computed by PyTorch.

Run with Debian's interpreter, which has torch 1.13:

    /usr/bin/python3 tensor-runtime/src/test/python/nn_transformer_golden.py

It writes tensor-runtime/src/test/resources/golden/nn/transformer_*.txt in nn_golden.py's format
(one tensor a line: ``name<TAB>dtype<TAB>shape<TAB>values``): ``state.*`` the module's
state_dict (the Java test loads it, strictly, so the names are PyTorch's), ``in.*`` the inputs
(boolean masks as 0/1 integers), ``in.g`` a random weight for the output, ``out.y`` the output in
eval mode (dropout off), ``grad.*`` and ``pgrad.*`` the gradients of ``(y * g).sum()`` for the
sequences and every parameter. Inputs need gradients, so PyTorch takes its regular path, never
the no-grad fast path. A float ``tgt_mask`` named ``causal`` is
``Transformer.generate_square_subsequent_mask(T)``, which the Java test builds itself (the file
format has no infinities).

The stacks' layers are deep copies of one layer, equal until trained; the script perturbs every
parameter by its own noise so that a layer that reads another layer's weights fails the test.

It also writes golden/nn/transformer_keys.txt: ``module<TAB>key<TAB>shape`` for every
state_dict entry of nn.Transformer() and the stacks built from PyTorch's defaults, and
``module<TAB>#params<TAB>count``.
"""

import os

import torch
import torch.nn as nn

from nn_golden import OUT, write


def perturb(module):
    with torch.no_grad():
        for p in module.parameters():
            p.add_(torch.randn_like(p) * 0.2)


def case(name, module, seqs, masks, forward):
    """seqs: float inputs that get gradients; masks: the rest (None for absent)."""
    module.eval()
    d = {}
    for k, v in module.state_dict().items():
        d["state." + k] = v
    leaf = {k: v.clone().requires_grad_(True) for k, v in seqs.items()}
    for k, v in leaf.items():
        d["in." + k] = v
    for k, v in masks.items():
        if v is not None and k != "causal":
            d["in." + k] = v
    y = forward(module, leaf, masks)
    g = torch.randn(*y.shape)
    (y * g).sum().backward()
    d["in.g"] = g
    d["out.y"] = y
    for k, v in leaf.items():
        d["grad." + k] = v.grad
    for k, p in module.named_parameters():
        d["pgrad." + k] = p.grad
    write("transformer_" + name, d)


def causal(t):
    return nn.Transformer.generate_square_subsequent_mask(t)


def bool_mask(*shape, p=0.3):
    m = torch.rand(*shape) < p
    # Never a whole row masked (softmax over nothing is NaN in PyTorch and here).
    m[..., 0] = False
    return m


def padding(n, length, pad):
    """[n, length], the last pad[i] positions of sequence i padded."""
    m = torch.zeros(n, length, dtype=torch.bool)
    for i, k in enumerate(pad):
        if k:
            m[i, length - k:] = True
    return m


def decoder_forward(m, x, k):
    return m(x["tgt"], x["memory"], tgt_mask=k.get("causal"), memory_mask=k.get("memory_mask"),
             tgt_key_padding_mask=k.get("tgt_key_padding_mask"),
             memory_key_padding_mask=k.get("memory_key_padding_mask"))


def encoder_forward(m, x, k):
    return m(x["src"], mask=k.get("src_mask"), src_key_padding_mask=k.get("src_key_padding_mask"))


def transformer_forward(m, x, k):
    return m(x["src"], x["tgt"], src_mask=k.get("src_mask"), tgt_mask=k.get("causal"),
             memory_mask=k.get("memory_mask"),
             src_key_padding_mask=k.get("src_key_padding_mask"),
             tgt_key_padding_mask=k.get("tgt_key_padding_mask"),
             memory_key_padding_mask=k.get("memory_key_padding_mask"))


def decoder_layers():
    # T=3, S=5, N=2, E=4: post-norm, ReLU, sequence-first, PyTorch's dropout 0.1 (eval: off),
    # every mask (the causal float mask, a boolean memory mask, both padding masks).
    layer = nn.TransformerDecoderLayer(4, 2, dim_feedforward=8)
    perturb(layer)
    case("decoder_layer_masks", layer, {"tgt": torch.randn(3, 2, 4), "memory": torch.randn(5, 2, 4)},
         {"causal": causal(3), "memory_mask": bool_mask(3, 5),
          "tgt_key_padding_mask": padding(2, 3, [0, 1]),
          "memory_key_padding_mask": padding(2, 5, [2, 0])}, decoder_forward)
    # Pre-norm, GELU, batch-first, no masks; N=3, T=2, S=4, E=6.
    layer = nn.TransformerDecoderLayer(6, 3, dim_feedforward=10, dropout=0.0, activation="gelu",
                                       batch_first=True, norm_first=True)
    perturb(layer)
    case("decoder_layer_norm_first", layer,
         {"tgt": torch.randn(3, 2, 6), "memory": torch.randn(3, 4, 6)}, {}, decoder_forward)


def stacks():
    # Encoder: 2 post-norm layers and a final norm, sequence-first, float mask and padding.
    layer = nn.TransformerEncoderLayer(4, 2, dim_feedforward=8)
    enc = nn.TransformerEncoder(layer, 2, norm=nn.LayerNorm(4))
    perturb(enc)
    case("encoder_masks", enc, {"src": torch.randn(5, 2, 4)},
         {"src_mask": torch.randn(5, 5), "src_key_padding_mask": padding(2, 5, [0, 2])},
         encoder_forward)
    # Encoder: 3 pre-norm batch-first GELU layers, no norm, no masks.
    layer = nn.TransformerEncoderLayer(6, 2, dim_feedforward=12, dropout=0.0, activation="gelu",
                                       batch_first=True, norm_first=True)
    enc = nn.TransformerEncoder(layer, 3)
    perturb(enc)
    case("encoder_norm_first", enc, {"src": torch.randn(2, 4, 6)}, {}, encoder_forward)
    # Decoder: 2 pre-norm batch-first layers and a final norm, every mask.
    layer = nn.TransformerDecoderLayer(4, 2, dim_feedforward=8, batch_first=True,
                                       norm_first=True)
    dec = nn.TransformerDecoder(layer, 2, norm=nn.LayerNorm(4))
    perturb(dec)
    case("decoder_masks", dec, {"tgt": torch.randn(2, 3, 4), "memory": torch.randn(2, 5, 4)},
         {"causal": causal(3), "memory_mask": bool_mask(3, 5),
          "tgt_key_padding_mask": padding(2, 3, [1, 0]),
          "memory_key_padding_mask": padding(2, 5, [0, 3])}, decoder_forward)
    # Decoder: 2 post-norm sequence-first layers, no norm, no masks.
    layer = nn.TransformerDecoderLayer(4, 2, dim_feedforward=8, dropout=0.0)
    dec = nn.TransformerDecoder(layer, 2)
    perturb(dec)
    case("decoder_post_norm", dec, {"tgt": torch.randn(3, 2, 4), "memory": torch.randn(4, 2, 4)},
         {}, decoder_forward)


def transformers():
    # Post-norm, ReLU, sequence-first, every mask: S=5, T=4, N=2, E=8.
    t = nn.Transformer(d_model=8, nhead=2, num_encoder_layers=2, num_decoder_layers=1,
                       dim_feedforward=16)
    perturb(t)
    case("transformer_masks", t, {"src": torch.randn(5, 2, 8), "tgt": torch.randn(4, 2, 8)},
         {"src_mask": bool_mask(5, 5), "causal": causal(4), "memory_mask": torch.randn(4, 5),
          "src_key_padding_mask": padding(2, 5, [1, 0]),
          "tgt_key_padding_mask": padding(2, 4, [0, 1]),
          "memory_key_padding_mask": padding(2, 5, [1, 0])}, transformer_forward)
    # Pre-norm, GELU, batch-first, no masks: N=2, S=3, T=2, E=4.
    t = nn.Transformer(d_model=4, nhead=2, num_encoder_layers=1, num_decoder_layers=2,
                       dim_feedforward=6, dropout=0.0, activation="gelu", batch_first=True,
                       norm_first=True)
    perturb(t)
    case("transformer_norm_first", t, {"src": torch.randn(2, 3, 4), "tgt": torch.randn(2, 2, 4)},
         {}, transformer_forward)


def keys():
    modules = {
        "Transformer": nn.Transformer(),
        "TransformerEncoder": nn.TransformerEncoder(nn.TransformerEncoderLayer(512, 8), 6),
        "TransformerDecoder": nn.TransformerDecoder(nn.TransformerDecoderLayer(512, 8), 6,
                                                    norm=nn.LayerNorm(512)),
        "TransformerDecoderLayer": nn.TransformerDecoderLayer(512, 8),
    }
    with open(os.path.join(OUT, "transformer_keys.txt"), "w") as f:
        for name, m in modules.items():
            for k, v in m.state_dict().items():
                f.write(f"{name}\t{k}\t{','.join(str(s) for s in v.shape)}\n")
            f.write(f"{name}\t#params\t{sum(p.numel() for p in m.parameters())}\n")


def main():
    os.makedirs(OUT, exist_ok=True)
    torch.manual_seed(20261207)
    decoder_layers()
    stacks()
    transformers()
    keys()


if __name__ == "__main__":
    main()
