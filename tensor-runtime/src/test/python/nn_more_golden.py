"""Golden values for the deterministic layers of issue 14, made by PyTorch.

Run with Debian's interpreter:

    /usr/bin/python3 tensor-runtime/src/test/python/nn_more_golden.py

It rewrites tensor-runtime/src/test/resources/golden/nn/nn_more.json: per case, the layer and its
arguments, its repr, the inputs, the output, and the inputs' gradients of ``(out * w).sum()`` for
a random ``w``. The random layers (Dropout1d/2d/3d, AlphaDropout, FeatureAlphaDropout) have only
their reprs here; their tests check properties, not values.
"""

import json
import os

import torch
from torch import nn

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "resources", "golden", "nn", "nn_more.json")

# (layer, constructor arguments (as the Java test passes them), input shapes)
CASES = [
    ("CosineSimilarity", [], [[3, 4], [3, 4]]),
    ("CosineSimilarity", [1, 1e-8], [[2, 5, 3], [2, 5, 3]]),
    ("CosineSimilarity", [-1, 1e-8], [[2, 3, 4], [1, 4]]),
    ("CosineSimilarity", [0, 0.5], [[4, 2], [4, 2]]),
    ("PairwiseDistance", [], [[3, 4], [3, 4]]),
    ("PairwiseDistance", [1.0, 1e-6, False], [[2, 3, 5], [2, 3, 5]]),
    ("PairwiseDistance", [3.0, 0.1, True], [[4, 3], [4, 3]]),
    ("PairwiseDistance", [2.0, 1e-6, False], [[2, 4], [4]]),
    ("Softmax2d", [], [[2, 3, 2, 2]]),
    ("Softmax2d", [], [[4, 3, 2]]),
    ("Unflatten", [1, 2, 5], [[3, 10]]),
    ("Unflatten", [-1, 2, -1, 2], [[2, 3, 12]]),
    ("Unflatten", [0, 2, 2], [[4, 3]]),
]

REPRS = [
    ("Dropout1d", []), ("Dropout1d", [0.25]),
    ("Dropout2d", []), ("Dropout2d", [0.1]),
    ("Dropout3d", []), ("Dropout3d", [1.0]),
    ("AlphaDropout", []), ("AlphaDropout", [0.2]),
    ("FeatureAlphaDropout", []), ("FeatureAlphaDropout", [0.0]),
]


def build(name, args):
    if name == "Unflatten":
        return nn.Unflatten(args[0], tuple(args[1:]))
    return getattr(nn, name)(*args)


def main():
    torch.manual_seed(1914)
    cases = []
    for name, args, shapes in CASES:
        layer = build(name, args)
        xs = [torch.randn(*s, dtype=torch.float64, requires_grad=True) for s in shapes]
        y = layer(*xs)
        w = torch.randn(*y.shape, dtype=torch.float64)
        (y * w).sum().backward()
        cases.append({"layer": name, "args": args, "repr": repr(layer),
                      "input_shapes": [list(x.shape) for x in xs],
                      "inputs": [x.detach().flatten().tolist() for x in xs],
                      "output_shape": list(y.shape), "output": y.detach().flatten().tolist(),
                      "weight": w.flatten().tolist(),
                      "grads": [x.grad.flatten().tolist() for x in xs]})
    reprs = [{"layer": name, "args": args, "repr": repr(build(name, args))}
             for name, args in REPRS]
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump({"torch": torch.__version__, "cases": cases, "reprs": reprs}, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
