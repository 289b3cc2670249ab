#!/usr/bin/python3
"""How much of PyTorch's tensor-level API ShapeTorch covers, by name and by alias.

Run with Debian's python3-torch (PyTorch 1.13):

    /usr/bin/python3 scripts/coverage/torch_coverage.py            # the table
    /usr/bin/python3 scripts/coverage/torch_coverage.py --missing  # and every missing name

The PyTorch side is PyTorch's own list: the documented `torch.*` functions (public, callable,
neither class nor module, with a docstring) and the public methods of `torch.Tensor`. Sparse,
quantized and named-tensor names are out of scope and listed separately.

The ShapeTorch side is the committed public API baseline, tensor-runtime/api/tensor-runtime.api:
the static methods of `Torch` and the instance methods of `Tensor`. A PyTorch name is covered
by name when its camelCase form (trailing `_` kept) is there, and by alias when a row of
docs/names.md maps it to a Java name that is there (for `torch.*`, also when `F` has it: PyTorch
puts many `torch.nn.functional` ops in the `torch` namespace too).
"""
import inspect
import os
import re
import sys

import torch

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
API = os.path.join(ROOT, "tensor-runtime", "api", "tensor-runtime.api")
NAMES = os.path.join(ROOT, "docs", "names.md")

# Out of scope: sparse layouts, quantization, named tensors.
OUT_OF_SCOPE = re.compile(
    r"sparse|quantiz|^q_|qscheme|int_repr|coalesce|^indices$|^values$|crow_indices|"
    r"col_indices|row_indices|^to_dense$|dense_dim|^rename_?$|refine_names|^align_(to|as)$|"
    r"^has_names$|^smm$|^sspaddmm$|^hspmm$|^fbgemm|^mkldnn|^to_mkldnn$|^is_mkldnn$")


def camel(name):
    trailing = "_" if name.endswith("_") and not name.endswith("__") else ""
    parts = name.rstrip("_").split("_")
    return parts[0] + "".join(p[:1].upper() + p[1:] for p in parts[1:]) + trailing


def pytorch_functions():
    out = []
    for n in dir(torch):
        if n.startswith("_"):
            continue
        v = getattr(torch, n)
        if callable(v) and not inspect.isclass(v) and not inspect.ismodule(v) \
                and (v.__doc__ or "").strip() and getattr(v, "__module__", "") != "typing":
            out.append(n)
    return sorted(out)


def pytorch_tensor_methods():
    return sorted(n for n in dir(torch.Tensor)
                  if not n.startswith("_") and callable(getattr(torch.Tensor, n)))


def java_methods():
    torch_static, tensor_methods, functional = set(), set(), set()
    current = None
    with open(API, encoding="utf-8") as f:
        for line in f:
            if line.startswith("class "):
                current = line.split()[1].rstrip(":")
                continue
            m = re.match(r"\s+method (\w+)\(", line)
            if not m:
                continue
            if current == "dev.shapetorch.tensor.Torch" and "static" in line:
                torch_static.add(m.group(1))
            elif current == "dev.shapetorch.nn.functional.F" and "static" in line:
                functional.add(m.group(1))
            elif current == "dev.shapetorch.tensor.Tensor" and "static" not in line.split(":")[-1]:
                tensor_methods.add(m.group(1))
    return torch_static, tensor_methods, functional


def aliases():
    """PyTorch names that a row of docs/names.md maps to Java method names.

    Left cell: every `torch.NAME` and every `x.NAME` / `Tensor.NAME` (a method or property);
    right cell: every Java name written `Something.NAME(` or `` `Something.NAME` ``.
    """
    torch_alias, tensor_alias = {}, {}
    with open(NAMES, encoding="utf-8") as f:
        for line in f:
            if not line.startswith("|"):
                continue
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if len(cells) < 2:
                continue
            java = set(re.findall(r"\.(\w+)\(", cells[1]))
            java |= set(re.findall(r"`\w+\.(\w+)`", cells[1]))
            for py in re.findall(r"\btorch\.(\w+)", cells[0]):
                torch_alias.setdefault(py, set()).update(java)
            for py in re.findall(r"\b(?:x|a|t|tensor|Tensor)\.(\w+)", cells[0]):
                tensor_alias.setdefault(py, set()).update(java)
    return torch_alias, tensor_alias


def measure(title, names, java, alias, also=frozenset()):
    scope = [n for n in names if not OUT_OF_SCOPE.search(n)]
    excluded = [n for n in names if OUT_OF_SCOPE.search(n)]
    by_name = [n for n in scope if camel(n) in java]
    by_alias = [n for n in scope if n not in by_name and alias.get(n, set()) & (java | also)]
    missing = [n for n in scope if n not in by_name and n not in by_alias]
    covered = len(by_name) + len(by_alias)
    row = f"| {title} | {len(scope)} | {len(by_name)} | {len(by_alias)} | {covered} | " \
          f"{100.0 * covered / len(scope):.1f} | {len(excluded)} |"
    return row, missing, excluded


def main():
    torch_static, tensor_methods, functional = java_methods()
    torch_alias, tensor_alias = aliases()
    # torch.conv2d, torch.dropout, ... are torch.nn.functional's ops in the torch namespace:
    # F.conv2d is their ShapeTorch name.
    for name in pytorch_functions():
        if camel(name) in functional:
            torch_alias.setdefault(name, set()).add(camel(name))
    rows = [
        measure("`torch.*` functions (documented)", pytorch_functions(), torch_static, torch_alias,
                functional),
        measure("`Tensor` methods", pytorch_tensor_methods(), tensor_methods, tensor_alias),
    ]
    print(f"PyTorch {torch.__version__}; ShapeTorch API: {os.path.relpath(API, ROOT)}")
    print()
    print("| surface | in scope | by name | by alias | covered | % | out of scope |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for row, _, _ in rows:
        print(row)
    if "--missing" in sys.argv[1:]:
        for (row, missing, excluded), title in zip(rows, ["torch.*", "Tensor"]):
            print(f"\n{title} missing ({len(missing)}): " + ", ".join(missing))
            print(f"\n{title} out of scope ({len(excluded)}): " + ", ".join(excluded))


if __name__ == "__main__":
    main()
