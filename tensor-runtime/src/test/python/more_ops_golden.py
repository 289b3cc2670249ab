#!/usr/bin/python3
"""Writes the golden fixtures of the ops added for issue 13's batch from PyTorch.

Run with Debian's interpreter, which has torch 1.13:

    /usr/bin/python3 tensor-runtime/src/test/python/more_ops_golden.py

It writes ``pointwise_more.json``, ``reductions_more.json`` and ``closeness.json`` under ``tensor-runtime/src/test/resources/golden/``, in
make_golden.py's format (its ``Family`` writes them); the Java tests under
``dev.shapetorch.tensor.golden`` read them and never run Python. Every input is written out
here or computed by a closed formula, so a rerun reproduces the files byte for byte.
"""

import os
import sys

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_golden import A, B, COL, F32, F64, I64, ROW, SEQ, WIDE, X3, Family, tensor  # noqa: E402

GENERATOR = "tensor-runtime/src/test/python/more_ops_golden.py"
NAN = float("nan")
INF = float("inf")
# NaN, both infinities, zeros of both signs and ordinary values.
ODD = tensor([NAN, INF, -INF, 0.0, -0.0, 1.5, -2.25, 1e300])


def pointwise_more():
    f = Family("pointwise_more", GENERATOR)
    f.case("erf", "erf", [WIDE], torch.erf(WIDE))
    f.case("erf_float32", "erf", [WIDE.float()], torch.erf(WIDE.float()))
    f.case("erf_int64_promotes", "erf", [tensor([-2, 0, 1, 3], I64)], torch.erf(tensor([-2, 0, 1, 3], I64)))
    ends = tensor([-1.0, -0.999, -0.5, 0.0, 0.25, 0.9, 1.0, 1.5])
    f.case("erfinv", "erfinv", [ends], torch.erfinv(ends))
    f.case("erfinv_float32", "erfinv", [ends.float()], torch.erfinv(ends.float()))
    for name, fn in [("isfinite", torch.isfinite), ("isnan", torch.isnan), ("isinf", torch.isinf)]:
        f.case(name, name, [ODD], fn(ODD))
        f.case(name + "_float32", name, [ODD.float()], fn(ODD.float()))
        f.case(name + "_int64", name, [tensor([[3, -1], [0, 7]], I64)], fn(tensor([[3, -1], [0, 7]], I64)))
    f.case("nan_to_num_default", "nan_to_num", [ODD], torch.nan_to_num(ODD))
    f.case("nan_to_num_default_float32", "nan_to_num", [ODD.float()], torch.nan_to_num(ODD.float()))
    f.case("nan_to_num_values", "nan_to_num_values", [ODD],
           torch.nan_to_num(ODD, nan=-1.5, posinf=100.0, neginf=-200.0), nan=-1.5, posinf=100.0,
           neginf=-200.0)
    f.case("nan_to_num_int64", "nan_to_num", [tensor([1, -2], I64)], torch.nan_to_num(tensor([1, -2], I64)))
    f.case("lerp_same_shape", "lerp", [A, B], torch.lerp(A, B, 0.25), weight=0.25)
    f.case("lerp_broadcast", "lerp", [COL, ROW], torch.lerp(COL, ROW, 0.75), weight=0.75)
    f.case("lerp_extrapolates", "lerp", [A, B], torch.lerp(A, B, -1.5), weight=-1.5)
    f.case("lerp_float32", "lerp", [A.float(), B.float()], torch.lerp(A.float(), B.float(), 0.5), weight=0.5)
    f.case("flip_one", "flip", [SEQ], torch.flip(SEQ, [1]), dims=[1])
    f.case("flip_two_negative", "flip", [SEQ], torch.flip(SEQ, [0, -1]), dims=[0, -1])
    f.case("flip_none", "flip", [SEQ], torch.flip(SEQ, []), dims=[])
    f.case("flip_int64", "flip", [tensor([4, 5, 6], I64)], torch.flip(tensor([4, 5, 6], I64), [0]), dims=[0])
    f.case("roll_one", "roll", [SEQ], torch.roll(SEQ, 1, 2), shifts=[1], dims=[2])
    f.case("roll_two", "roll", [SEQ], torch.roll(SEQ, (-1, 5), (1, 2)), shifts=[-1, 5], dims=[1, 2])
    f.case("roll_flat", "roll", [SEQ], torch.roll(SEQ, 3), shifts=[3], dims=[])
    f.case("mT_matrix", "mT", [A], A.mT)
    f.case("mT_batch", "mT", [X3], X3.mT)
    return f


def reductions_more():
    f = Family("reductions_more", GENERATOR)
    x = X3
    xi = tensor([[3, -1, 4], [1, 5, -9]], I64)
    steps = tensor([[1.5, -2.0, 0.5, 3.0], [0.25, 4.0, -1.0, 2.0]])
    for dim in (0, 1, -1):
        f.case("cumprod_dim%d" % dim, "cumprod", [steps], torch.cumprod(steps, dim), dim=dim)
    f.case("cumprod_3d", "cumprod", [x], torch.cumprod(x, 1), dim=1)
    f.case("cumprod_int64", "cumprod", [xi], torch.cumprod(xi, 1), dim=1)
    f.case("cumprod_float32", "cumprod", [steps.float()], torch.cumprod(steps.float(), 1), dim=1)
    for name, fn in [("amax", torch.amax), ("amin", torch.amin)]:
        f.case(name + "_dim1", name, [x], fn(x, 1), dim=1, keepdim=False)
        f.case(name + "_dim2_keepdim", name, [x], fn(x, 2, keepdim=True), dim=2, keepdim=True)
        f.case(name + "_dim_neg", name, [x], fn(x, -3), dim=-3, keepdim=False)
        f.case(name + "_int64", name, [xi], fn(xi, 0), dim=0, keepdim=False)
        f.case(name + "_nan", name, [tensor([[1.0, NAN], [2.0, -1.0]])],
               fn(tensor([[1.0, NAN], [2.0, -1.0]]), 1), dim=1, keepdim=False)
    for dim in (0, 1, 2, -1):
        f.case("argsort_dim%d" % dim, "argsort", [x], torch.argsort(x, dim), dim=dim, descending=False)
        f.case("argsort_dim%d_descending" % dim, "argsort", [x], torch.argsort(x, dim, descending=True),
               dim=dim, descending=True)
    f.case("argsort_int64", "argsort", [xi], torch.argsort(xi, 1), dim=1, descending=False)
    return f


def closeness():
    """equal and allclose record their Java boolean as a 0-d bool tensor."""
    f = Family("closeness", GENERATOR)

    def flag(v):
        return torch.tensor(bool(v))

    near = A + 1e-7
    f.case("equal_same", "equal", [A, A.clone()], flag(torch.equal(A, A.clone())))
    f.case("equal_one_differs", "equal", [A, B], flag(torch.equal(A, B)))
    f.case("equal_other_shape", "equal", [A, A.reshape(3, 2)], flag(torch.equal(A, A.reshape(3, 2))))
    f.case("equal_nan", "equal", [ODD, ODD], flag(torch.equal(ODD, ODD)))
    f.case("equal_int64", "equal", [tensor([1, 2], I64), tensor([1, 2], I64)],
           flag(torch.equal(tensor([1, 2], I64), tensor([1, 2], I64))))
    f.case("allclose_default_near", "allclose", [A, near], flag(torch.allclose(A, near)))
    f.case("allclose_default_far", "allclose", [A, A + 1e-3], flag(torch.allclose(A, A + 1e-3)))
    f.case("allclose_broadcast", "allclose", [tensor([[2.0, 2.0]]), tensor([2.0])],
           flag(torch.allclose(tensor([[2.0, 2.0]]), tensor([2.0]))))
    f.case("allclose_nan", "allclose", [ODD, ODD], flag(torch.allclose(ODD, ODD)))
    f.case("allclose_rtol", "allclose_tol", [A, A * 1.01], flag(torch.allclose(A, A * 1.01, 0.02, 0.0)),
           rtol=0.02, atol=0.0)
    f.case("allclose_rtol_too_tight", "allclose_tol", [A, A * 1.01],
           flag(torch.allclose(A, A * 1.01, 0.005, 0.0)), rtol=0.005, atol=0.0)
    f.case("allclose_atol", "allclose_tol", [A, A + 0.5], flag(torch.allclose(A, A + 0.5, 0.0, 0.5)),
           rtol=0.0, atol=0.5)
    for p in (2.0, 1.0, 3.0, 0.0, INF):
        name = "dist_p" + ("inf" if p == INF else str(int(p)))
        # JSON has no infinity: the argument is Java's spelling, which Double.parseDouble reads.
        f.case(name, "dist", [A, B], torch.dist(A, B, p), p="Infinity" if p == INF else p)
    f.case("dist_broadcast", "dist", [A, ROW], torch.dist(A, ROW, 2.0), p=2.0)
    f.case("dist_float32", "dist", [A.float(), B.float()], torch.dist(A.float(), B.float(), 2.0), p=2.0)
    f.case("ravel", "ravel", [X3], torch.ravel(X3))
    f.case("ravel_transposed", "ravel_t", [A], torch.ravel(A.t()))
    f.case("ravel_scalar", "ravel", [tensor(2.5)], torch.ravel(tensor(2.5)))
    return f


def main():
    out_dir = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                            "..", "resources", "golden"))
    torch.set_default_dtype(torch.float32)
    for family in [pointwise_more(), reductions_more(), closeness()]:
        path, n = family.write(out_dir)
        print("%-60s %4d cases" % (os.path.relpath(path), n))


if __name__ == "__main__":
    main()
