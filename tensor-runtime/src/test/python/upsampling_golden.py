"""Golden values for dev.shapetorch.nn.upsampling, made by PyTorch.

Run with Debian's interpreter:

    /usr/bin/python3 tensor-runtime/src/test/python/upsampling_golden.py

It rewrites tensor-runtime/src/test/resources/golden/nn/upsampling.json: per case, the layer, its
size or scale factor, mode and align_corners, its repr, the input, the output, the output of the
deprecated functional alias that matches the layer (F.upsample, F.upsample_nearest or
F.upsample_bilinear), and the input's gradient of ``(out * w).sum()`` for a random ``w``.
"""

import json
import os
import warnings

import torch
from torch import nn
from torch.nn import functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "resources", "golden", "nn", "upsampling.json")

# (layer, size, scale_factor, mode, align_corners, input shape)
CASES = [
    ("Upsample", [4, 6], None, "nearest", False, [1, 2, 2, 3]),
    ("Upsample", [5, 3], None, "bilinear", False, [2, 1, 3, 2]),
    ("Upsample", [5, 4], None, "bilinear", True, [1, 2, 3, 3]),
    ("Upsample", None, 2.0, "nearest", False, [1, 1, 2, 3]),
    ("Upsample", None, 1.5, "bilinear", False, [1, 2, 3, 2]),
    ("Upsample", None, 2.0, "bilinear", True, [2, 1, 2, 2]),
    ("Upsample", None, 3.0, "nearest", False, [1, 1, 2, 2]),
    ("UpsamplingNearest2d", [3, 5], None, "nearest", False, [1, 2, 2, 2]),
    ("UpsamplingNearest2d", None, 2.0, "nearest", False, [1, 1, 3, 2]),
    ("UpsamplingBilinear2d", [4, 5], None, "bilinear", True, [1, 2, 2, 3]),
    ("UpsamplingBilinear2d", None, 2.0, "bilinear", True, [2, 1, 2, 2]),
]


def alias(name, x, size, scale, mode, align):
    size = tuple(size) if size is not None else None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if name == "UpsamplingNearest2d":
            return F.upsample_nearest(x, size=size, scale_factor=scale)
        if name == "UpsamplingBilinear2d":
            return F.upsample_bilinear(x, size=size, scale_factor=scale)
        return F.upsample(x, size=size, scale_factor=scale, mode=mode,
                          align_corners=align if mode == "bilinear" else None)


def main():
    torch.manual_seed(1416)
    cases = []
    for name, size, scale, mode, align, shape in CASES:
        s = tuple(size) if size is not None else None
        if name == "Upsample":
            layer = nn.Upsample(size=s, scale_factor=scale, mode=mode,
                                align_corners=align if mode == "bilinear" else None)
        else:
            layer = getattr(nn, name)(size=s, scale_factor=scale)
        x = torch.randn(*shape, dtype=torch.float64, requires_grad=True)
        y = layer(x)
        f = alias(name, x.detach(), size, scale, mode, align)
        w = torch.randn(*y.shape, dtype=torch.float64)
        (y * w).sum().backward()
        cases.append({"layer": name, "size": size, "scale_factor": scale, "mode": mode,
                      "align_corners": align, "repr": repr(layer),
                      "input_shape": list(x.shape), "input": x.detach().flatten().tolist(),
                      "output_shape": list(y.shape), "output": y.detach().flatten().tolist(),
                      "alias_output": f.flatten().tolist(),
                      "weight": w.flatten().tolist(), "grad": x.grad.flatten().tolist()})
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump({"torch": torch.__version__, "cases": cases}, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
