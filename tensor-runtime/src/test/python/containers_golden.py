"""Golden values for the keyed and parameter containers and for freezing, made by PyTorch.

Run with Debian's interpreter:

    /usr/bin/python3 tensor-runtime/src/test/python/containers_golden.py

It rewrites tensor-runtime/src/test/resources/golden/nn/containers.txt, one fact a line,
``key<TAB>value`` (newlines of a repr escaped as ``\\n``):

- ``<case>.repr``: how PyTorch 1.13 prints the container;
- ``<case>.parameters`` / ``.state_dict`` / ``.modules``: the names, in PyTorch's order;
- ``freeze.*``: which parameters have a gradient after ``requires_grad_(False)`` on a part of a
  model and one backward pass.
"""

import os

import torch
from torch import nn

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "resources", "golden", "nn", "containers.txt")


class Heads(nn.Module):
    """A model with every container: its names are what a ShapeTorch twin must reproduce."""

    def __init__(self):
        super().__init__()
        self.trunk = nn.Linear(4, 3)
        self.heads = nn.ModuleDict({"cls": nn.Linear(3, 2), "box": nn.Linear(3, 4, bias=False)})
        self.scales = nn.ParameterList([nn.Parameter(torch.ones(3)), nn.Parameter(torch.ones(2))])
        self.gates = nn.ParameterDict({"input": nn.Parameter(torch.zeros(3)),
                                       "output": nn.Parameter(torch.zeros(2, 2))})


def main():
    lines = []
    cases = {
        "module_dict": nn.ModuleDict({"a": nn.Linear(2, 3), "b": nn.ReLU()}),
        "module_dict_empty": nn.ModuleDict(),
        "parameter_list": nn.ParameterList([nn.Parameter(torch.zeros(3, 4)),
                                            nn.Parameter(torch.zeros(3), requires_grad=False),
                                            nn.Parameter(torch.zeros(2, dtype=torch.float64))]),
        "parameter_list_empty": nn.ParameterList(),
        "parameter_dict": nn.ParameterDict({"a": nn.Parameter(torch.zeros(3, 4)),
                                            "b": nn.Parameter(torch.zeros(())),
                                            "c": nn.Parameter(torch.zeros(5, dtype=torch.float64))}),
        "heads": Heads(),
    }
    for name, m in cases.items():
        lines.append((name + ".repr", repr(m).replace("\n", "\\n")))
        lines.append((name + ".parameters", " ".join(n for n, _ in m.named_parameters())))
        lines.append((name + ".state_dict", " ".join(m.state_dict().keys())))
        lines.append((name + ".modules", " ".join(n or "<root>" for n, _ in m.named_modules())))

    model = Heads()
    model.trunk.requires_grad_(False)
    model.heads["box"].requires_grad_(False)
    x = torch.ones(2, 4)
    h = model.trunk(x) * model.scales[0] + model.gates["input"]
    loss = model.heads["cls"](h).sum() * model.scales[1].sum() + model.heads["box"](h).sum() \
        + model.gates["output"].sum()
    loss.backward()
    lines.append(("freeze.requires_grad",
                  " ".join(n for n, p in model.named_parameters() if p.requires_grad)))
    lines.append(("freeze.has_grad",
                  " ".join(n for n, p in model.named_parameters() if p.grad is not None)))

    with open(OUT, "w", encoding="utf-8") as f:
        for k, v in lines:
            f.write(k + "\t" + v + "\n")


if __name__ == "__main__":
    main()
