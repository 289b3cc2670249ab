"""Golden values for dev.shapetorch.nn.pixelshuffle, made by PyTorch.

Run with Debian's interpreter:

    /usr/bin/python3 tensor-runtime/src/test/python/pixelshuffle_golden.py

It rewrites tensor-runtime/src/test/resources/golden/nn/pixelshuffle.json: per case, the layer,
its factor, its repr, the input, the output (F.pixel_shuffle / F.pixel_unshuffle give the same
values), and the input's gradient of ``(out * w).sum()`` for a random ``w``.
"""

import json
import os

import torch
from torch import nn

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "resources", "golden", "nn", "pixelshuffle.json")

CASES = [
    ("PixelShuffle", 2, [1, 4, 2, 3]),
    ("PixelShuffle", 3, [2, 9, 1, 2]),
    ("PixelShuffle", 2, [8, 2, 2]),
    ("PixelShuffle", 1, [2, 3, 2, 2]),
    ("PixelShuffle", 2, [2, 1, 8, 1, 2]),
    ("PixelUnshuffle", 2, [1, 1, 4, 6]),
    ("PixelUnshuffle", 3, [2, 2, 3, 6]),
    ("PixelUnshuffle", 2, [3, 2, 4]),
    ("PixelUnshuffle", 2, [2, 1, 1, 2, 2]),
]


def main():
    torch.manual_seed(1914)
    cases = []
    for name, r, shape in CASES:
        layer = getattr(nn, name)(r)
        x = torch.randn(*shape, dtype=torch.float64, requires_grad=True)
        y = layer(x)
        w = torch.randn(*y.shape, dtype=torch.float64)
        (y * w).sum().backward()
        cases.append({"layer": name, "factor": r, "repr": repr(layer),
                      "input_shape": list(x.shape), "input": x.detach().flatten().tolist(),
                      "output_shape": list(y.shape), "output": y.detach().flatten().tolist(),
                      "weight": w.flatten().tolist(), "grad": x.grad.flatten().tolist()})
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump({"torch": torch.__version__, "cases": cases}, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
