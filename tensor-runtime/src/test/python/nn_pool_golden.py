"""Golden values for the 3-D, 1-D average and adaptive pooling layers, computed by PyTorch.

Run with Debian's interpreter, which has torch 1.13:

    /usr/bin/python3 tensor-runtime/src/test/python/nn_pool_golden.py

It writes tensor-runtime/src/test/resources/golden/nn/pool_*.txt in nn_golden.py's format
(one tensor a line: ``name<TAB>dtype<TAB>shape<TAB>values``): ``in.x`` the input, ``in.g`` a
random weight for the output, ``out.y`` the output, ``out.idx`` (max pooling only) the int64
indices of the maxima as ``return_indices=True`` gives them, ``grad.x`` the input's gradient of
``(y * g).sum()`` (so every output element weighs differently), and golden/nn/pool_reprs.txt,
``case<TAB>repr`` per line.
"""

import os

import torch
import torch.nn as nn
import torch.nn.functional as F

from nn_golden import OUT, write

# (name, module, input shape, the same pooling with return_indices=True or None)
CASES = [
    ("max_pool3d",
     lambda: nn.MaxPool3d((3, 2, 2), stride=(2, 1, 2), padding=(1, 0, 1), dilation=(1, 2, 1)),
     (2, 3, 6, 7, 6),
     lambda x: F.max_pool3d(x, (3, 2, 2), (2, 1, 2), (1, 0, 1), (1, 2, 1),
                            return_indices=True)),
    ("max_pool3d_ceil", lambda: nn.MaxPool3d(2, stride=2, ceil_mode=True), (1, 2, 5, 5, 5),
     lambda x: F.max_pool3d(x, 2, 2, ceil_mode=True, return_indices=True)),
    ("max_pool3d_pad", lambda: nn.MaxPool3d(3, stride=2, padding=1), (2, 2, 5, 6, 4), None),
    ("max_pool3d_default", lambda: nn.MaxPool3d(2), (2, 2, 4, 5, 4), None),
    ("avg_pool1d", lambda: nn.AvgPool1d(3, stride=2, padding=1), (2, 3, 9), None),
    ("avg_pool1d_ceil_nopad",
     lambda: nn.AvgPool1d(3, stride=2, padding=1, ceil_mode=True, count_include_pad=False),
     (2, 3, 8), None),
    ("avg_pool1d_default", lambda: nn.AvgPool1d(2), (2, 2, 7), None),
    ("avg_pool3d", lambda: nn.AvgPool3d((3, 2, 2), stride=(2, 1, 2), padding=(1, 0, 1)),
     (2, 3, 6, 5, 6), None),
    ("avg_pool3d_ceil_nopad",
     lambda: nn.AvgPool3d(3, stride=2, padding=1, ceil_mode=True, count_include_pad=False),
     (1, 2, 6, 7, 5), None),
    ("avg_pool3d_divisor", lambda: nn.AvgPool3d(2, stride=1, padding=1, divisor_override=3),
     (1, 2, 3, 4, 3), None),
    ("avg_pool3d_default", lambda: nn.AvgPool3d(2), (2, 2, 4, 4, 5), None),
    ("adaptive_avg_pool1d", lambda: nn.AdaptiveAvgPool1d(3), (2, 3, 7), None),
    ("adaptive_avg_pool3d", lambda: nn.AdaptiveAvgPool3d((2, 3, 4)), (2, 2, 5, 7, 9), None),
    ("adaptive_avg_pool3d_cube", lambda: nn.AdaptiveAvgPool3d((2, 2, 2)), (1, 2, 3, 5, 4),
     None),
    ("adaptive_max_pool1d", lambda: nn.AdaptiveMaxPool1d(4), (2, 3, 7),
     lambda x: F.adaptive_max_pool1d(x, 4, return_indices=True)),
    ("adaptive_max_pool2d", lambda: nn.AdaptiveMaxPool2d((3, 2)), (2, 3, 7, 5),
     lambda x: F.adaptive_max_pool2d(x, (3, 2), return_indices=True)),
    ("adaptive_max_pool2d_square", lambda: nn.AdaptiveMaxPool2d((4, 4)), (1, 2, 6, 9),
     lambda x: F.adaptive_max_pool2d(x, 4, return_indices=True)),
    ("adaptive_max_pool3d", lambda: nn.AdaptiveMaxPool3d((2, 3, 2)), (1, 2, 5, 7, 3),
     lambda x: F.adaptive_max_pool3d(x, (2, 3, 2), return_indices=True)),
]


def case(name, module, shape, with_indices):
    d = {}
    x = torch.randn(*shape).requires_grad_(True)
    y = module(x)
    g = torch.randn(*y.shape)
    (y * g).sum().backward()
    d["in.x"] = x
    d["in.g"] = g
    d["out.y"] = y
    if with_indices is not None:
        values, idx = with_indices(x.detach())
        assert torch.equal(values, y.detach())
        d["out.idx"] = idx
    d["grad.x"] = x.grad
    write("pool_" + name, d)


def main():
    os.makedirs(OUT, exist_ok=True)
    torch.manual_seed(20261207)
    reprs = []
    for name, make, shape, with_indices in CASES:
        module = make()
        case(name, module, shape, with_indices)
        reprs.append(f"{name}\t{module!r}\n")
    with open(os.path.join(OUT, "pool_reprs.txt"), "w") as f:
        f.writelines(reprs)


if __name__ == "__main__":
    main()
