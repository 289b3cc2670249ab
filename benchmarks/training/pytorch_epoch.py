"""PyTorch's side of benchmarks/training/run.sh: epochs of Fashion-MNIST training.

Usage: python3 pytorch_epoch.py MODEL EPOCHS THREADS [DATA_DIR]
MODEL is lenet (LeNet-5), mlp (784-256-10) or mlp:W1,W2,... (784-W1-W2-...-10, e.g. mlp:256,128);
batch 64, Adam 1e-3, inputs normalised with
Fashion-MNIST's mean and standard deviation, shuffled every epoch. Prints one line per epoch:
``epoch N train_s SECONDS loss LOSS test_acc ACCURACY``.

With MEMORY_FORMAT=channels_last in the environment the model's 4-d weights are laid out
channels-last (``model.to(memory_format=torch.channels_last)``), as ShapeTorch's sample trainer
does by default; the default is PyTorch's row-major layout.
"""

import gzip
import os
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

MEAN, STD = 0.2860, 0.3530


def load(root, kind):
    with gzip.open(os.path.join(root, f"{kind}-images-idx3-ubyte.gz")) as f:
        x = np.frombuffer(f.read(), np.uint8, offset=16).reshape(-1, 1, 28, 28)
    with gzip.open(os.path.join(root, f"{kind}-labels-idx1-ubyte.gz")) as f:
        y = np.frombuffer(f.read(), np.uint8, offset=8)
    x = (torch.tensor(x, dtype=torch.float32) / 255.0 - MEAN) / STD
    return x, torch.tensor(y, dtype=torch.long)


class Mlp(nn.Module):
    def __init__(self, hidden=(256,)):
        super().__init__()
        widths = [784, *hidden, 10]
        self.layers = nn.ModuleList(nn.Linear(a, b) for a, b in zip(widths, widths[1:]))

    def forward(self, x):
        x = x.flatten(1)
        for layer in self.layers[:-1]:
            x = F.relu(layer(x))
        return self.layers[-1](x)


class LeNet5(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 6, 5, padding=2)
        self.conv2 = nn.Conv2d(6, 16, 5)
        self.fc1 = nn.Linear(400, 120)
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, 10)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), 2)
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)
        x = x.flatten(1)
        return self.fc3(F.relu(self.fc2(F.relu(self.fc1(x)))))


def main():
    model_name, epochs, threads = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    root = sys.argv[4] if len(sys.argv) > 4 else "/usr/share/datasets/fashion-mnist"
    torch.set_num_threads(threads)
    torch.manual_seed(0)
    xtr, ytr = load(root, "train")
    xte, yte = load(root, "t10k")
    if model_name == "lenet":
        model = LeNet5()
    elif model_name == "mlp":
        model = Mlp()
    elif model_name.startswith("mlp:"):
        model = Mlp(tuple(int(w) for w in model_name[4:].split(",")))
    else:
        sys.exit(f"unknown model {model_name!r}: lenet, mlp or mlp:W1,W2,...")
    memory_format = os.environ.get("MEMORY_FORMAT", "contiguous")
    if memory_format == "channels_last":
        model = model.to(memory_format=torch.channels_last)
    elif memory_format != "contiguous":
        sys.exit(f"MEMORY_FORMAT is contiguous or channels_last, not {memory_format!r}")
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    n = xtr.shape[0]
    for epoch in range(1, epochs + 1):
        model.train()
        t0 = time.perf_counter()
        perm = torch.randperm(n)
        total = 0.0
        for i in range(0, n, 64):
            idx = perm[i:i + 64]
            loss = F.cross_entropy(model(xtr[idx]), ytr[idx])
            opt.zero_grad()
            loss.backward()
            opt.step()
            total += loss.item() * len(idx)
        t1 = time.perf_counter()
        model.eval()
        with torch.no_grad():
            acc = (model(xte).argmax(1) == yte).float().mean().item()
        print(f"epoch {epoch} train_s {t1 - t0:.3f} loss {total / n:.4f} test_acc {acc:.4f}",
              flush=True)


if __name__ == "__main__":
    main()
