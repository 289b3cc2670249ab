#!/usr/bin/python3
"""Writes the golden fixtures of ``torch.einsum`` and its relatives from PyTorch.

Run with Debian's interpreter, which has torch 1.13:

    /usr/bin/python3 tensor-runtime/src/test/python/einsum_golden.py

It writes ``einsum.json`` and ``contraction.json`` (``tensordot``, ``kron``, ``cdist``, ``diag``,
``meshgrid``) under ``tensor-runtime/src/test/resources/golden/`` in make_golden.py's format.
Each case's inputs are the operands followed by a weight of the result's shape; its expected
tensors are the result, then the gradient of ``(result * weight).sum()`` with respect to each
floating operand (``meshgrid``: its outputs, without gradients). Every input is computed by a closed formula, so a rerun reproduces the file byte for
byte. The Java test (``EinsumGoldenTest``) reads it and never runs Python.
"""

import math
import os
import sys

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_golden import F32, F64, Family  # noqa: E402

GENERATOR = "tensor-runtime/src/test/python/einsum_golden.py"


def filled(shape, seed, dtype=F64):
    """Values that differ element by element and operand by operand: sin of a scaled index."""
    n = math.prod(shape)
    values = [round(math.sin(0.7 * i + 1.3 * seed) * 2.0, 6) for i in range(n)]
    return torch.tensor(values, dtype=dtype).reshape(shape)


def with_gradients(f, case_id, op, fn, shapes, dtype=F64, **args):
    operands = [filled(s, k + 1, dtype).requires_grad_(True) for k, s in enumerate(shapes)]
    result = fn(*operands)
    weight = filled(list(result.shape), 11, dtype)
    (result * weight).sum().backward()
    grads = [o.grad for o in operands]
    f.case(case_id, op, [o.detach() for o in operands] + [weight],
           [result.detach()] + grads, **args)


def add(f, case_id, equation, shapes, dtype=F64):
    with_gradients(f, case_id, "einsum", lambda *o: torch.einsum(equation, *o), shapes, dtype,
                   equation=equation)


def einsum():
    f = Family("einsum", GENERATOR)
    add(f, "matmul", "ij,jk->ik", [(2, 3), (3, 4)])
    add(f, "matmul_implicit", "ij,jk", [(2, 3), (3, 4)])
    add(f, "matmul_float32", "ij,jk->ik", [(3, 5), (5, 2)], F32)
    add(f, "batched_matmul", "bij,bjk->bik", [(2, 3, 4), (2, 4, 5)])
    add(f, "attention_scores", "bhqd,bhkd->bhqk", [(2, 2, 3, 4), (2, 2, 5, 4)])
    add(f, "trace", "ii", [(4, 4)])
    add(f, "diagonal", "ii->i", [(3, 3)])
    add(f, "transpose", "ij->ji", [(2, 5)])
    add(f, "implicit_sorts_letters", "ba", [(2, 3)])
    add(f, "capitals_first", "Ab,ab", [(2, 3), (2, 3)])
    add(f, "outer", "i,j->ij", [(3,), (4,)])
    add(f, "sum_all", "ij->", [(3, 4)])
    add(f, "dot", "i,i", [(5,), (5,)])
    add(f, "three_operands", "ab,bc,cd->ad", [(2, 3), (3, 4), (4, 2)])
    add(f, "bilinear", "bn,anm,bm->ba", [(2, 3), (4, 3, 5), (2, 5)])
    add(f, "ellipsis_batch_broadcast", "...ij,...jk->...ik", [(2, 1, 3, 4), (5, 4, 2)])
    add(f, "ellipsis_implicit", "i...,j...", [(2, 3), (4, 1)])
    add(f, "ellipsis_summed", "...ij,...jk->ik", [(3, 2, 3), (3, 3, 4)])
    add(f, "letter_broadcast", "ij,jk", [(2, 1), (3, 4)])
    add(f, "spaces", " i j , j k -> i k", [(2, 3), (3, 4)])
    add(f, "empty_dim", "ij,jk->ik", [(2, 0), (0, 3)])
    return f


def contraction():
    f = Family("contraction", GENERATOR)

    def td(case_id, shapes, dims, dtype=F64):
        with_gradients(f, case_id, "tensordot", lambda a, b: torch.tensordot(a, b, dims), shapes,
                       dtype, dims=dims)

    def td_pairs(case_id, shapes, dims_a, dims_b):
        with_gradients(f, case_id, "tensordot_dims",
                       lambda a, b: torch.tensordot(a, b, (dims_a, dims_b)), shapes,
                       dims_a=dims_a, dims_b=dims_b)

    td("tensordot_two", [(2, 3, 4), (3, 4, 5)], 2)
    td("tensordot_one", [(2, 3), (3, 4)], 1)
    td("tensordot_outer", [(2, 3), (2,)], 0)
    td("tensordot_float32", [(3, 4), (4, 2)], 1, F32)
    td_pairs("tensordot_pairs", [(2, 3, 4), (4, 3, 5)], [1, 2], [1, 0])
    td_pairs("tensordot_pairs_negative", [(2, 3, 4), (4, 3, 5)], [-2, -1], [1, 0])
    for case_id, shapes in [("kron_matrices", [(2, 3), (2, 2)]), ("kron_ranks", [(2, 2), (2, 1, 3)]),
                            ("kron_vectors", [(3,), (2,)])]:
        with_gradients(f, case_id, "kron", torch.kron, shapes)
    for case_id, shapes, p in [("cdist_euclid", [(3, 4), (5, 4)], 2.0),
                               ("cdist_manhattan", [(3, 4), (2, 4)], 1.0),
                               ("cdist_p3", [(2, 3), (4, 3)], 3.0),
                               ("cdist_inf", [(2, 3), (4, 3)], float("inf")),
                               ("cdist_batch_broadcast", [(2, 3, 4), (1, 5, 4)], 2.0)]:
        # JSON has no infinity: the Java side parses "Infinity" with Double.parseDouble.
        with_gradients(f, case_id, "cdist", lambda a, b, p=p: torch.cdist(a, b, p), shapes,
                       p="Infinity" if p == float("inf") else p)
    # p = 0 counts differing coordinates: no gradient to compare.
    a, b = filled((3, 2), 1), filled((2, 2), 2)
    b[0, 0] = a[0, 0]
    f.case("cdist_p0", "cdist", [a, b, filled((3, 2), 11)], torch.cdist(a, b, 0.0), p=0.0)
    for case_id, shape, k in [("diag_vector", (3,), 0), ("diag_vector_above", (3,), 2),
                              ("diag_vector_below", (3,), -1), ("diag_matrix", (3, 5), 0),
                              ("diag_matrix_above", (3, 5), 2), ("diag_matrix_below", (3, 5), -2)]:
        with_gradients(f, case_id, "diag", lambda x, k=k: torch.diag(x, k), [shape], diagonal=k)
    x, y, z = filled((2,), 1), filled((3,), 2), filled((4,), 3)
    f.case("meshgrid_ij", "meshgrid", [x, y], list(torch.meshgrid(x, y, indexing="ij")),
           indexing="ij")
    f.case("meshgrid_xy", "meshgrid", [x, y, z], list(torch.meshgrid(x, y, z, indexing="xy")),
           indexing="xy")
    scalar = torch.tensor(5.0, dtype=F64)
    f.case("meshgrid_scalar", "meshgrid", [scalar, y], list(torch.meshgrid(scalar, y, indexing="ij")),
           indexing="ij")
    return f


if __name__ == "__main__":
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "golden")
    einsum().write(os.path.normpath(out))
    contraction().write(os.path.normpath(out))
