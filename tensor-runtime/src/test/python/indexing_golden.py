"""Golden values for Tensor.index / indexPut_ / maskedFill_ / maskedScatter_, made by PyTorch.

Run with Debian's interpreter:

    /usr/bin/python3 tensor-runtime/src/test/python/indexing_golden.py

It rewrites tensor-runtime/src/test/resources/golden/indexing.json. Each case holds the input's
shape (its values are 0, 1, 2, ... as float32), the index string as ShapeTorch takes it, the
values of its ``?`` placeholders (ints, or tensors with their dtype, shape and values), for a
write the value (a number, or a tensor's shape and values), and the result PyTorch gives:
``x[index]`` for a read, ``x`` after ``x[index] = value`` for a write. PyTorch evaluates the
same string with each ``?`` replaced by its value, so the string is Python's subscript.
"""

import json
import os

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "resources", "golden", "indexing.json")

GEN = torch.Generator().manual_seed(13)


def idx(*values):
    return {"dtype": "int64", "values": list(values)}


def idx2(rows):
    return {"dtype": "int64", "shape": [len(rows), len(rows[0])],
            "values": [v for r in rows for v in r]}


def mask(*shape):
    m = torch.rand(*shape, generator=GEN) > 0.5
    return {"dtype": "bool", "shape": list(shape), "values": [bool(v) for v in m.flatten()]}


def to_python(p):
    if isinstance(p, int):
        return p
    t = torch.tensor(p["values"], dtype=torch.bool if p["dtype"] == "bool" else torch.int64)
    return t.reshape(p.get("shape", [len(p["values"])]))


def subscript(spec, placeholders):
    names = {}
    parts = []
    k = 0
    for ch in spec:
        if ch == "?":
            names["p%d" % k] = to_python(placeholders[k])
            parts.append("p%d" % k)
            k += 1
        else:
            parts.append(ch)
    return "".join(parts) if spec.strip() else "()", names


READS = [
    ([2, 10], ":, 1:3", []),
    ([2, 10], ":, -1", []),
    ([2, 10], "0", []),
    ([2, 10], "-1, 2:", []),
    ([10, 4], "::2", []),
    ([10, 4], "1:9:3", []),
    ([10, 4], "1:30", []),
    ([10, 4], "7:3", []),
    ([10, 4], "-30:", []),
    ([3, 4, 5], "..., None, ::2", []),
    ([3, 4, 5], "None, :, None", []),
    ([3, 4, 5], "0, ..., 1", []),
    ([3, 4, 5], "1:, ::3, -2", []),
    ([3, 4, 5], "...", []),
    ([3, 4, 5], "", []),
    ([3, 4, 5], ":, :, None", []),
    ([2, 10], ":, ?:?", [1, 4]),
    ([2, 10], ":, ?", [-2]),
    ([10, 4], "::?", [3]),
    ([3, 4], "?", [idx(2, 0, 2)]),
    ([3, 4], "?", [mask(3, 4)]),
    ([3, 4, 5], "?", [mask(3)]),
    ([3, 4, 5], ":, ?", [mask(4, 5)]),
    ([3, 4, 5], "..., ?", [mask(5)]),
    ([3, 4], ":, ?", [idx2([[0, 3], [1, 2]])]),
    ([3, 4, 5], "?, :, ?", [idx(0, 2), idx(4, 1)]),
    ([3, 4, 5], "0, :, ?", [idx(4, 1, 0)]),
    ([3, 4, 5], "?, :, 1", [idx(1, 2)]),
    ([3, 4, 5], "?, ?", [idx2([[0], [2]]), idx(1, 3)]),
    ([3, 4, 5], "None, ?, 1:3", [idx(2, 1)]),
]

WRITES = [
    ([3, 4, 5], ":, 1:3", [], {"shape": [2, 5]}),
    ([3, 4, 5], "0, ..., ::2", [], {"shape": [1, 4, 3]}),
    ([3, 4, 5], ":, 0", [], 7.5),
    ([3, 4, 5], "None, 1", [], -1.0),
    ([3, 4], "?", [mask(3, 4)], 0.0),
    ([3, 4, 5], "?", [idx(0, 2)], {"shape": [2, 4, 5]}),
    ([3, 4, 5], ":, ?", [mask(4, 5)], -1.0),
    ([3, 4, 5], "?, ?", [idx(0, 1), idx(2, 3)], {"shape": [2, 5]}),
    ([2, 10], ":, ?:?", [2, 6], {"shape": [4]}),
]


def arange(shape):
    n = 1
    for s in shape:
        n *= s
    return torch.arange(n, dtype=torch.float32).reshape(shape).clone()


def main():
    cases = []
    for shape, spec, ph in READS:
        x = arange(shape)
        text, names = subscript(spec, ph)
        names["x"] = x
        r = eval("x[" + text + "]", {}, names)

        cases.append({"op": "read", "shape": shape, "index": spec, "placeholders": ph,
                      "result_shape": list(r.shape),
                      "result": [float(v) for v in r.flatten()],
                      "view": bool(r._base is x)})
    for shape, spec, ph, value in WRITES:
        x = arange(shape)
        text, names = subscript(spec, ph)
        if isinstance(value, dict):
            v = -1.0 - arange(value["shape"])
            value = dict(value, values=[float(e) for e in v.flatten()])
        else:
            v = value
        names["x"] = x
        names["v"] = v
        exec("x[" + text + "] = v", {}, names)
        cases.append({"op": "write", "shape": shape, "index": spec, "placeholders": ph,
                      "value": value, "result_shape": list(x.shape),
                      "result": [float(e) for e in x.flatten()]})
    m = mask(3, 4)
    x = arange([3, 4])
    mt = to_python(m)
    x.masked_fill_(mt, -2.5)
    cases.append({"op": "maskedFill_", "shape": [3, 4], "mask": m, "value": -2.5,
                  "result_shape": [3, 4], "result": [float(e) for e in x.flatten()]})
    x = arange([3, 4])
    src = -1.0 - arange([12])
    x.masked_scatter_(mt, src)
    cases.append({"op": "maskedScatter_", "shape": [3, 4], "mask": m,
                  "value": {"shape": [12], "values": [float(e) for e in src]},
                  "result_shape": [3, 4], "result": [float(e) for e in x.flatten()]})
    with open(OUT, "w") as f:
        json.dump({"torch": torch.__version__, "cases": cases}, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
