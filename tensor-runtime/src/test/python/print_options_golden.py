"""Golden reprs for Torch.setPrintOptions: PyTorch 1.13's repr of a few tensors under several
torch.set_printoptions settings.

Usage: /usr/bin/python3 tensor-runtime/src/test/python/print_options_golden.py
Writes tensor-runtime/src/test/resources/golden/print_options.json, which
dev.shapetorch.tensor.PrintOptionsGoldenTest reads (no Python needed by the tests).
"""

import json
import math
import os

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "resources", "golden", "print_options.json")

OPTIONS = [
    dict(precision=4, threshold=1000, edgeitems=3, linewidth=80, sci_mode=None),
    dict(precision=2, threshold=1000, edgeitems=3, linewidth=80, sci_mode=None),
    dict(precision=0, threshold=1000, edgeitems=3, linewidth=80, sci_mode=None),
    dict(precision=6, threshold=1000, edgeitems=3, linewidth=80, sci_mode=None),
    dict(precision=4, threshold=5, edgeitems=1, linewidth=80, sci_mode=None),
    dict(precision=4, threshold=5, edgeitems=2, linewidth=30, sci_mode=None),
    dict(precision=3, threshold=1000, edgeitems=3, linewidth=80, sci_mode=True),
    dict(precision=3, threshold=1000, edgeitems=3, linewidth=80, sci_mode=False),
    dict(precision=2, threshold=1000, edgeitems=2, linewidth=80, sci_mode=None),  # "short"
]


def tensors():
    g = torch.Generator().manual_seed(3)
    yield torch.randn(3, 4, generator=g)
    yield torch.tensor([1.0, 2.0, 3.0])
    yield torch.tensor([1e-5, 1.0, 100.0])
    yield torch.tensor([123456.789, -0.5, 3.25], dtype=torch.float64)
    yield torch.arange(12).reshape(3, 4)
    yield torch.linspace(-1, 1, 9)
    yield torch.randn(2, 3, 4, generator=g)
    yield torch.tensor([0.0, -0.0, float("nan"), float("inf")])


def main():
    cases = []
    for o in OPTIONS:
        torch.set_printoptions(**o)
        for t in tensors():
            values = [None if math.isnan(v) else ("inf" if v == math.inf else v)
                      for v in t.flatten().tolist()]
            cases.append(dict(options=o, dtype=str(t.dtype), shape=list(t.shape),
                              values=values, repr=repr(t)))
    torch.set_printoptions(profile="default")
    with open(OUT, "w") as f:
        json.dump(cases, f, indent=1)
        f.write("\n")
    print(f"wrote {len(cases)} cases to {os.path.relpath(OUT)}")


if __name__ == "__main__":
    main()
