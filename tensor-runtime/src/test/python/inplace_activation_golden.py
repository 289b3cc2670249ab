"""Golden values for the in-place activations (F.hardtanh_, F.celu_, F.selu_, F.threshold_,
F.rrelu_) and F.rrelu / nn.RReLU out of training, made by PyTorch.

Run with Debian's interpreter:

    /usr/bin/python3 tensor-runtime/src/test/python/inplace_activation_golden.py

It rewrites tensor-runtime/src/test/resources/golden/nn/inplace_activation.json: per case, the
function, its arguments, the input, the output (an in-place op runs on a clone of the input),
and the input's gradient of ``(out * w).sum()`` for a random ``w``; and the reprs of RReLU.
"""

import json
import os

import torch
from torch import nn
from torch.nn import functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "resources", "golden", "nn", "inplace_activation.json")

# (function, arguments); rrelu's arguments are lower, upper (training is False).
CASES = [
    ("hardtanh_", []),
    ("hardtanh_", [-0.5, 2.0]),
    ("celu_", []),
    ("celu_", [0.7]),
    ("selu_", []),
    ("threshold_", [0.1, -2.0]),
    ("rrelu", []),
    ("rrelu", [0.2, 0.4]),
    ("rrelu_", []),
    ("rrelu_", [0.05, 0.5]),
]


def call(name, x, args):
    if name.startswith("rrelu"):
        return getattr(F, name)(x, *args, training=False) if args else getattr(F, name)(x)
    return getattr(F, name)(x, *args)


def main():
    torch.manual_seed(1403)
    cases = []
    for name, args in CASES:
        x = (torch.randn(3, 4, dtype=torch.float64) * 2).requires_grad_(True)
        y = call(name, x.clone(), args)
        w = torch.randn(*y.shape, dtype=torch.float64)
        (y * w).sum().backward()
        cases.append({"function": name, "args": args, "input_shape": list(x.shape),
                      "input": x.detach().flatten().tolist(), "output": y.detach().flatten().tolist(),
                      "weight": w.flatten().tolist(), "grad": x.grad.flatten().tolist()})
    reprs = {"default": repr(nn.RReLU()), "custom": repr(nn.RReLU(0.1, 0.3))}
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump({"torch": torch.__version__, "cases": cases, "rrelu_repr": reprs}, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
