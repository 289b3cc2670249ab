"""PyTorch's default arguments for the classes and functions ShapeTorch maps.

Run with Debian's interpreter, which has torch 1.13:

    /usr/bin/python3 tensor-runtime/src/test/python/defaults_golden.py

It rewrites tensor-runtime/src/test/resources/golden/defaults/pytorch_defaults.json: for each
PyTorch name below (as docs/names.md writes it), its parameters that have a default, in
declaration order, with that default (``None`` as null, tuples as lists). ``device`` and
``dtype`` (factory keywords ShapeTorch has no counterpart for on a module's constructor) are
left out, as are the losses' deprecated ``size_average``/``reduce``. DefaultsGoldenTest checks each against ShapeTorch's default, or lists it as a known
gap with its reason.

The signature comes from ``inspect.signature``; for a builtin (``F.conv2d``, ``torch.flatten``)
that has none, from the first line of its docstring, which PyTorch writes as the signature.
"""

import ast
import inspect
import json
import os
import re

import torch
import torch.nn as nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "resources", "golden", "defaults", "pytorch_defaults.json")

# PyTorch name -> the object whose signature holds its defaults. nn.RNN, nn.GRU and nn.LSTM
# take *args, **kwargs and hand them to nn.RNNBase (after ``mode``); nn.RNN also takes
# ``nonlinearity`` (default 'tanh') from its kwargs, which the signature cannot show.
TARGETS = {
    "nn.RNN": nn.RNNBase.__init__,
    "nn.GRU": nn.RNNBase.__init__,
    "nn.LSTM": nn.RNNBase.__init__,
    "nn.TransformerEncoderLayer": nn.TransformerEncoderLayer.__init__,
    "nn.TransformerDecoderLayer": nn.TransformerDecoderLayer.__init__,
    "nn.TransformerEncoder": nn.TransformerEncoder.__init__,
    "nn.TransformerDecoder": nn.TransformerDecoder.__init__,
    "nn.Transformer": nn.Transformer.__init__,
    "nn.MultiheadAttention": nn.MultiheadAttention.__init__,
    "nn.Linear": nn.Linear.__init__,
    "nn.Bilinear": nn.Bilinear.__init__,
    "nn.Conv1d": nn.Conv1d.__init__,
    "nn.Conv2d": nn.Conv2d.__init__,
    "nn.ConvTranspose2d": nn.ConvTranspose2d.__init__,
    "nn.MaxPool1d": nn.MaxPool1d.__init__,
    "nn.MaxPool2d": nn.MaxPool2d.__init__,
    "nn.AvgPool2d": nn.AvgPool2d.__init__,
    "nn.Embedding": nn.Embedding.__init__,
    "nn.LayerNorm": nn.LayerNorm.__init__,
    "nn.GroupNorm": nn.GroupNorm.__init__,
    "nn.BatchNorm1d": nn.BatchNorm1d.__init__,
    "nn.BatchNorm2d": nn.BatchNorm2d.__init__,
    "nn.Dropout": nn.Dropout.__init__,
    "nn.Flatten": nn.Flatten.__init__,
    "nn.CrossEntropyLoss": nn.CrossEntropyLoss.__init__,
    "nn.NLLLoss": nn.NLLLoss.__init__,
    "nn.MSELoss": nn.MSELoss.__init__,
    "nn.L1Loss": nn.L1Loss.__init__,
    "nn.HuberLoss": nn.HuberLoss.__init__,
    "nn.SmoothL1Loss": nn.SmoothL1Loss.__init__,
    "nn.KLDivLoss": nn.KLDivLoss.__init__,
    "nn.BCELoss": nn.BCELoss.__init__,
    "nn.BCEWithLogitsLoss": nn.BCEWithLogitsLoss.__init__,
    "F.linear": F.linear,
    "F.conv1d": F.conv1d,
    "F.conv2d": F.conv2d,
    "F.conv_transpose2d": F.conv_transpose2d,
    # F.max_pool1d/2d dispatch on return_indices through *args; these hold the signature.
    "F.max_pool1d": F._max_pool1d,
    "F.max_pool2d": F._max_pool2d,
    "F.avg_pool2d": F.avg_pool2d,
    "torch.flatten": torch.flatten,
    "Tensor.flatten": torch.Tensor.flatten,
}

# Not defaults a user sets: factory keywords, RNNBase's mode (the class decides it), the
# deprecated size_average/reduce of the losses (reduction replaces them), private _weight.
LEFT_OUT = {"self", "device", "dtype", "mode", "size_average", "reduce", "_weight"}


def from_docstring(fn):
    """The parameters of ``name(a, b=1, *, c=None) -> Tensor`` on the docstring's first line."""
    doc = (fn.__doc__ or "").strip()
    m = re.match(r"[\w.]+\((.*?)\)\s*(->|$)", doc.splitlines()[0] if doc else "")
    if not m:
        raise ValueError("no signature for " + repr(fn))
    tree = ast.parse("def f(" + m.group(1) + "): pass")
    args = tree.body[0].args
    names = [a.arg for a in args.args]
    defaults = [None] * (len(names) - len(args.defaults)) + list(args.defaults)
    out = []
    for name, d in zip(names, defaults):
        if d is not None:
            out.append((name, ast.literal_eval(d)))
    for a, d in zip(args.kwonlyargs, args.kw_defaults):
        if d is not None:
            out.append((a.arg, ast.literal_eval(d)))
    return out


def defaults_of(fn):
    try:
        sig = inspect.signature(fn)
    except (TypeError, ValueError):
        return from_docstring(fn)
    return [(p.name, p.default) for p in sig.parameters.values()
            if p.default is not inspect.Parameter.empty]


def plain(v):
    if isinstance(v, tuple):
        return [plain(x) for x in v]
    if v is None or isinstance(v, (bool, int, float, str)):
        return v
    if callable(v) and getattr(v, "__module__", "") == "torch.nn.functional":
        return v.__name__  # TransformerEncoderLayer's activation=F.relu: "relu"
    raise TypeError("unexpected default " + repr(v))


def main():
    table = {}
    for name, fn in TARGETS.items():
        table[name] = {k: plain(v) for k, v in defaults_of(fn) if k not in LEFT_OUT}
    table["nn.RNN"] = dict(table["nn.RNN"], nonlinearity="tanh")
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as f:
        json.dump({"torch": torch.__version__, "defaults": table}, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
