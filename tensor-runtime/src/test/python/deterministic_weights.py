"""Fills a torchvision model's state dict with values computed from each entry's name and
element index: the Python twin of the tests' DeterministicWeights.java (same rule, same order of
operations, in float64), so that the golden scripts can record torchvision's outputs for weights
the Java tests rebuild without a weight file.

For an entry `name` with n elements, s[i] = sin(0.1 i + 0.7 (h % 97)) with h the sum of the
name's character codes; then running_var -> 1 + 0.5 s^2, running_mean -> 0.1 s, two or more
dimensions -> s sqrt(2 / fan_in) with fan_in = n / shape[0], one dimension named *weight ->
1 + 0.1 s, anything else -> 0.1 s. Integer entries (num_batches_tracked) are left alone.
"""
import math

import torch


def values(name, shape):
    n = 1
    for d in shape:
        n *= d
    h = sum(ord(c) for c in name)
    s = torch.arange(0.0, float(n), 1.0, dtype=torch.float64).mul(0.1).add(0.7 * (h % 97)).sin()
    if name.endswith("running_var"):
        v = s.mul(s).mul(0.5).add(1.0)
    elif name.endswith("running_mean"):
        v = s.mul(0.1)
    elif len(shape) >= 2:
        v = s.mul(math.sqrt(2.0 / (n // shape[0])))
    elif len(shape) == 1 and name.endswith("weight"):
        v = s.mul(0.1).add(1.0)
    else:
        v = s.mul(0.1)
    return v.reshape(shape)


def fill(model):
    with torch.no_grad():
        for name, t in model.state_dict().items():
            if t.dtype.is_floating_point:
                t.copy_(values(name, list(t.shape)).to(t.dtype))
