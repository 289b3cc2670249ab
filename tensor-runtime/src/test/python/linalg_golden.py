#!/usr/bin/python3
"""Writes the golden fixture of the torch.linalg basics (issue 13) from PyTorch.

Run with Debian's interpreter, which has torch 1.13:

    /usr/bin/python3 tensor-runtime/src/test/python/linalg_golden.py

It writes ``linalg_basics.json`` under ``tensor-runtime/src/test/resources/golden/`` in
make_golden.py's format; ``dev.shapetorch.tensor.golden.LinalgBasicsGoldenTest`` reads it and
never runs Python. Every input is written out here or computed by a closed formula, so a rerun
reproduces the file byte for byte.

Where a factor's signs are not unique (the columns of Q, of the eigenvectors, of U and V), the
fixture records absolute values, which are determined for these inputs (full rank, distinct
eigenvalues and singular values); the Java test also checks that the factors reconstruct the
input. Matrix ``ord`` values are recorded as strings (``"fro"``, ``"2"``, ``"-inf"``), since
JSON has no infinity.
"""

import os
import sys

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_golden import F32, F64, Family, tensor  # noqa: E402

GENERATOR = "tensor-runtime/src/test/python/linalg_golden.py"
INF = float("inf")

# Well-conditioned square matrices, written out.
M3 = tensor([[4.0, -2.0, 1.0], [3.0, 6.0, -4.0], [2.0, 1.0, 8.0]])
M3_BATCH = torch.stack([M3, tensor([[2.0, 1.0, 0.5], [-1.0, 3.0, 1.0], [0.0, 1.5, 5.0]])])
SINGULAR = tensor([[1.0, 2.0, 3.0], [2.0, 4.0, 6.0], [1.0, 0.0, 1.0]])
# Symmetric positive-definite, with distinct eigenvalues: M M^T + 3 I.
SPD = M3 @ M3.T + 3 * torch.eye(3, dtype=F64)
SPD_BATCH = M3_BATCH @ M3_BATCH.mT + 3 * torch.eye(3, dtype=F64)
# Rectangular matrices: v(i) = ((5 i) mod 13 - 6) / 2, so every matrix has full rank and
# distinct singular values.
TALL = tensor([((5 * i) % 13 - 6) / 2 for i in range(12)]).reshape(4, 3)
WIDE = TALL.T.contiguous()
RECT_BATCH = tensor([((7 * i) % 17 - 8) / 3 for i in range(24)]).reshape(2, 3, 4)
RHS = tensor([[1.0, -2.0], [0.5, 3.0], [-1.5, 2.5]])
RHS_VECTOR = tensor([2.0, -1.0, 0.5])
RHS_BATCH_VECTORS = tensor([[2.0, -1.0, 0.5], [1.0, 1.0, -3.0]])
GRAD_WEIGHTS = tensor([[1.0, -0.5, 2.0], [0.25, 1.5, -1.0], [3.0, 0.0, -2.0]])


def square_cases(f):
    for suffix, a in [("", M3), ("_batch", M3_BATCH)]:
        for dsuffix, dtype in [("", F64), ("_float32", F32)]:
            x = a.to(dtype)
            f.case("inv" + suffix + dsuffix, "inv", [x], torch.linalg.inv(x))
            f.case("det" + suffix + dsuffix, "det", [x], torch.linalg.det(x))
    f.case("det_singular", "det", [SINGULAR], torch.linalg.det(SINGULAR))
    f.case("inv_0x0", "inv", [torch.zeros(0, 0, dtype=F64)], torch.linalg.inv(torch.zeros(0, 0, dtype=F64)))
    f.case("det_0x0", "det", [torch.zeros(0, 0, dtype=F64)], torch.linalg.det(torch.zeros(0, 0, dtype=F64)))
    f.case("inv_empty_batch", "inv", [torch.zeros(0, 2, 2, dtype=F64)],
           torch.linalg.inv(torch.zeros(0, 2, 2, dtype=F64)))


def solve_cases(f):
    pairs = [
        ("solve_matrix", M3, RHS),
        ("solve_vector", M3, RHS_VECTOR),
        ("solve_batch_of_vectors", M3_BATCH, RHS_BATCH_VECTORS),
        ("solve_one_vector_for_a_batch", M3_BATCH, RHS_VECTOR),
        ("solve_broadcast_rhs", M3_BATCH, RHS),
        ("solve_broadcast_a", M3, torch.stack([RHS, 2 * RHS])),
    ]
    for case_id, a, b in pairs:
        f.case(case_id, "solve", [a, b], torch.linalg.solve(a, b))
    f.case("solve_matrix_float32", "solve", [M3.float(), RHS.float()],
           torch.linalg.solve(M3.float(), RHS.float()))


def decomposition_cases(f):
    for suffix, a in [("", SPD), ("_batch", SPD_BATCH)]:
        for dsuffix, dtype in [("", F64), ("_float32", F32)]:
            x = a.to(dtype)
            f.case("cholesky" + suffix + dsuffix, "cholesky", [x], torch.linalg.cholesky(x))
            w, v = torch.linalg.eigh(x)
            f.case("eigh" + suffix + dsuffix, "eigh", [x], [w, v.abs()])
    for suffix, a in [("_tall", TALL), ("_wide", WIDE), ("_batch", RECT_BATCH), ("_square", M3)]:
        for dsuffix, dtype in [("", F64), ("_float32", F32)]:
            x = a.to(dtype)
            q, r = torch.linalg.qr(x)
            f.case("qr" + suffix + dsuffix, "qr", [x], [q.abs(), r.abs()])
            u, s, vh = torch.linalg.svd(x, full_matrices=False)
            f.case("svd" + suffix + dsuffix, "svd", [x], [u.abs(), s, vh.abs()])


def norm_cases(f):
    for ord_text, ord_value in [("fro", "fro"), ("nuc", "nuc"), ("1", 1), ("-1", -1), ("2", 2),
                                ("-2", -2), ("inf", INF), ("-inf", -INF)]:
        for suffix, a in [("", TALL), ("_batch", RECT_BATCH)]:
            f.case("matrix_norm_" + ord_text + suffix, "matrix_norm", [a],
                   torch.linalg.matrix_norm(a, ord_value), ord=ord_text)
        f.case("matrix_norm_" + ord_text + "_float32", "matrix_norm", [TALL.float()],
               torch.linalg.matrix_norm(TALL.float(), ord_value), ord=ord_text)
    f.case("matrix_norm_default", "matrix_norm_default", [RECT_BATCH],
           torch.linalg.matrix_norm(RECT_BATCH))
    x = RECT_BATCH
    for ord_text, ord_value in [("2", 2.0), ("1", 1.0), ("0", 0.0), ("3.5", 3.5), ("inf", INF),
                                ("-inf", -INF)]:
        f.case("vector_norm_all_" + ord_text, "vector_norm", [x],
               torch.linalg.vector_norm(x, ord_value), ord=ord_text, dims=[], keepdim=False)
        f.case("vector_norm_dim1_" + ord_text, "vector_norm", [x],
               torch.linalg.vector_norm(x, ord_value, dim=[1]), ord=ord_text, dims=[1],
               keepdim=False)
    f.case("vector_norm_dims_keepdim", "vector_norm", [x],
           torch.linalg.vector_norm(x, 2.0, dim=[0, -1], keepdim=True), ord="2", dims=[0, -1],
           keepdim=True)
    f.case("vector_norm_all_keepdim", "vector_norm", [x],
           torch.linalg.vector_norm(x, 2.0, keepdim=True), ord="2", dims=[], keepdim=True)
    f.case("vector_norm_float32", "vector_norm", [x.float()],
           torch.linalg.vector_norm(x.float(), 2.0, dim=[2]), ord="2", dims=[2], keepdim=False)
    f.case("vector_norm_default", "vector_norm_default", [x], torch.linalg.vector_norm(x))


def gradient_cases(f):
    """The gradient of sum(op(...) * weights) with respect to each input."""
    a = M3.clone().requires_grad_(True)
    (torch.linalg.inv(a) * GRAD_WEIGHTS).sum().backward()
    f.case("inv_grad", "inv_grad", [M3, GRAD_WEIGHTS], a.grad)
    a = M3_BATCH.clone().requires_grad_(True)
    torch.linalg.det(a).sum().backward()
    f.case("det_grad", "det_grad", [M3_BATCH], a.grad)
    a = M3.clone().requires_grad_(True)
    b = RHS.clone().requires_grad_(True)
    weights = GRAD_WEIGHTS[:, :2]
    (torch.linalg.solve(a, b) * weights).sum().backward()
    f.case("solve_grad", "solve_grad", [M3, RHS, weights], [a.grad, b.grad])


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    out = os.path.join(root, "resources", "golden")
    f = Family("linalg_basics", GENERATOR)
    square_cases(f)
    solve_cases(f)
    decomposition_cases(f)
    norm_cases(f)
    gradient_cases(f)
    path, n = f.write(out)
    print("wrote %s (%d cases, torch %s)" % (path, n, torch.__version__))


if __name__ == "__main__":
    main()
