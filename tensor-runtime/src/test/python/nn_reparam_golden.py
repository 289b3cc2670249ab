"""Golden values for weight norm, spectral norm and pruning (torch.nn.utils).

Run with:

    /usr/bin/python3 tensor-runtime/src/test/python/nn_reparam_golden.py

It writes tensor-runtime/src/test/resources/golden/nn/reparam_*.txt in nn_golden.py's format:
``before.*`` is the layer's state before the reparametrization, ``state.*`` its state dict
after it (PyTorch's names and order), ``in.x``/``out.y`` one forward, ``grad.x`` and
``pgrad.*`` the gradients of the sum of the output, and ``after.*`` buffers a forward updated.
"""

import os
import sys

import torch
import torch.nn as nn
import torch.nn.utils.prune as prune

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from nn_golden import OUT, rand, write  # noqa: E402


def case(name, module, reparametrize, x, after_buffers=(), eval_too=False):
    d = {}
    for k, v in module.state_dict().items():
        d["before." + k] = v.clone()
    reparametrize(module)
    for k, v in module.state_dict().items():
        d["state." + k] = v.clone()
    d["keys"] = torch.tensor([len(module.state_dict())])
    x = x.clone().requires_grad_(True)
    d["in.x"] = x
    y = module(x)
    d["out.y"] = y
    y.sum().backward()
    d["grad.x"] = x.grad
    for k, p in module.named_parameters():
        d["pgrad." + k] = p.grad
    for k in after_buffers:
        d["after." + k] = getattr(module, k).clone()
    d["weight"] = getattr(module, "weight").detach().clone()
    if eval_too:
        module.eval()
        with torch.no_grad():
            d["out.eval"] = module(x)
    write(name, d)
    return module


def main():
    os.makedirs(OUT, exist_ok=True)
    torch.manual_seed(20261207)
    case("reparam_weight_norm_linear", nn.Linear(5, 4),
         lambda m: nn.utils.weight_norm(m), rand(3, 5))
    case("reparam_weight_norm_linear_dim1", nn.Linear(5, 4),
         lambda m: nn.utils.weight_norm(m, dim=1), rand(3, 5))
    case("reparam_weight_norm_conv1d_whole", nn.Conv1d(2, 3, 3),
         lambda m: nn.utils.weight_norm(m, dim=None), rand(2, 2, 6))
    case("reparam_spectral_norm_linear", nn.Linear(5, 4),
         lambda m: nn.utils.spectral_norm(m), rand(3, 5),
         after_buffers=("weight_u", "weight_v"), eval_too=True)
    case("reparam_spectral_norm_conv2d", nn.Conv2d(2, 3, 2),
         lambda m: nn.utils.spectral_norm(m, n_power_iterations=3), rand(1, 2, 4, 4),
         after_buffers=("weight_u", "weight_v"), eval_too=True)
    case("reparam_prune_l1", nn.Linear(5, 4),
         lambda m: prune.l1_unstructured(m, "weight", amount=0.3), rand(3, 5))

    def twice(m):
        prune.l1_unstructured(m, "weight", amount=0.3)
        prune.l1_unstructured(m, "weight", amount=5)
    case("reparam_prune_l1_twice", nn.Linear(5, 4), twice, rand(3, 5))

    def structured(m):
        prune.ln_structured(m, "weight", amount=0.5, n=2, dim=0)
        prune.ln_structured(m, "weight", amount=1, n=1, dim=1)
    case("reparam_prune_ln_structured", nn.Conv2d(2, 4, 2), structured, rand(1, 2, 3, 3))

    # global_unstructured over two layers: the masks of both.
    a, b = nn.Linear(4, 3), nn.Linear(3, 2)
    d = {"before.a.weight": a.weight.detach().clone(), "before.b.weight": b.weight.detach().clone()}
    prune.l1_unstructured(a, "weight", amount=2)
    d["a.mask_first"] = a.weight_mask.clone()
    prune.global_unstructured([(a, "weight"), (b, "weight")],
                              pruning_method=prune.L1Unstructured, amount=0.5)
    d["a.weight_mask"] = a.weight_mask
    d["b.weight_mask"] = b.weight_mask
    write("reparam_prune_global", d)


if __name__ == "__main__":
    main()
