"""Golden values for RMSNorm (nn.RMSNorm and F.rms_norm of PyTorch 2).

PyTorch 1.13, the Debian interpreter's, has no RMSNorm, so the values come from its definition
computed with 1.13's autograd: y = x * rsqrt(mean(x^2 over the normalized dims) + eps) * weight,
eps defaulting to torch.finfo(x.dtype).eps. Run with:

    /usr/bin/python3 tensor-runtime/src/test/python/nn_rmsnorm_golden.py

It writes tensor-runtime/src/test/resources/golden/nn/rms_norm_*.txt in nn_golden.py's format.
"""

import os
import sys

import torch
import torch.nn as nn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from nn_golden import OUT, module_case, rand  # noqa: E402


class RMSNormReference(nn.Module):
    """PyTorch 2's nn.RMSNorm, written from its documented formula."""

    def __init__(self, normalized_shape, eps=None, elementwise_affine=True):
        super().__init__()
        self.normalized_shape = tuple(normalized_shape)
        self.eps = eps
        if elementwise_affine:
            self.weight = nn.Parameter(torch.randn(self.normalized_shape) * 0.5 + 1)
        else:
            self.register_parameter("weight", None)

    def forward(self, x):
        dims = tuple(range(-len(self.normalized_shape), 0))
        eps = torch.finfo(x.dtype).eps if self.eps is None else self.eps
        y = x * torch.rsqrt(x.pow(2).mean(dims, keepdim=True) + eps)
        return y if self.weight is None else y * self.weight


def main():
    os.makedirs(OUT, exist_ok=True)
    torch.manual_seed(20261207)
    module_case("rms_norm_last_dim", RMSNormReference([6]), {"x": rand(2, 3, 6)})
    module_case("rms_norm_two_dims_eps", RMSNormReference([3, 4], eps=1e-2), {"x": rand(2, 3, 4)})
    module_case("rms_norm_no_affine", RMSNormReference([5], elementwise_affine=False),
                {"x": rand(4, 5) * 1e-3})


if __name__ == "__main__":
    main()
