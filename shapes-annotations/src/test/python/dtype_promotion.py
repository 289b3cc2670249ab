"""Writes dtype-promotion.csv: torch.promote_types and torch.result_type for every pair of
ShapeTorch's dtypes, for the dtype algebra's property tests (ScalarTypesTest).

Run with PyTorch 1.13:  /usr/bin/python3 shapes-annotations/src/test/python/dtype_promotion.py

Columns: kind,a,b,result. kind is one of
  promote          torch.promote_types(a, b)
  tensor_tensor    result_type of a [2]-shaped a and a [2]-shaped b
  tensor_zerodim   result_type of a [2]-shaped a and a 0-dim b
  zerodim_tensor   result_type of a 0-dim a and a [2]-shaped b
  zerodim_zerodim  result_type of two 0-dim tensors
  tensor_double    result_type of a [2]-shaped a and the Python float 2.5 (b is "double")
  tensor_long      result_type of a [2]-shaped a and the Python int 2 (b is "long")
  zerodim_double   result_type of a 0-dim a and 2.5
  zerodim_long     result_type of a 0-dim a and 2
"""
import os
import torch

DTYPES = ["bool", "uint8", "int8", "int16", "int32", "int64",
          "float16", "bfloat16", "float32", "float64"]


def t(name, zero):
    dt = getattr(torch, name)
    return torch.zeros((), dtype=dt) if zero else torch.zeros(2, dtype=dt)


def short(dt):
    return str(dt).replace("torch.", "")


def main():
    assert torch.get_default_dtype() == torch.float32
    rows = []
    for a in DTYPES:
        for b in DTYPES:
            rows.append(("promote", a, b,
                         short(torch.promote_types(getattr(torch, a), getattr(torch, b)))))
            for kind, za, zb in (("tensor_tensor", False, False), ("tensor_zerodim", False, True),
                                 ("zerodim_tensor", True, False), ("zerodim_zerodim", True, True)):
                rows.append((kind, a, b, short(torch.result_type(t(a, za), t(b, zb)))))
        for kind, zero, scalar, name in (("tensor_double", False, 2.5, "double"),
                                         ("tensor_long", False, 2, "long"),
                                         ("zerodim_double", True, 2.5, "double"),
                                         ("zerodim_long", True, 2, "long")):
            rows.append((kind, a, name, short(torch.result_type(t(a, zero), scalar))))
    here = os.path.dirname(os.path.abspath(__file__))
    out = os.path.join(here, "..", "resources", "dev", "shapetorch", "shapes", "rules",
                       "dtype-promotion.csv")
    with open(out, "w") as f:
        f.write("# torch " + torch.__version__.split("+")[0]
                + ": written by shapes-annotations/src/test/python/dtype_promotion.py\n")
        f.write("kind,a,b,result\n")
        for r in rows:
            f.write(",".join(r) + "\n")


if __name__ == "__main__":
    main()
