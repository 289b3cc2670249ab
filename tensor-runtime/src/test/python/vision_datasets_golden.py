"""Golden values for dev.shapetorch.vision.datasets: what torchvision 0.14's own readers yield.

Run with Debian's interpreter (python3-torch 1.13, python3-torchvision 0.14):

    /usr/bin/python3 tensor-runtime/src/test/python/vision_datasets_golden.py

It writes tiny datasets in their real on-disk formats into a temporary directory, with pixel
values from the formulas below (the Java test, VisionDatasetsGoldenTest, writes the same files
with the same formulas), reads them with torchvision's dataset classes and records in
tensor-runtime/src/test/resources/golden/vision/datasets.json what they yield: each example's
image (as torchvision.transforms.PILToTensor gives it, [C, H, W]) and target.

Formats covered: STL10 (binary), EMNIST and KMNIST (IDX), SEMEION (text), and FakeData (no
files: seeded per index). Not covered here: CIFAR100 (torchvision reads the pickled version,
ShapeTorch the binary one), SVHN (torchvision needs scipy, not installed here) and QMNIST
(torchvision 0.14's reader reverses the element order of big-endian int32 files on
little-endian machines, so its labels are not the file's).
"""

import gzip
import json
import os
import struct
import tempfile

import torch
from torchvision import datasets
from torchvision.transforms import PILToTensor

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "resources", "golden", "vision", "datasets.json")
TO_TENSOR = PILToTensor()


class STL10(datasets.STL10):
    """torchvision's STL10 without the MD5 check of the real files (these are tiny ones)."""

    def _check_integrity(self):
        return True


class SEMEION(datasets.SEMEION):
    """torchvision's SEMEION without the MD5 check of the real file."""

    def _check_integrity(self):
        return True


def pixel(n, i):
    """Byte i of image n in every file below."""
    return (n * 37 + i * 11 + (i // 7) * 3) % 256


def idx(shape, data):
    return struct.pack(">I", 0x0800 | len(shape)) + b"".join(struct.pack(">I", s) for s in shape) + bytes(data)


def record(ds):
    out = []
    for k in range(len(ds)):
        img, target = ds[k]
        t = TO_TENSOR(img) if not isinstance(img, torch.Tensor) else img
        out.append({"shape": list(t.shape), "pixels": t.flatten().tolist(), "target": int(target)})
    return out


def stl10(root):
    d = os.path.join(root, "stl10_binary")
    os.makedirs(d)
    n_train, n_unl = 3, 2
    size = 3 * 96 * 96
    with open(os.path.join(d, "train_X.bin"), "wb") as f:
        f.write(bytes(pixel(n, i) for n in range(n_train) for i in range(size)))
    with open(os.path.join(d, "train_y.bin"), "wb") as f:
        f.write(bytes([3, 10, 1]))
    with open(os.path.join(d, "unlabeled_X.bin"), "wb") as f:
        f.write(bytes(pixel(n + 50, i) for n in range(n_unl) for i in range(size)))
    with open(os.path.join(d, "fold_indices.txt"), "w") as f:
        f.write("2 0\n1\n")
    cases = {}
    for split, folds in (("train", None), ("train", 0), ("train+unlabeled", 1), ("unlabeled", None)):
        ds = STL10(root, split=split, folds=folds)
        recs = record(ds)
        for r in recs:  # 27,648 values per image: keep a few rows
            r["pixels"] = [r["pixels"][j] for j in (0, 1, 2, 95, 96, 97, 9215, 9216, 18431, 27647)]
        cases[f"{split}/{folds}"] = recs
    return cases


def emnist(root):
    raw = os.path.join(root, "EMNIST", "raw")
    os.makedirs(raw)
    n = 2
    with open(os.path.join(raw, "emnist-letters-train-images-idx3-ubyte"), "wb") as f:
        f.write(idx([n, 28, 28], [pixel(k, i) for k in range(n) for i in range(784)]))
    with open(os.path.join(raw, "emnist-letters-train-labels-idx1-ubyte"), "wb") as f:
        f.write(idx([n], [26, 1]))
    ds = datasets.EMNIST(root, split="letters", train=True)
    return {"records": record(ds), "classes": ds.classes,
            "classes_balanced": datasets.EMNIST.classes_split_dict["balanced"],
            "classes_byclass": datasets.EMNIST.classes_split_dict["byclass"]}


def kmnist(root):
    raw = os.path.join(root, "KMNIST", "raw")
    os.makedirs(raw)
    n = 2
    with gzip.open(os.path.join(raw, "t10k-images-idx3-ubyte.gz"), "wb") as f:
        f.write(idx([n, 28, 28], [pixel(k + 9, i) for k in range(n) for i in range(784)]))
    with gzip.open(os.path.join(raw, "t10k-labels-idx1-ubyte.gz"), "wb") as f:
        f.write(idx([n], [9, 4]))
    # torchvision wants all four files, uncompressed (the training ones are not read here)
    for name in ("t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"):
        with gzip.open(os.path.join(raw, name + ".gz")) as src:
            data = src.read()
        for prefix in ("t10k", "train"):
            with open(os.path.join(raw, name.replace("t10k", prefix)), "wb") as dst:
                dst.write(data)
    ds = datasets.KMNIST(root, train=False)
    return {"records": record(ds), "classes": ds.classes}


def semeion(root):
    lines = []
    for k, label in enumerate((7, 0)):
        bits = ["%.4f" % ((pixel(k, i) >> 3) & 1) for i in range(256)]
        onehot = ["1" if c == label else "0" for c in range(10)]
        lines.append(" ".join(bits + onehot) + " ")
    with open(os.path.join(root, "semeion.data"), "w") as f:
        f.write("\n".join(lines) + "\n")
    ds = SEMEION(root, download=False)
    return record(ds)


def fakedata():
    cases = []
    for size, image_size, num_classes, offset in ((3, (3, 4, 5), 10, 0), (2, (1, 6, 3), 4, 7)):
        ds = datasets.FakeData(size=size, image_size=image_size, num_classes=num_classes,
                               random_offset=offset)
        cases.append({"size": size, "image_size": list(image_size), "num_classes": num_classes,
                      "random_offset": offset, "records": record(ds)})
    return cases


def main():
    out = {}
    with tempfile.TemporaryDirectory() as root:
        out["stl10"] = stl10(os.path.join(root, "stl"))
        out["emnist"] = emnist(os.path.join(root, "emnist"))
        out["kmnist"] = kmnist(os.path.join(root, "kmnist"))
        os.makedirs(os.path.join(root, "semeion"))
        out["semeion"] = semeion(os.path.join(root, "semeion"))
    out["fakedata"] = fakedata()
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as f:
        json.dump(out, f, separators=(",", ":"))
        f.write("\n")


if __name__ == "__main__":
    main()
