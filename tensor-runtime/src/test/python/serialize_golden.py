"""TorchScript fixtures for the dev.shapetorch.serialize tests, made by PyTorch.

Run with Debian's interpreter, which has torch 1.13:

    /usr/bin/python3 tensor-runtime/src/test/python/serialize_golden.py

It rewrites tensor-runtime/src/test/resources/golden/serialize/:

* ``mlp.pt``: a scripted ``Linear(4, 3) -> ReLU -> Linear(3, 2)`` with fixed weights;
* ``pair.pt``: a scripted module whose forward returns the tuple ``(2 * x, x.sum(1))``;
* ``outputs.txt``: ``name<TAB>float<TAB>shape<TAB>values`` lines: the input ``x`` and the
  outputs PyTorch computes for it (``mlp``, ``pair.0``, ``pair.1``), and the parameters
  (``param.<name>``).
"""

import os

import torch
import torch.nn as nn

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "resources", "golden", "serialize")


class Mlp(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(4, 3)
        self.fc2 = nn.Linear(3, 2)

    def forward(self, x):
        return self.fc2(torch.relu(self.fc1(x)))


class Pair(nn.Module):
    def forward(self, x):
        return 2 * x, x.sum(1)


def fmt(name, t):
    t = t.detach().to(torch.float32)
    shape = ",".join(str(s) for s in t.shape) if t.dim() > 0 else "-"
    return f"{name}\tfloat\t{shape}\t{' '.join(repr(float(v)) for v in t.reshape(-1).tolist())}\n"


def main():
    os.makedirs(OUT, exist_ok=True)
    torch.manual_seed(7)
    mlp = Mlp().eval()
    pair = Pair().eval()
    x = torch.tensor([[0.5, -1.0, 2.0, 0.25], [1.5, 0.0, -0.5, -2.0]])
    torch.jit.script(mlp).save(os.path.join(OUT, "mlp.pt"))
    torch.jit.script(pair).save(os.path.join(OUT, "pair.pt"))
    with open(os.path.join(OUT, "outputs.txt"), "w") as f:
        f.write(fmt("x", x))
        f.write(fmt("mlp", mlp(x)))
        a, b = pair(x)
        f.write(fmt("pair.0", a))
        f.write(fmt("pair.1", b))
        for name, p in mlp.named_parameters():
            f.write(fmt("param." + name, p))


if __name__ == "__main__":
    main()
