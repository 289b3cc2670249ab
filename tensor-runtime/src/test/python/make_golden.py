#!/usr/bin/python3
"""Writes the golden fixtures of ShapeTorch's op tests from PyTorch.

Run with Debian's interpreter, which has torch 1.13 (the ``python3`` first on PATH does not):

    /usr/bin/python3 tensor-runtime/src/test/python/make_golden.py

It writes one JSON file per op family under ``tensor-runtime/src/test/resources/golden/``.
The Java tests under ``dev.shapetorch.tensor.golden`` read them; they never run Python.

Every input is written out here explicitly (or computed by a closed formula such as an
arange), never drawn from a random generator, so a rerun reproduces the files byte for byte.

A file is ``{"family", "generator", "torch", "cases": [...]}``; a case is
``{"id", "op", "inputs": [tensor...], "args": {...}, "expected": [tensor...]}`` where a
tensor is ``{"shape": [...], "dtype": "float64", "values": [...]}`` with the values
flattened in row-major order. Non-finite floats are the strings ``"nan"``, ``"inf"`` and
``"-inf"``. ``op`` names what the Java side calls (see each family's test class); ``args``
holds the op's non-tensor arguments.
"""

import json
import math
import os
import sys

import torch

F64 = torch.float64
F32 = torch.float32
I64 = torch.int64

DTYPE_NAMES = {
    torch.float32: "float32",
    torch.float64: "float64",
    torch.float16: "float16",
    torch.bfloat16: "bfloat16",
    torch.int64: "int64",
    torch.int32: "int32",
    torch.int16: "int16",
    torch.int8: "int8",
    torch.uint8: "uint8",
    torch.bool: "bool",
}


def encode_value(v):
    if isinstance(v, bool):
        return v
    if isinstance(v, int):
        return v
    if math.isnan(v):
        return "nan"
    if math.isinf(v):
        return "inf" if v > 0 else "-inf"
    return v


def enc(t):
    """A tensor as the fixture records it."""
    t = t.detach()
    flat = t.reshape(-1).tolist()
    return {
        "shape": list(t.shape),
        "dtype": DTYPE_NAMES[t.dtype],
        "values": [encode_value(v) for v in flat],
    }


def tensor(values, dtype=F64):
    return torch.tensor(values, dtype=dtype)


class Family:
    """The cases of one fixture file."""

    def __init__(self, name, generator="tensor-runtime/src/test/python/make_golden.py"):
        self.name = name
        self.generator = generator
        self.cases = []
        self.ids = set()

    def case(self, case_id, op, inputs, expected, **args):
        if case_id in self.ids:
            raise ValueError("duplicate case id " + case_id)
        self.ids.add(case_id)
        if isinstance(expected, (list, tuple)):
            expected = list(expected)
        else:
            expected = [expected]
        self.cases.append({
            "id": case_id,
            "op": op,
            "inputs": [enc(t) for t in inputs],
            "args": args,
            "expected": [enc(t) for t in expected],
        })

    def write(self, directory):
        path = os.path.join(directory, self.name + ".json")
        doc = {
            "family": self.name,
            "generator": self.generator,
            "torch": torch.__version__,
            "cases": self.cases,
        }
        # One case per line, so that a regenerated fixture diffs case by case.
        head = {k: v for k, v in doc.items() if k != "cases"}
        lines = [json.dumps(c, allow_nan=False, separators=(",", ":")) for c in self.cases]
        with open(path, "w", encoding="utf-8") as out:
            out.write(json.dumps(head, allow_nan=False)[:-1])
            out.write(', "cases": [\n')
            out.write(",\n".join(lines))
            out.write("\n]}\n")
        return path, len(self.cases)


# ---------------------------------------------------------------------------------------------
# Shared inputs.

A = tensor([[1.5, -2.0, 3.25], [0.5, 4.0, -1.75]])
B = tensor([[2.0, 0.5, -1.0], [-3.0, 1.25, 2.0]])
ROW = tensor([10.0, -20.0, 30.0])
COL = tensor([[2.0], [-1.0]])
POS = tensor([[0.25, 1.0, 2.0], [4.0, 9.0, 0.5]])
UNIT = tensor([-0.9, -0.5, 0.0, 0.3, 0.75, 1.0])
WIDE = tensor([-3.0, -1.5, -0.25, 0.0, 0.25, 1.5, 3.0])
AI = tensor([[7, -3, 0], [12, 5, -8]], I64)
BI = tensor([[2, 4, 1], [-5, 3, 3]], I64)

# 2 x 3 x 4 without ties in any row, column or fibre: v(i) = ((7 i) mod 24 - 11.5) / 4.
X3 = tensor([((7 * i) % 24 - 11.5) / 4 for i in range(24)]).reshape(2, 3, 4)
SEQ = torch.arange(24, dtype=F64).reshape(2, 3, 4)


def factories():
    f = Family("factories")
    f.case("zeros_default", "zeros", [], torch.zeros(2, 3), shape=[2, 3])
    f.case("zeros_float64", "zeros", [], torch.zeros(3, 1, 2, dtype=F64), shape=[3, 1, 2], dtype="float64")
    f.case("zeros_int64", "zeros", [], torch.zeros(4, dtype=I64), shape=[4], dtype="int64")
    f.case("zeros_scalar", "zeros", [], torch.zeros(()), shape=[])
    f.case("zeros_empty_dim", "zeros", [], torch.zeros(2, 0), shape=[2, 0])
    f.case("ones_default", "ones", [], torch.ones(3, 2), shape=[3, 2])
    f.case("ones_bool", "ones", [], torch.ones(2, 2, dtype=torch.bool), shape=[2, 2], dtype="bool")
    f.case("full_default", "full", [], torch.full((2, 2), 2.5), shape=[2, 2], value=2.5)
    f.case("full_float64", "full", [], torch.full((3,), -0.1, dtype=F64), shape=[3], value=-0.1, dtype="float64")
    f.case("arange_end", "arange", [], torch.arange(5), end=5)
    f.case("arange_start_end", "arange", [], torch.arange(2, 7), start=2, end=7)
    f.case("arange_step", "arange", [], torch.arange(1, 10, 3), start=1, end=10, step=3)
    f.case("arange_negative_step", "arange", [], torch.arange(5, -4, -2), start=5, end=-4, step=-2)
    f.case("arange_float_step", "arange_float", [], torch.arange(0.0, 1.0, 0.25),
           start=0.0, end=1.0, step=0.25)
    f.case("arange_float64", "arange_float", [], torch.arange(-1.0, 1.0, 0.5, dtype=F64),
           start=-1.0, end=1.0, step=0.5, dtype="float64")
    f.case("linspace_5", "linspace", [], torch.linspace(0.0, 1.0, 5), start=0.0, end=1.0, steps=5)
    f.case("linspace_decreasing", "linspace", [], torch.linspace(2.0, -1.0, 4), start=2.0, end=-1.0, steps=4)
    f.case("linspace_float64", "linspace", [], torch.linspace(-1.0, 1.0, 7, dtype=F64),
           start=-1.0, end=1.0, steps=7, dtype="float64")
    f.case("linspace_one", "linspace", [], torch.linspace(3.0, 9.0, 1), start=3.0, end=9.0, steps=1)
    f.case("eye_square", "eye", [], torch.eye(3), n=3)
    f.case("eye_rect", "eye", [], torch.eye(2, 4), n=2, m=4)
    f.case("eye_float64", "eye", [], torch.eye(3, 2, dtype=F64), n=3, m=2, dtype="float64")
    return f


def pointwise():
    f = Family("pointwise")
    # Arithmetic: tensor-tensor (with broadcasting), tensor-scalar, alpha.
    for name, fn in [("add", torch.add), ("sub", torch.sub), ("mul", torch.mul), ("div", torch.div)]:
        f.case(name + "_same_shape", name, [A, B], fn(A, B))
        f.case(name + "_broadcast_row", name, [A, ROW], fn(A, ROW))
        f.case(name + "_broadcast_col_row", name, [COL, ROW], fn(COL, ROW))
        f.case(name + "_scalar", name + "_scalar", [A], fn(A, 2.5), scalar=2.5)
        f.case(name + "_int64", name, [AI, BI], fn(AI, BI))
    f.case("add_alpha", "add_alpha", [A, B], torch.add(A, B, alpha=-1.5), alpha=-1.5)
    f.case("sub_alpha", "sub_alpha", [A, B], torch.sub(A, B, alpha=2.0), alpha=2.0)
    f.case("add_promotes_int_float", "add", [AI, A], torch.add(AI, A))
    f.case("mul_int_by_float_scalar", "mul_scalar", [AI], torch.mul(AI, 0.5), scalar=0.5)
    f.case("add_float32", "add", [A.float(), B.float()], torch.add(A.float(), B.float()))
    f.case("div_by_zero", "div", [tensor([1.0, -1.0, 0.0]), tensor([0.0, 0.0, 0.0])],
           torch.div(tensor([1.0, -1.0, 0.0]), tensor([0.0, 0.0, 0.0])))
    # Powers.
    f.case("pow_scalar_2", "pow_scalar", [A], torch.pow(A, 2.0), exponent=2.0)
    f.case("pow_scalar_half", "pow_scalar", [POS], torch.pow(POS, 0.5), exponent=0.5)
    f.case("pow_scalar_minus1", "pow_scalar", [POS], torch.pow(POS, -1.0), exponent=-1.0)
    f.case("pow_tensor", "pow", [POS, tensor([2.0, -0.5, 3.0])], torch.pow(POS, tensor([2.0, -0.5, 3.0])))
    f.case("pow_int64", "pow_scalar", [AI], torch.pow(AI, 2), exponent=2)
    # Unary maths.
    unary = [
        ("neg", torch.neg, A), ("abs", torch.abs, A), ("exp", torch.exp, A),
        ("log", torch.log, POS), ("sqrt", torch.sqrt, POS), ("rsqrt", torch.rsqrt, POS),
        ("sin", torch.sin, A), ("cos", torch.cos, A), ("tan", torch.tan, A),
        ("asin", torch.asin, UNIT), ("acos", torch.acos, UNIT), ("atan", torch.atan, A),
        ("sinh", torch.sinh, A), ("cosh", torch.cosh, A), ("tanh", torch.tanh, A),
        ("sigmoid", torch.sigmoid, WIDE), ("relu", torch.relu, WIDE),
        ("gelu", torch.nn.functional.gelu, WIDE), ("silu", torch.nn.functional.silu, WIDE),
        ("floor", torch.floor, WIDE), ("ceil", torch.ceil, WIDE), ("sign", torch.sign, WIDE),
    ]
    for name, fn, x in unary:
        f.case(name, name, [x], fn(x))
    f.case("abs_int64", "abs", [AI], torch.abs(AI))
    f.case("neg_int64", "neg", [AI], torch.neg(AI))
    f.case("sign_int64", "sign", [AI], torch.sign(AI))
    f.case("exp_float32", "exp", [A.float()], torch.exp(A.float()))
    f.case("log_edge", "log", [tensor([0.0, 1.0, -1.0])], torch.log(tensor([0.0, 1.0, -1.0])))
    f.case("sqrt_edge", "sqrt", [tensor([-4.0, 0.0, 16.0])], torch.sqrt(tensor([-4.0, 0.0, 16.0])))
    f.case("sigmoid_extreme", "sigmoid", [tensor([-800.0, 800.0])], torch.sigmoid(tensor([-800.0, 800.0])))
    halves = tensor([-2.5, -1.5, -0.5, 0.5, 1.5, 2.5, 2.4, -2.6])
    f.case("round_half_even", "round", [halves], torch.round(halves))
    # Activations with parameters.
    F = torch.nn.functional
    f.case("leaky_relu_default", "leaky_relu", [WIDE], F.leaky_relu(WIDE), negative_slope=0.01)
    f.case("leaky_relu_0_2", "leaky_relu", [WIDE], F.leaky_relu(WIDE, 0.2), negative_slope=0.2)
    f.case("elu_default", "elu", [WIDE], F.elu(WIDE), alpha=1.0)
    f.case("elu_alpha", "elu", [WIDE], F.elu(WIDE, alpha=0.5), alpha=0.5)
    f.case("softplus_default", "softplus", [WIDE], F.softplus(WIDE), beta=1.0, threshold=20.0)
    f.case("softplus_beta", "softplus", [WIDE], F.softplus(WIDE, beta=2.0, threshold=4.0),
           beta=2.0, threshold=4.0)
    f.case("gelu_tanh", "gelu_tanh", [WIDE], F.gelu(WIDE, approximate="tanh"))
    f.case("clamp_both", "clamp", [WIDE], torch.clamp(WIDE, -1.0, 2.0), min=-1.0, max=2.0)
    f.case("clamp_min", "clamp_min", [WIDE], torch.clamp(WIDE, min=0.1), min=0.1)
    f.case("clamp_max", "clamp_max", [WIDE], torch.clamp(WIDE, max=0.1), max=0.1)
    # Selection and comparison.
    cond = tensor([[True, False, True], [False, False, True]], torch.bool)
    f.case("where_same_shape", "where", [cond, A, B], torch.where(cond, A, B))
    f.case("where_broadcast", "where", [cond, ROW, COL], torch.where(cond, ROW, COL))
    cmp_b = tensor([[1.5, 0.0, 3.25], [1.0, 4.0, -2.0]])
    for name, fn in [("eq", torch.eq), ("ne", torch.ne), ("lt", torch.lt),
                     ("le", torch.le), ("gt", torch.gt), ("ge", torch.ge)]:
        f.case(name, name, [A, cmp_b], fn(A, cmp_b))
        f.case(name + "_broadcast", name, [A, tensor([0.5, 4.0, 3.25])], fn(A, tensor([0.5, 4.0, 3.25])))
        f.case(name + "_scalar", name + "_scalar", [A], fn(A, 0.5), scalar=0.5)
    f.case("eq_nan", "eq", [tensor([float("nan"), 1.0])] * 2,
           torch.eq(tensor([float("nan"), 1.0]), tensor([float("nan"), 1.0])))
    p = tensor([True, True, False, False], torch.bool)
    q = tensor([True, False, True, False], torch.bool)
    f.case("logical_and", "logical_and", [p, q], torch.logical_and(p, q))
    f.case("logical_or", "logical_or", [p, q], torch.logical_or(p, q))
    f.case("logical_xor", "logical_xor", [p, q], torch.logical_xor(p, q))
    f.case("logical_not", "logical_not", [p], torch.logical_not(p))
    nz = tensor([0.0, -1.5, 2.0, 0.0])
    f.case("logical_and_float", "logical_and", [nz, tensor([1.0, 0.0, 3.0, 0.0])],
           torch.logical_and(nz, tensor([1.0, 0.0, 3.0, 0.0])))
    f.case("logical_not_float", "logical_not", [nz], torch.logical_not(nz))
    f.case("maximum", "maximum", [A, ROW / 10], torch.maximum(A, ROW / 10))
    f.case("minimum", "minimum", [A, COL], torch.minimum(A, COL))
    f.case("masked_fill", "masked_fill", [A, cond], A.masked_fill(cond, -9.5), value=-9.5)
    f.case("masked_fill_broadcast", "masked_fill", [A, tensor([False, True, False], torch.bool)],
           A.masked_fill(tensor([False, True, False], torch.bool), 0.0), value=0.0)
    # Remainder follows the divisor's sign (Python's %), unlike C's fmod.
    num = tensor([-7.0, -3.5, 5.0, 7.5, 6.0])
    den = tensor([3.0, 2.0, -3.0, -2.0, 3.0])
    f.case("remainder_tensor", "remainder", [num, den], torch.remainder(num, den))
    f.case("remainder_scalar", "remainder_scalar", [num], torch.remainder(num, 2.5), scalar=2.5)
    # Fused x + value * t1 * t2 and x + value * t1 / t2, the optimizers' addcmul_/addcdiv_: the
    # three tensors broadcast together, and the result may be larger than x (then no in-place form).
    dens = tensor([[2.0], [-4.0]])
    for name, fn, t2 in [("addcmul", torch.addcmul, COL), ("addcdiv", torch.addcdiv, dens)]:
        f.case(name + "_same_shape", name, [A, B, POS], fn(A, B, POS, value=0.5), value=0.5)
        f.case(name + "_broadcast", name, [A, ROW, t2], fn(A, ROW, t2, value=-1.5), value=-1.5)
        f.case(name + "_broadcast_grows", name, [ROW, t2, B], fn(ROW, t2, B, value=2.0), value=2.0)
        f.case(name + "_float32", name, [A.float(), B.float(), POS.float()],
               fn(A.float(), B.float(), POS.float(), value=0.25), value=0.25)
    # PyTorch refuses three shapes that do not broadcast; ShapeTorch's tests expect the same.
    try:
        torch.addcmul(A, ROW, tensor([1.0, 2.0]))
        raise AssertionError("torch.addcmul broadcast [2, 3], [3], [2]")
    except RuntimeError:
        pass
    return f


def reductions():
    f = Family("reductions")
    x = X3
    xi = tensor([[3, -1, 4], [1, 5, -9]], I64)
    for name, fn in [("sum", torch.sum), ("mean", torch.mean), ("prod", torch.prod)]:
        f.case(name + "_all", name, [x], fn(x))
        f.case(name + "_dim1", name + "_dim", [x], fn(x, 1), dim=1, keepdim=False)
        f.case(name + "_dim1_keepdim", name + "_dim", [x], fn(x, 1, keepdim=True), dim=1, keepdim=True)
        f.case(name + "_dim_neg", name + "_dim", [x], fn(x, -1), dim=-1, keepdim=False)
    for name, fn in [("sum", torch.sum), ("mean", torch.mean)]:
        f.case(name + "_dims02", name + "_dims", [x], fn(x, (0, 2)), dims=[0, 2], keepdim=False)
        f.case(name + "_dims02_keepdim", name + "_dims", [x], fn(x, (0, 2), keepdim=True),
               dims=[0, 2], keepdim=True)
    f.case("sum_int64", "sum", [xi], torch.sum(xi))
    f.case("sum_bool_counts", "sum", [xi > 0], torch.sum(xi > 0))
    f.case("sum_int64_dim", "sum_dim", [xi], torch.sum(xi, 0), dim=0, keepdim=False)
    f.case("prod_int64", "prod", [xi], torch.prod(xi))
    for name, fn in [("max", torch.max), ("min", torch.min)]:
        f.case(name + "_all", name, [x], fn(x))
        v, i = fn(x, 1)
        f.case(name + "_dim1", name + "_dim", [x], [v, i], dim=1, keepdim=False)
        v, i = fn(x, 2, keepdim=True)
        f.case(name + "_dim2_keepdim", name + "_dim", [x], [v, i], dim=2, keepdim=True)
        f.case(name + "_int64", name, [xi], fn(xi))
    for name, fn in [("argmax", torch.argmax), ("argmin", torch.argmin)]:
        f.case(name + "_all", name, [x], fn(x))
        f.case(name + "_dim0", name + "_dim", [x], fn(x, 0), dim=0, keepdim=False)
        f.case(name + "_dim2_keepdim", name + "_dim", [x], fn(x, 2, keepdim=True), dim=2, keepdim=True)
        f.case(name + "_dim_neg", name + "_dim", [x], fn(x, -2), dim=-2, keepdim=False)
    for name, fn in [("std", torch.std), ("var", torch.var)]:
        f.case(name + "_all", name, [x], fn(x), unbiased=True)
        f.case(name + "_all_biased", name, [x], fn(x, unbiased=False), unbiased=False)
        f.case(name + "_dim1", name + "_dim", [x], fn(x, 1), dim=1, unbiased=True, keepdim=False)
        f.case(name + "_dim2_biased_keepdim", name + "_dim", [x], fn(x, 2, unbiased=False, keepdim=True),
               dim=2, unbiased=False, keepdim=True)
    f.case("norm_all", "norm", [x], torch.norm(x))
    f.case("norm_p1", "norm_p", [x], torch.norm(x, p=1), p=1.0)
    f.case("norm_p3", "norm_p", [x], torch.norm(x, p=3), p=3.0)
    f.case("norm_dim", "norm_dim", [x], torch.norm(x, p=2, dim=1), p=2.0, dim=1, keepdim=False)
    f.case("norm_dim_p1_keepdim", "norm_dim", [x], torch.norm(x, p=1, dim=2, keepdim=True),
           p=1.0, dim=2, keepdim=True)
    f.case("logsumexp_dim", "logsumexp", [x], torch.logsumexp(x, 1), dim=1, keepdim=False)
    f.case("logsumexp_keepdim", "logsumexp", [x], torch.logsumexp(x, -1, keepdim=True), dim=-1, keepdim=True)
    big = tensor([[1000.0, 1000.5, 999.0], [-1000.0, -1001.0, -999.5]])
    f.case("logsumexp_large", "logsumexp", [big], torch.logsumexp(big, 1), dim=1, keepdim=False)
    return f


def linalg():
    f = Family("linalg")
    v3 = tensor([1.0, -2.0, 0.5])
    w3 = tensor([3.0, 0.25, -4.0])
    m23 = A
    m32 = tensor([[1.0, 2.0], [-1.0, 0.5], [3.0, -2.0]])
    m34 = tensor([[1.0, 0.0, -1.0, 2.0], [0.5, 1.0, 1.5, -2.0], [2.0, -1.0, 0.0, 0.25]])
    b223 = SEQ[:, :2, :3].clone() - 5.0
    b232 = tensor([[[1.0, -1.0], [0.5, 2.0], [0.0, 1.0]], [[2.0, 0.0], [-1.0, 1.0], [0.25, -0.5]]])
    b2123 = SEQ.reshape(2, 1, 3, 4)[:, :, :2, :3].clone() / 4
    b332 = torch.arange(18, dtype=F64).reshape(3, 3, 2) - 8.0
    f.case("matmul_1d_1d", "matmul", [v3, w3], torch.matmul(v3, w3))
    f.case("matmul_2d_1d", "matmul", [m23, v3], torch.matmul(m23, v3))
    f.case("matmul_1d_2d", "matmul", [v3, m32], torch.matmul(v3, m32))
    f.case("matmul_2d_2d", "matmul", [m23, m34], torch.matmul(m23, m34))
    f.case("matmul_batched", "matmul", [b223, b232], torch.matmul(b223, b232))
    f.case("matmul_batched_2d", "matmul", [b223, m32], torch.matmul(b223, m32))
    f.case("matmul_2d_batched", "matmul", [m32, b223], torch.matmul(m32, b223))
    f.case("matmul_broadcast_batch", "matmul", [b2123, b332], torch.matmul(b2123, b332))
    f.case("matmul_batched_1d", "matmul", [b223, v3], torch.matmul(b223, v3))
    f.case("matmul_float32", "matmul", [m23.float(), m34.float()], torch.matmul(m23.float(), m34.float()))
    f.case("mm", "mm", [m23, m34], torch.mm(m23, m34))
    f.case("bmm", "bmm", [b223, b232], torch.bmm(b223, b232))
    f.case("mv", "mv", [m23, v3], torch.mv(m23, v3))
    f.case("dot", "dot", [v3, w3], torch.dot(v3, w3))
    f.case("outer", "outer", [v3, tensor([2.0, -1.0])], torch.outer(v3, tensor([2.0, -1.0])))
    f.case("t_2d", "t", [m23], m23.t())
    f.case("t_1d", "t", [v3], v3.t())
    f.case("transpose_01", "transpose", [m23], m23.transpose(0, 1), dim0=0, dim1=1)
    f.case("transpose_3d_02", "transpose", [SEQ], SEQ.transpose(0, 2), dim0=0, dim1=2)
    f.case("transpose_negative", "transpose", [SEQ], SEQ.transpose(-1, -2), dim0=-1, dim1=-2)
    return f


def shape_ops():
    f = Family("shape")
    x = SEQ
    f.case("reshape_minus1_last", "reshape", [x], x.reshape(4, -1), shape=[4, -1])
    f.case("reshape_minus1_first", "reshape", [x], x.reshape(-1, 3), shape=[-1, 3])
    f.case("reshape_flat", "reshape", [x], x.reshape(-1), shape=[-1])
    f.case("reshape_scalar", "reshape", [tensor([7.5])], tensor([7.5]).reshape(()), shape=[])
    f.case("view_minus1_middle", "view", [x], x.view(2, -1, 2), shape=[2, -1, 2])
    f.case("view_explicit", "view", [x], x.view(6, 4), shape=[6, 4])
    f.case("flatten_all", "flatten", [x], x.flatten(), start=0, end=-1)
    f.case("flatten_from1", "flatten", [x], x.flatten(1), start=1, end=-1)
    f.case("flatten_01", "flatten", [x], x.flatten(0, 1), start=0, end=1)
    f.case("flatten_scalar", "flatten", [tensor(3.0)], tensor(3.0).flatten(), start=0, end=-1)
    f.case("unflatten_last", "unflatten", [x], x.unflatten(2, (2, 2)), dim=2, sizes=[2, 2])
    f.case("unflatten_minus1", "unflatten", [x], x.unflatten(-1, (-1, 1)), dim=-1, sizes=[-1, 1])
    y = x.reshape(2, 1, 12, 1)
    f.case("squeeze_all", "squeeze", [y], y.squeeze())
    f.case("squeeze_dim", "squeeze_dim", [y], y.squeeze(1), dim=1)
    f.case("squeeze_dim_not_one", "squeeze_dim", [y], y.squeeze(0), dim=0)
    f.case("squeeze_dim_negative", "squeeze_dim", [y], y.squeeze(-1), dim=-1)
    f.case("unsqueeze_front", "unsqueeze", [A], A.unsqueeze(0), dim=0)
    f.case("unsqueeze_middle", "unsqueeze", [A], A.unsqueeze(1), dim=1)
    f.case("unsqueeze_negative", "unsqueeze", [A], A.unsqueeze(-1), dim=-1)
    f.case("permute_201", "permute", [x], x.permute(2, 0, 1), dims=[2, 0, 1])
    f.case("permute_negative", "permute", [x], x.permute(-1, -3, -2), dims=[-1, -3, -2])
    c = tensor([[1.0], [2.0], [3.0]])
    f.case("expand_col", "expand", [c], c.expand(3, 4), shape=[3, 4])
    f.case("expand_keep", "expand", [c], c.expand(-1, 2), shape=[-1, 2])
    f.case("expand_new_dim", "expand", [ROW], ROW.expand(2, 2, -1), shape=[2, 2, -1])
    f.case("contiguous_after_transpose", "contiguous", [A], A.t().contiguous(), transpose_first=True)
    a2 = tensor([[9.0, 8.0, 7.0]])
    f.case("cat_dim0", "cat", [A, a2], torch.cat([A, a2], 0), dim=0)
    f.case("cat_dim1", "cat", [A, COL, A], torch.cat([A, COL, A], 1), dim=1)
    f.case("cat_dim_negative", "cat", [COL, A], torch.cat([COL, A], -1), dim=-1)
    f.case("cat_1d", "cat", [ROW, tensor([1.0])], torch.cat([ROW, tensor([1.0])]), dim=0)
    f.case("stack_dim0", "stack", [A, B], torch.stack([A, B], 0), dim=0)
    f.case("stack_dim1", "stack", [A, B, A], torch.stack([A, B, A], 1), dim=1)
    f.case("stack_dim_negative", "stack", [A, B], torch.stack([A, B], -1), dim=-1)
    f.case("split_uneven", "split", [x], list(torch.split(x, 2, 1)), split_size=2, dim=1)
    f.case("split_even", "split", [x], list(torch.split(x, 2, -1)), split_size=2, dim=-1)
    f.case("split_sizes", "split_sizes", [x], list(torch.split(x, [1, 3], 2)), sizes=[1, 3], dim=2)
    f.case("chunk_even", "chunk", [x], list(torch.chunk(x, 2, 2)), chunks=2, dim=2)
    f.case("chunk_uneven", "chunk", [x], list(torch.chunk(x, 2, 1)), chunks=2, dim=1)
    f.case("chunk_fewer_than_asked", "chunk", [x], list(torch.chunk(x, 3, 2)), chunks=3, dim=2)
    f.case("narrow", "narrow", [x], x.narrow(2, 1, 2), dim=2, start=1, length=2)
    f.case("narrow_dim0", "narrow", [x], x.narrow(0, 1, 1), dim=0, start=1, length=1)
    f.case("select", "select", [x], x.select(1, 2), dim=1, index=2)
    f.case("select_negative", "select", [x], x.select(-1, -1), dim=-1, index=-1)
    idx = tensor([2, 0, 2], I64)
    f.case("index_select_dim1", "index_select", [x, idx], x.index_select(1, idx), dim=1)
    f.case("index_select_dim0", "index_select", [x, tensor([1], I64)], x.index_select(0, tensor([1], I64)), dim=0)
    rows = tensor([1, 0, 1], I64)
    f.case("index_long", "index", [x, rows], x[rows])
    grid = tensor([[0, 1], [1, 1]], I64)
    f.case("index_long_2d", "index", [x, grid], x[grid])
    cols = tensor([0, 2, 1], I64)
    f.case("index_two_long", "index", [x, rows, cols], x[rows, cols])
    mask = A > 0
    f.case("index_mask", "index", [A, mask], A[mask])
    g_idx = tensor([[[3, 0], [1, 1], [2, 3]], [[0, 0], [3, 2], [1, 0]]], I64)
    f.case("gather_last", "gather", [x, g_idx], torch.gather(x, 2, g_idx), dim=2)
    g1 = tensor([[[2, 0, 1, 1]], [[0, 0, 2, 1]]], I64)
    f.case("gather_dim1", "gather", [x, g1], torch.gather(x, 1, g1), dim=1)
    s_idx = tensor([[0, 2], [1, 0]], I64)
    src = tensor([[10.0, 20.0], [30.0, 40.0]])
    base = torch.zeros(2, 3, dtype=F64)
    f.case("scatter_src", "scatter", [base, s_idx, src], torch.scatter(base, 1, s_idx, src), dim=1)
    s0 = tensor([[1, 0, 1]], I64)
    f.case("scatter_dim0", "scatter", [A, s0, tensor([[-1.0, -2.0, -3.0]])],
           torch.scatter(A, 0, s0, tensor([[-1.0, -2.0, -3.0]])), dim=0)
    f.case("scatter_value", "scatter_value", [base, s_idx], torch.scatter(base, 1, s_idx, 7.5), dim=1, value=7.5)
    f.case("repeat_same_rank", "repeat", [A], A.repeat(2, 1), repeats=[2, 1])
    f.case("repeat_more_dims", "repeat", [ROW], ROW.repeat(2, 1, 2), repeats=[2, 1, 2])
    return f


def neural():
    f = Family("neural")
    F = torch.nn.functional
    big = tensor([[1000.0, 1001.0, 999.0], [-5.0, 0.0, 5.0]])
    for name, fn in [("softmax", F.softmax), ("log_softmax", F.log_softmax)]:
        f.case(name + "_last", name, [A], fn(A, dim=-1), dim=-1)
        f.case(name + "_dim0", name, [A], fn(A, dim=0), dim=0)
        f.case(name + "_3d_dim1", name, [X3], fn(X3, dim=1), dim=1)
        f.case(name + "_large", name, [big], fn(big, dim=1), dim=1)
        f.case(name + "_float32", name, [A.float()], fn(A.float(), dim=1), dim=1)
    return f


def dtypes():
    f = Family("dtype")
    fine = tensor([0.1, -2.7, 1e40, 3.5, -0.5, 1.0 / 3.0])
    f.case("float64_to_float32", "to", [fine], fine.to(F32), dtype="float32")
    trunc = tensor([-2.7, -0.5, 0.5, 2.7, 100.0])
    f.case("float64_to_int64_truncates", "to", [trunc], trunc.to(I64), dtype="int64")
    f.case("float64_to_int32", "to", [trunc], trunc.to(torch.int32), dtype="int32")
    f.case("float32_to_float64", "to", [fine.to(F32)], fine.to(F32).to(F64), dtype="float64")
    ints = tensor([0, 1, -3, 200, 7], I64)
    f.case("int64_to_float64", "to", [ints], ints.to(F64), dtype="float64")
    f.case("int64_to_float32", "to", [ints], ints.to(F32), dtype="float32")
    f.case("int64_to_bool", "to", [ints], ints.to(torch.bool), dtype="bool")
    f.case("int64_to_int32", "to", [ints], ints.to(torch.int32), dtype="int32")
    f.case("int64_to_int16", "to", [ints], ints.to(torch.int16), dtype="int16")
    small = tensor([0, 5, 100, 127], I64)
    f.case("int64_to_int8", "to", [small], small.to(torch.int8), dtype="int8")
    f.case("int64_to_uint8", "to", [tensor([0, 5, 200, 255], I64)], tensor([0, 5, 200, 255], I64).to(torch.uint8),
           dtype="uint8")
    flags = tensor([True, False, True], torch.bool)
    f.case("bool_to_float32", "to", [flags], flags.to(F32), dtype="float32")
    f.case("bool_to_int64", "to", [flags], flags.to(I64), dtype="int64")
    nonzero = tensor([0.0, -0.0, 2.5, float("nan"), -1e-300])
    f.case("float64_to_bool", "to", [nonzero], nonzero.to(torch.bool), dtype="bool")
    halfs = tensor([0.1, 1.0, -2.5, 65504.0, 1e-8, 70000.0])
    f.case("float64_to_float16", "to", [halfs], halfs.to(torch.float16), dtype="float16")
    f.case("float64_to_bfloat16", "to", [halfs], halfs.to(torch.bfloat16), dtype="bfloat16")
    f.case("float16_to_float32", "to", [halfs.to(torch.float16)], halfs.to(torch.float16).to(F32), dtype="float32")
    f.case("same_dtype", "to", [A], A.to(F64), dtype="float64")
    return f


def autograd():
    """Gradients of composite expressions; expected = [value, grad of leaf 0, grad of leaf 1, ...]."""
    f = Family("autograd")

    def record(case_id, fn, *leaves):
        leaves = [t.clone().requires_grad_(True) for t in leaves]
        out = fn(*leaves)
        out.backward()
        f.case(case_id, case_id, [t.detach() for t in leaves], [out.detach()] + [t.grad for t in leaves])

    F = torch.nn.functional
    x3 = tensor([1.0, -2.0, 0.5])
    record("square_plus_linear_sum", lambda x: (x * x + 3.0 * x).sum(), x3)
    m32 = tensor([[1.0, 2.0], [-1.0, 0.5], [3.0, -2.0]])
    record("matmul_tanh_sum", lambda a, b: a.matmul(b).tanh().sum(), A / 4, m32 / 4)
    record("broadcast_mul_sigmoid_mean", lambda x, w: (x * w).sigmoid().mean(), A, ROW / 10)
    onehot = tensor([[0.0, 1.0, 0.0], [0.0, 0.0, 1.0]])
    record("log_softmax_nll", lambda z: -(F.log_softmax(z, dim=1) * onehot).sum() / 2.0, A)
    record("exp_times_sin_sum", lambda x: (x.exp() * x.sin()).sum(), x3)
    record("relu_weighted_sum", lambda x: (x.relu() * tensor([1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0])).sum(), WIDE)
    record("norm_of_difference", lambda a, b: (a - b).norm(), A, B)
    record("div_pow_mean", lambda a, b: (a / b).pow(2.0).mean(), A, B)
    record("softmax_weighted_sum", lambda z: (F.softmax(z, dim=0) * tensor([1.0, 2.0, 3.0])).sum(), x3)
    record("sum_dim_then_prod", lambda x: x.sum(1).prod(), A)
    record("mse_by_hand", lambda p, t: ((p - t) * (p - t)).mean(), A, B)

    # A non-scalar output back-propagates a given gradient: the gradient is the last input and
    # does not require grad; expected = [value, grad of each leaf].
    def record_with_gradient(case_id, fn, gradient, *leaves):
        leaves = [t.clone().requires_grad_(True) for t in leaves]
        out = fn(*leaves)
        out.backward(gradient)
        f.case(case_id, case_id, [t.detach() for t in leaves] + [gradient],
               [out.detach()] + [t.grad for t in leaves], gradient=True)

    record_with_gradient("square_backward_with_gradient", lambda x: x * x, B, A)
    record_with_gradient("matmul_backward_with_gradient", lambda a, b: a.matmul(b),
                         tensor([[1.0, -1.0], [0.5, 2.0]]), A, m32)
    return f


def main():
    out_dir = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                            "..", "resources", "golden"))
    os.makedirs(out_dir, exist_ok=True)
    torch.set_default_dtype(torch.float32)
    total = 0
    for family in [factories(), pointwise(), reductions(), linalg(), shape_ops(), neural(), dtypes(),
                   autograd()]:
        path, n = family.write(out_dir)
        total += n
        print("%-60s %4d cases" % (os.path.relpath(path), n))
    print("total %d cases (torch %s)" % (total, torch.__version__))


if __name__ == "__main__":
    if sys.version_info < (3, 7):
        sys.exit("needs Python 3.7+ with torch (Debian: /usr/bin/python3)")
    main()
