"""Golden values for dev.shapetorch.nn.padding, made by PyTorch.

Run with Debian's interpreter:

    /usr/bin/python3 tensor-runtime/src/test/python/padding_golden.py

It rewrites tensor-runtime/src/test/resources/golden/nn/padding.json: per case, the layer and its
arguments, its repr, the input, the output, and the input's gradient of ``(out * w).sum()`` for a
random ``w`` (so that the gradient of a reflected or replicated element sums its copies).
"""

import json
import os

import torch
from torch import nn

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "resources", "golden", "nn", "padding.json")

CASES = [
    ("ConstantPad1d", [2], 0.5, [2, 3, 4]),
    ("ConstantPad1d", [1, 3], -1.0, [3, 4]),
    ("ConstantPad1d", [0, 2], 0.0, [2, 3, 5]),
    ("ConstantPad2d", [1], 2.0, [1, 2, 3, 3]),
    ("ConstantPad2d", [1, 0, 0, 2], 0.25, [2, 4, 3]),
    ("ConstantPad3d", [1], 1.5, [1, 1, 2, 2, 2]),
    ("ConstantPad3d", [0, 1, 2, 0, 1, 1], 0.0, [2, 2, 3, 2]),
    ("ZeroPad2d", [2], None, [1, 1, 2, 3]),
    ("ZeroPad2d", [1, 0, 2, 3], None, [2, 3, 2]),
    ("ReflectionPad1d", [2], None, [2, 2, 4]),
    ("ReflectionPad1d", [3, 1], None, [2, 5]),
    ("ReflectionPad2d", [1], None, [1, 2, 3, 3]),
    ("ReflectionPad2d", [1, 1, 2, 0], None, [2, 3, 4]),
    ("ReflectionPad3d", [1], None, [1, 1, 2, 3, 3]),
    ("ReflectionPad3d", [0, 2, 1, 0, 1, 1], None, [1, 2, 3, 4]),
    ("ReplicationPad1d", [2], None, [1, 2, 3]),
    ("ReplicationPad1d", [0, 3], None, [2, 4]),
    ("ReplicationPad2d", [2], None, [1, 1, 2, 2]),
    ("ReplicationPad2d", [1, 0, 3, 1], None, [2, 2, 3]),
    ("ReplicationPad3d", [1], None, [1, 1, 2, 2, 2]),
    ("ReplicationPad3d", [2, 0, 0, 1, 1, 0], None, [1, 2, 2, 3, 2]),
]


def main():
    torch.manual_seed(1915)
    cases = []
    for name, pads, value, shape in CASES:
        padding = pads[0] if len(pads) == 1 else tuple(pads)
        layer = getattr(nn, name)(padding) if value is None else getattr(nn, name)(padding, value)
        x = torch.randn(*shape, dtype=torch.float64, requires_grad=True)
        y = layer(x)
        w = torch.randn(*y.shape, dtype=torch.float64)
        (y * w).sum().backward()
        cases.append({"layer": name, "pads": pads, "value": value, "repr": repr(layer),
                      "input_shape": list(x.shape), "input": x.detach().flatten().tolist(),
                      "output_shape": list(y.shape), "output": y.detach().flatten().tolist(),
                      "weight": w.flatten().tolist(), "grad": x.grad.flatten().tolist()})
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump({"torch": torch.__version__, "cases": cases}, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
