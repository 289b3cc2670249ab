"""Writes the parameter and state-dict names PyTorch gives two small models, the fixtures of
ModelNamesTest (which checks that the traversal ModelProcessor generates yields the same names,
order and shapes). Run with Debian's python3 (torch 1.13) from the repository root:

    /usr/bin/python3 processor-tests/src/test/python/model_names.py

Output: processor-tests/src/test/resources/processor/models/names/{lenet,stack}.txt, one
"name size,size,..." line per entry, under "# named_parameters" and "# state_dict" headers.
"""

import os

import torch
from torch import nn

OUT = os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "resources", "processor", "models", "names"
)


class LeNet(nn.Module):
    """LeNet-5 for 28x28 inputs: two convolutions, three linear layers (pooling is functional)."""

    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 6, 5, padding=2)
        self.conv2 = nn.Conv2d(6, 16, 5)
        self.fc1 = nn.Linear(16 * 5 * 5, 120)
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, 10)


class Block(nn.Module):
    """A block whose own parameter and buffer are declared after its submodule."""

    def __init__(self, width):
        super().__init__()
        self.fc = nn.Linear(width, width)
        self.scale = nn.Parameter(torch.ones(width))
        self.register_buffer("count", torch.zeros(1))


class Stack(nn.Module):
    """An embedding layer, a list of three blocks, a head."""

    def __init__(self):
        super().__init__()
        self.embed = nn.Linear(8, 4)
        self.blocks = nn.ModuleList([Block(4) for _ in range(3)])
        self.head = nn.Linear(4, 2)


def sizes(t):
    return ",".join(str(s) for s in t.shape)


def write(name, model):
    lines = ["# named_parameters"]
    lines += [f"{n} {sizes(p)}" for n, p in model.named_parameters()]
    lines.append("# state_dict")
    lines += [f"{n} {sizes(t)}" for n, t in model.state_dict().items()]
    with open(os.path.join(OUT, name + ".txt"), "w") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    write("lenet", LeNet())
    write("stack", Stack())
