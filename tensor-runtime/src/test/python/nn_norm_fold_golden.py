"""Golden values for BatchNorm3d, InstanceNorm1d/2d/3d, LocalResponseNorm, Unfold and Fold,
made by PyTorch.

Run with Debian's interpreter:

    /usr/bin/python3 tensor-runtime/src/test/python/nn_norm_fold_golden.py

It rewrites tensor-runtime/src/test/resources/golden/nn/norm_fold.json. Every case runs in
float64. A normalisation case builds the layer with every constructor argument, optionally runs
one training step on ``step_input`` (which updates tracked running statistics), puts the layer
in training or evaluation mode, and records its repr, the output for ``input``, the gradients of
``(out * w).sum()`` for a random ``w`` with respect to the input (``grad``) and, when affine, the
weight and bias, and the running statistics afterwards. A fold case records the same for
``nn.Unfold`` / ``nn.Fold`` (``F.unfold`` / ``F.fold`` give the same values).
"""

import json
import os

import torch
from torch import nn

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "resources", "golden", "nn", "norm_fold.json")

# (layer, num_features, eps, momentum, affine, track_running_stats, input shape, step, train)
NORM_CASES = [
    ("BatchNorm3d", 3, 1e-5, 0.1, True, True, [2, 3, 2, 3, 2], False, True),
    ("BatchNorm3d", 3, 1e-5, 0.1, True, True, [2, 3, 2, 3, 2], True, False),
    ("BatchNorm3d", 2, 1e-3, 0.3, False, True, [3, 2, 2, 2, 2], True, True),
    ("BatchNorm3d", 2, 1e-5, 0.1, False, False, [2, 2, 1, 2, 3], False, False),
    ("InstanceNorm1d", 3, 1e-5, 0.1, False, False, [2, 3, 5], False, True),
    ("InstanceNorm1d", 3, 1e-5, 0.1, False, False, [3, 5], False, True),
    ("InstanceNorm1d", 3, 1e-5, 0.1, True, False, [2, 3, 4], False, False),
    ("InstanceNorm1d", 2, 1e-3, 0.2, True, True, [3, 2, 4], True, True),
    ("InstanceNorm1d", 2, 1e-3, 0.2, True, True, [3, 2, 4], True, False),
    ("InstanceNorm1d", 2, 1e-5, 0.1, False, True, [2, 4], True, False),
    ("InstanceNorm2d", 3, 1e-5, 0.1, False, False, [2, 3, 3, 4], False, True),
    ("InstanceNorm2d", 3, 1e-5, 0.1, True, False, [3, 2, 5], False, True),
    ("InstanceNorm2d", 2, 1e-5, 0.1, True, True, [2, 2, 3, 3], True, True),
    ("InstanceNorm2d", 2, 1e-5, 0.1, True, True, [2, 2, 3, 3], True, False),
    ("InstanceNorm2d", 2, 1e-5, 0.5, False, True, [2, 3, 3], True, False),
    ("InstanceNorm3d", 2, 1e-5, 0.1, False, False, [2, 2, 2, 3, 2], False, True),
    ("InstanceNorm3d", 2, 1e-5, 0.1, True, True, [2, 2, 2, 2, 3], True, False),
    ("InstanceNorm3d", 3, 1e-5, 0.1, True, False, [3, 2, 2, 2], False, True),
]

# (size, alpha, beta, k, input shape)
LRN_CASES = [
    (2, 1e-4, 0.75, 1.0, [2, 5, 3]),
    (3, 0.5, 0.75, 2.0, [2, 4, 3, 2]),
    (4, 1.0, 0.5, 1.0, [1, 6, 2, 2, 2]),
    (1, 2.0, 1.5, 0.5, [2, 3, 4]),
    (7, 0.3, 0.75, 1.0, [1, 3, 2, 3]),
]

# (kernel_size, dilation, padding, stride, input shape); lists of one or two values
UNFOLD_CASES = [
    ([2], [1], [0], [1], [2, 3, 4, 5]),
    ([2, 3], [1], [1], [2, 1], [1, 2, 5, 4]),
    ([2], [2], [1], [1], [1, 2, 5, 5]),
    ([3, 2], [1, 2], [0, 1], [2, 3], [2, 1, 7, 6]),
    ([2], [1], [0], [1], [3, 4, 3]),
]

# (output_size, kernel_size, dilation, padding, stride, input shape)
FOLD_CASES = [
    ([3, 3], [2], [1], [0], [1], [1, 12, 4]),
    ([4, 5], [2, 3], [1], [1], [2, 1], [2, 12, 15]),
    ([5], [2], [2], [1], [1], [1, 8, 25]),
    ([7, 6], [3, 2], [1, 2], [0, 1], [2, 3], [1, 6, 6]),
    ([3], [2], [1], [0], [1], [8, 4]),
]


def flat(t):
    return t.detach().flatten().tolist()


def one(v):
    return v[0] if len(v) == 1 else tuple(v)


def record(layer, x, extra):
    x = x.clone().requires_grad_(True)
    y = layer(x)
    w = torch.randn(*y.shape, dtype=torch.float64)
    (y * w).sum().backward()
    case = {"repr": repr(layer), "input_shape": list(x.shape), "input": flat(x),
            "output_shape": list(y.shape), "output": flat(y), "w": flat(w),
            "grad": flat(x.grad)}
    case.update(extra)
    return case


def main():
    torch.manual_seed(1313)
    cases = []
    for name, c, eps, mom, affine, track, shape, step, train in NORM_CASES:
        layer = getattr(nn, name)(c, eps=eps, momentum=mom, affine=affine,
                                  track_running_stats=track).double()
        if affine:
            with torch.no_grad():
                layer.weight.copy_(torch.randn(c, dtype=torch.float64))
                layer.bias.copy_(torch.randn(c, dtype=torch.float64))
        extra = {"kind": "norm", "layer": name, "num_features": c, "eps": eps,
                 "momentum": mom, "affine": affine, "track": track, "train": train}
        if affine:
            extra["weight"] = flat(layer.weight)
            extra["bias"] = flat(layer.bias)
        if step:
            s = torch.randn(*shape, dtype=torch.float64) * 2 + 0.5
            layer.train()
            layer(s)
            extra["step_input"] = flat(s)
        layer.train(train)
        x = torch.randn(*shape, dtype=torch.float64) * 1.5 - 0.3
        case = record(layer, x, extra)
        if affine:
            case["weight_grad"] = flat(layer.weight.grad)
            case["bias_grad"] = flat(layer.bias.grad)
        if track:
            case["running_mean"] = flat(layer.running_mean)
            case["running_var"] = flat(layer.running_var)
        cases.append(case)
    for size, alpha, beta, k, shape in LRN_CASES:
        layer = nn.LocalResponseNorm(size, alpha=alpha, beta=beta, k=k)
        x = torch.randn(*shape, dtype=torch.float64) * 2
        cases.append(record(layer, x, {"kind": "lrn", "size": size, "alpha": alpha,
                                       "beta": beta, "k": k}))
    for ks, dil, pad, st, shape in UNFOLD_CASES:
        layer = nn.Unfold(one(ks), dilation=one(dil), padding=one(pad), stride=one(st))
        x = torch.randn(*shape, dtype=torch.float64)
        cases.append(record(layer, x, {"kind": "unfold", "kernel_size": ks, "dilation": dil,
                                       "padding": pad, "stride": st}))
    for osz, ks, dil, pad, st, shape in FOLD_CASES:
        layer = nn.Fold(one(osz), one(ks), dilation=one(dil), padding=one(pad), stride=one(st))
        x = torch.randn(*shape, dtype=torch.float64)
        cases.append(record(layer, x, {"kind": "fold", "output_size": osz, "kernel_size": ks,
                                       "dilation": dil, "padding": pad, "stride": st}))
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump({"torch": torch.__version__, "cases": cases}, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
