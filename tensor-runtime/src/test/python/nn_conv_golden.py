"""Golden values for the 3-D and transposed 1-D/3-D convolutions, computed by PyTorch.

Run with Debian's interpreter, which has torch 1.13:

    /usr/bin/python3 tensor-runtime/src/test/python/nn_conv_golden.py

It writes tensor-runtime/src/test/resources/golden/nn/conv3_*.txt in nn_golden.py's format
(one tensor a line: ``name<TAB>dtype<TAB>shape<TAB>values``): ``state.*`` the layer's
state_dict, ``in.x`` the input, ``in.g`` a random weight for the output, ``out.y`` the output,
``grad.x`` and ``pgrad.*`` the gradients of ``(y * g).sum()`` (so every output element weighs
differently), and golden/nn/conv3_reprs.txt, ``case<TAB>repr`` per line.
"""

import os

import torch
import torch.nn as nn

from nn_golden import OUT, write

CASES = [
    ("conv3d", lambda: nn.Conv3d(3, 4, (3, 2, 2), stride=(2, 1, 2), padding=(1, 0, 1),
                                 dilation=(1, 2, 1)), (2, 3, 6, 7, 6)),
    ("conv3d_cube", lambda: nn.Conv3d(2, 3, 3, stride=2, padding=1), (2, 2, 5, 5, 5)),
    ("conv3d_groups_nobias", lambda: nn.Conv3d(4, 6, 2, groups=2, bias=False), (1, 4, 4, 4, 5)),
    ("conv3d_default", lambda: nn.Conv3d(2, 3, 2), (2, 2, 3, 4, 3)),
    ("conv_transpose1d", lambda: nn.ConvTranspose1d(3, 2, 3, stride=2, padding=1,
                                                    output_padding=1), (2, 3, 6)),
    ("conv_transpose1d_groups_dilation",
     lambda: nn.ConvTranspose1d(4, 6, 3, stride=3, padding=2, output_padding=1, groups=2,
                                bias=False, dilation=2), (2, 4, 5)),
    ("conv_transpose1d_default", lambda: nn.ConvTranspose1d(2, 3, 4), (3, 2, 5)),
    ("conv_transpose3d",
     lambda: nn.ConvTranspose3d(3, 2, (3, 2, 3), stride=(2, 1, 3), padding=(1, 0, 2),
                                output_padding=(1, 0, 1), dilation=(1, 2, 1)), (2, 3, 3, 4, 3)),
    ("conv_transpose3d_groups_nobias",
     lambda: nn.ConvTranspose3d(4, 6, 2, stride=2, groups=2, bias=False), (1, 4, 2, 3, 2)),
    ("conv_transpose3d_cube",
     lambda: nn.ConvTranspose3d(2, 3, 3, stride=2, padding=1, output_padding=1), (2, 2, 2, 3, 2)),
    ("conv_transpose3d_default", lambda: nn.ConvTranspose3d(2, 3, 2), (1, 2, 2, 2, 3)),
]


def case(name, module, shape):
    d = {}
    for k, v in module.state_dict().items():
        d["state." + k] = v
    x = torch.randn(*shape).requires_grad_(True)
    y = module(x)
    g = torch.randn(*y.shape)
    (y * g).sum().backward()
    d["in.x"] = x
    d["in.g"] = g
    d["out.y"] = y
    d["grad.x"] = x.grad
    for k, p in module.named_parameters():
        d["pgrad." + k] = p.grad
    write("conv3_" + name, d)


def main():
    os.makedirs(OUT, exist_ok=True)
    torch.manual_seed(20261206)
    reprs = []
    for name, make, shape in CASES:
        module = make()
        case(name, module, shape)
        reprs.append(f"{name}\t{module!r}\n")
    with open(os.path.join(OUT, "conv3_reprs.txt"), "w") as f:
        f.writelines(reprs)


if __name__ == "__main__":
    main()
