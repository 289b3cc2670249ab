#!/usr/bin/python3
"""How much of PyTorch's module-level API (nn, F, optim, lr schedulers, data, torchvision)
ShapeTorch covers, by name and by alias.

Run with Debian's python3-torch (PyTorch 1.13) and python3-torchvision (0.14):

    /usr/bin/python3 scripts/coverage/module_coverage.py            # the table
    /usr/bin/python3 scripts/coverage/module_coverage.py --missing  # and every missing name

The PyTorch side is PyTorch's own lists, read from the installed packages:

- `nn`: the public classes of `torch.nn` that are modules, plus `Parameter`;
- `F`: the documented public functions of `torch.nn.functional`;
- `optim`: the optimizers of `torch.optim` (subclasses of `Optimizer`, and `Optimizer`);
- `lr`: the schedulers of `torch.optim.lr_scheduler` and the classes and functions of
  `torch.optim.swa_utils`;
- `data`: the public classes and functions of `torch.utils.data`;
- torchvision: its datasets (subclasses of `VisionDataset`), its v1 transforms (the classes of
  `torchvision.transforms`) and its model builders (`torchvision.models.list_models()`, the
  classification models).

Lazy modules, quantization and sparse layouts are out of scope and listed separately.

The ShapeTorch side is the committed public API baseline, tensor-runtime/api/tensor-runtime.api:
a PyTorch class is covered by name when a public class of the matching ShapeTorch package has
its simple name; a function when the matching class has a static method of its camelCase name
(`F` for `torch.nn.functional`, the model classes of `dev.shapetorch.vision.models` for the
builders). A name is covered by alias when a row of docs/names.md maps it (left cell
`nn.X`, `F.x`, `optim.X`, `lr_scheduler.X`, `data.X`, `datasets.X`, `transforms.X`,
`models.x`) to a Java name that is there.
"""
import inspect
import os
import re
import sys

import torch
import torch.nn.functional
import torch.optim.lr_scheduler
import torch.optim.swa_utils
import torch.utils.data

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
API = os.path.join(ROOT, "tensor-runtime", "api", "tensor-runtime.api")
NAMES = os.path.join(ROOT, "docs", "names.md")

OUT_OF_SCOPE = re.compile(r"^Lazy|Quant|quantiz|sparse|Sparse|^Uninitialized")


def camel(name):
    parts = name.rstrip("_").split("_")
    return parts[0] + "".join(p[:1].upper() + p[1:] for p in parts[1:])


def public(module, keep):
    out = []
    for n in dir(module):
        if n.startswith("_"):
            continue
        v = getattr(module, n)
        if keep(n, v):
            out.append(n)
    return sorted(set(out))


def own(module):
    """Names defined in `module` or its package, not re-exported from typing or builtins."""
    prefix = module.__name__.split(".")[0]
    return lambda v: (getattr(v, "__module__", "") or "").startswith(prefix)


def nn_classes():
    return public(torch.nn, lambda n, v: inspect.isclass(v) and (
        issubclass(v, torch.nn.Module) or v is torch.nn.Parameter))


def functional():
    mine = own(torch.nn.functional)
    return public(torch.nn.functional, lambda n, v: callable(v) and not inspect.isclass(v)
                  and not inspect.ismodule(v) and (v.__doc__ or "").strip() and mine(v)
                  and n not in {"Tensor", "boolean_dispatch", "handle_torch_function",
                                "has_torch_function", "has_torch_function_unary",
                                "has_torch_function_variadic", "assert_int_or_pair"})


def optimizers():
    return public(torch.optim, lambda n, v: inspect.isclass(v)
                  and issubclass(v, torch.optim.Optimizer))


def schedulers():
    lr = public(torch.optim.lr_scheduler, lambda n, v: inspect.isclass(v) and (
        v.__module__ == "torch.optim.lr_scheduler") and n not in {"Optimizer", "Counter"})
    swa = public(torch.optim.swa_utils, lambda n, v: (inspect.isclass(v) or inspect.isfunction(v))
                 and v.__module__ == "torch.optim.swa_utils")
    return sorted(set(lr) | set(swa))


def data():
    return public(torch.utils.data, lambda n, v: (inspect.isclass(v) or inspect.isfunction(v))
                  and (getattr(v, "__module__", "") or "").startswith("torch.utils.data")
                  and n not in {"T", "T_co", "default_convert", "DFIterDataPipe", "DataChunk",
                                "functional_datapipe", "guaranteed_datapipes_determinism",
                                "non_deterministic", "runtime_validation",
                                "runtime_validation_disabled", "argument_validation",
                                "IterDataPipe", "MapDataPipe", "DataLoader2"})


def tv_datasets():
    import torchvision.datasets as d
    return public(d, lambda n, v: inspect.isclass(v) and issubclass(v, d.VisionDataset)
                  and v is not d.VisionDataset)


def tv_transforms():
    import torchvision.transforms as t
    return public(t, lambda n, v: inspect.isclass(v) and v.__module__.startswith(
        "torchvision.transforms") and n not in {"InterpolationMode"})


def tv_models():
    import torchvision.models as m
    return sorted(m.list_models(module=m))


def java_api():
    """Simple names of public classes per package, and static method names per class."""
    classes, statics = {}, {}
    current = None
    with open(API, encoding="utf-8") as f:
        for line in f:
            if line.startswith("class "):
                current = line.split()[1].rstrip(":")
                pkg, simple = current.rsplit(".", 1)
                classes.setdefault(pkg, set()).add(simple.split("$")[-1])
                continue
            m = re.match(r"\s+method (\w+)\(", line)
            if m and current and "static" in line.split(")", 1)[-1]:
                statics.setdefault(current, set()).add(m.group(1))
    return classes, statics


def under(classes, prefix):
    return set().union(*[v for k, v in classes.items() if k == prefix or k.startswith(prefix + ".")])


def aliases(prefixes):
    """PyTorch names that docs/names.md maps to Java names, for rows whose left cell names
    one of `prefixes` (`nn.`, `F.`, ...)."""
    out = {}
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in prefixes) + r")(\w+)")
    with open(NAMES, encoding="utf-8") as f:
        for line in f:
            if not line.startswith("|"):
                continue
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if len(cells) < 2:
                continue
            java = set(re.findall(r"\b(\w+)\(", cells[1])) | set(re.findall(r"\.(\w+)\b", cells[1]))
            java |= set(re.findall(r"`(\w+)`", cells[1]))
            for py in pattern.findall(cells[0]):
                out.setdefault(py, set()).update(java)
    return out


def measure(title, names, java, alias, to_java=lambda n: n):
    scope = [n for n in names if not OUT_OF_SCOPE.search(n)]
    excluded = [n for n in names if OUT_OF_SCOPE.search(n)]
    by_name = [n for n in scope if to_java(n) in java]
    by_alias = [n for n in scope if n not in by_name and alias.get(n, set()) & java]
    missing = [n for n in scope if n not in by_name and n not in by_alias]
    covered = len(by_name) + len(by_alias)
    row = f"| {title} | {len(scope)} | {len(by_name)} | {len(by_alias)} | {covered} | " \
          f"{100.0 * covered / max(1, len(scope)):.1f} | {len(excluded)} |"
    return title, row, missing, excluded


def main():
    classes, statics = java_api()
    model_builders = set().union(*[v for k, v in statics.items()
                                   if k.startswith("dev.shapetorch.vision.models.")] or [set()])
    f_statics = statics.get("dev.shapetorch.nn.functional.F", set())
    data_java = under(classes, "dev.shapetorch.data") | set().union(
        *[v for k, v in statics.items() if k.startswith("dev.shapetorch.data.")] or [set()])
    lr_java = under(classes, "dev.shapetorch.optim.lr") | under(classes, "dev.shapetorch.optim.swa") \
        | set().union(*[v for k, v in statics.items()
                        if k.startswith(("dev.shapetorch.optim.lr.", "dev.shapetorch.optim.swa."))]
                      or [set()])
    rows = [
        measure("`nn` classes", nn_classes(), under(classes, "dev.shapetorch.nn"),
                aliases(["nn."])),
        measure("`F` functions", functional(), f_statics, aliases(["F."]), camel),
        measure("`optim` optimizers", optimizers(), classes.get("dev.shapetorch.optim", set()),
                aliases(["optim."])),
        measure("`lr_scheduler` + `swa_utils`", schedulers(), lr_java,
                aliases(["lr_scheduler.", "swa_utils."]),
                lambda n: camel(n) if n[:1].islower() else n),
        measure("`torch.utils.data`", data(), data_java, aliases(["data."]),
                lambda n: camel(n) if n[:1].islower() else n),
    ]
    try:
        import torchvision
        rows += [
            measure("torchvision datasets", tv_datasets(),
                    under(classes, "dev.shapetorch.vision.datasets"), aliases(["datasets."])),
            measure("torchvision transforms (v1)", tv_transforms(),
                    under(classes, "dev.shapetorch.vision.transforms"), aliases(["transforms."])),
            measure("torchvision model builders", tv_models(), model_builders,
                    aliases(["models."]), camel),
        ]
        tv = f"; torchvision {torchvision.__version__}"
    except ImportError:
        tv = "; torchvision not installed (apt-get install python3-torchvision): its rows left out"
    print(f"PyTorch {torch.__version__}{tv}; ShapeTorch API: {os.path.relpath(API, ROOT)}")
    print()
    print("| surface | in scope | by name | by alias | covered | % | out of scope |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for _, row, _, _ in rows:
        print(row)
    if "--missing" in sys.argv[1:]:
        for title, _, missing, excluded in rows:
            print(f"\n{title} missing ({len(missing)}): " + ", ".join(missing))
            if excluded:
                print(f"\n{title} out of scope ({len(excluded)}): " + ", ".join(excluded))


if __name__ == "__main__":
    main()
