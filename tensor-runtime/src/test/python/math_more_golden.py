#!/usr/bin/python3
"""Writes the golden fixture of the elementwise math batch (issue 13) from PyTorch.

Run with Debian's interpreter, which has torch 1.13:

    /usr/bin/python3 tensor-runtime/src/test/python/math_more_golden.py

It writes ``math_more.json`` under ``tensor-runtime/src/test/resources/golden/`` in
make_golden.py's format: the functions of one tensor (``asinh`` ... ``bitwise_not``, ``logit``,
``polygamma``, ``mvlgamma``) and of two (``atan2`` ... ``isclose``), in float64, float32 and,
where PyTorch takes them, int64 and bool. The Java test (``MathMoreGoldenTest``) also runs the
in-place forms (``x.sin_()``) against the same values. Every input is written out here, so a rerun
reproduces the file byte for byte.
"""

import os
import sys

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_golden import A, AI, B, BI, COL, F32, F64, I64, POS, ROW, UNIT, WIDE, Family, tensor  # noqa: E402

GENERATOR = "tensor-runtime/src/test/python/math_more_golden.py"
NAN = float("nan")
INF = float("inf")
ODD = tensor([NAN, INF, -INF, 0.0, -0.0, 1.5, -2.25, 7.0])
ABOVE_ONE = tensor([1.0, 1.25, 2.0, 10.0, 0.5])
PROB = tensor([0.0, 0.1, 0.5, 0.9, 1.0, 1.5])
DEGREES = tensor([-180.0, -45.0, 0.0, 90.0, 360.0])
GAMMA_IN = tensor([0.5, 1.0, 2.5, 7.0, -0.5, 20.0])


def math_more():
    f = Family("math_more", GENERATOR)
    unary = [
        ("asinh", torch.asinh, [WIDE]), ("acosh", torch.acosh, [ABOVE_ONE]),
        ("atanh", torch.atanh, [UNIT]), ("log10", torch.log10, [POS]),
        ("exp2", torch.exp2, [WIDE]), ("erfc", torch.erfc, [WIDE]),
        ("trunc", torch.trunc, [WIDE]), ("frac", torch.frac, [WIDE]),
        ("sgn", torch.sgn, [ODD]), ("signbit", torch.signbit, [ODD]),
        ("sinc", torch.sinc, [WIDE]), ("deg2rad", torch.deg2rad, [DEGREES]),
        ("rad2deg", torch.rad2deg, [WIDE]), ("digamma", torch.digamma, [GAMMA_IN]),
        ("lgamma", torch.lgamma, [GAMMA_IN]), ("i0", torch.i0, [WIDE]),
        ("isposinf", torch.isposinf, [ODD]), ("isneginf", torch.isneginf, [ODD]),
        ("logit", torch.logit, [PROB]),
    ]
    for name, fn, inputs in unary:
        f.case(name, name, inputs, fn(*inputs))
        f.case(name + "_float32", name, [t.float() for t in inputs], fn(*[t.float() for t in inputs]))
    f.case("trunc_odd", "trunc", [ODD], torch.trunc(ODD))
    f.case("exp2_int64_promotes", "exp2", [tensor([0, 3, -1], I64)], torch.exp2(tensor([0, 3, -1], I64)))
    f.case("bitwise_not_int64", "bitwise_not", [AI], torch.bitwise_not(AI))
    flags = torch.tensor([True, False, True])
    f.case("bitwise_not_bool", "bitwise_not", [flags], torch.bitwise_not(flags))
    f.case("logit_eps", "logit_eps", [PROB], torch.logit(PROB, 0.05), eps=0.05)
    for n in (0, 1, 3):
        f.case("polygamma_%d" % n, "polygamma", [GAMMA_IN[:4]], torch.polygamma(n, GAMMA_IN[:4]), n=n)
    f.case("mvlgamma_p3", "mvlgamma", [tensor([1.5, 2.0, 7.25])], torch.mvlgamma(tensor([1.5, 2.0, 7.25]), 3), p=3)

    binary = [
        ("atan2", torch.atan2), ("hypot", torch.hypot), ("fmod", torch.fmod),
        ("floor_divide", torch.floor_divide), ("copysign", torch.copysign),
        ("nextafter", torch.nextafter), ("logaddexp", torch.logaddexp),
        ("logaddexp2", torch.logaddexp2), ("xlogy", torch.xlogy), ("fmax", torch.fmax),
        ("fmin", torch.fmin), ("ldexp", torch.ldexp), ("float_power", torch.float_power),
        ("isclose", torch.isclose),
    ]
    for name, fn in binary:
        f.case(name, name, [A, B], fn(A, B))
        f.case(name + "_broadcast", name, [COL, ROW], fn(COL, ROW))
        f.case(name + "_float32", name, [A.float(), B.float()], fn(A.float(), B.float()))
    with_nan = tensor([NAN, 1.0, NAN, -2.0])
    other = tensor([3.0, NAN, NAN, 5.0])
    for name, fn in [("fmax", torch.fmax), ("fmin", torch.fmin)]:
        f.case(name + "_nan", name, [with_nan, other], fn(with_nan, other))
    zeros = tensor([0.0, 0.0, 2.0, -1.0])
    f.case("xlogy_zero", "xlogy", [zeros, tensor([0.0, NAN, 3.0, 0.5])],
           torch.xlogy(zeros, tensor([0.0, NAN, 3.0, 0.5])))
    f.case("heaviside", "heaviside", [tensor([-1.5, 0.0, 2.0, 0.0]), tensor([0.5])],
           torch.heaviside(tensor([-1.5, 0.0, 2.0, 0.0]), tensor([0.5])))
    f.case("isclose_nan", "isclose", [with_nan, other], torch.isclose(with_nan, other))
    near = A + 1e-6
    f.case("isclose_tolerances", "isclose_tol", [A, near], torch.isclose(A, near, 1e-9, 1e-7, True),
           rtol=1e-9, atol=1e-7, equal_nan=True)
    for name, fn in [("gcd", torch.gcd), ("lcm", torch.lcm), ("bitwise_and", torch.bitwise_and),
                     ("bitwise_or", torch.bitwise_or), ("bitwise_xor", torch.bitwise_xor),
                     ("fmod", torch.fmod), ("floor_divide", torch.floor_divide)]:
        f.case(name + "_int64", name, [AI, BI], fn(AI, BI))
    shifts = tensor([[1, 2, 0], [3, 1, 4]], I64)
    for name, fn in [("bitwise_left_shift", torch.bitwise_left_shift),
                     ("bitwise_right_shift", torch.bitwise_right_shift)]:
        f.case(name, name, [AI, shifts], fn(AI, shifts))
    mask = torch.tensor([True, False, True, False])
    mask2 = torch.tensor([True, True, False, False])
    f.case("bitwise_xor_bool", "bitwise_xor", [mask, mask2], torch.bitwise_xor(mask, mask2))
    for name, fn, b in [("fmod_scalar", torch.fmod, 1.5), ("floor_divide_scalar", torch.floor_divide, -2.0),
                        ("copysign_scalar", torch.copysign, -1.0), ("float_power_scalar", torch.float_power, 2.5)]:
        f.case(name, name, [POS if name == "float_power_scalar" else A], fn(POS if name == "float_power_scalar" else A, b), b=b)
    return f


if __name__ == "__main__":
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "golden")
    math_more().write(os.path.normpath(out))
