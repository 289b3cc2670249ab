#!/usr/bin/python3
"""Writes the golden fixture of ``torch.einsum`` from PyTorch.

Run with Debian's interpreter, which has torch 1.13:

    /usr/bin/python3 tensor-runtime/src/test/python/einsum_golden.py

It writes ``einsum.json`` under ``tensor-runtime/src/test/resources/golden/`` in make_golden.py's
format. Each case's inputs are the operands followed by a weight of the result's shape; its
expected tensors are the result, then the gradient of ``(result * weight).sum()`` with respect to
each operand. Every input is computed by a closed formula, so a rerun reproduces the file byte for
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


def add(f, case_id, equation, shapes, dtype=F64):
    operands = [filled(s, k + 1, dtype).requires_grad_(True) for k, s in enumerate(shapes)]
    result = torch.einsum(equation, *operands)
    weight = filled(list(result.shape), 11, dtype)
    (result * weight).sum().backward()
    grads = [o.grad for o in operands]
    f.case(case_id, "einsum", [o.detach() for o in operands] + [weight],
           [result.detach()] + grads, equation=equation)


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


if __name__ == "__main__":
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "golden")
    einsum().write(os.path.normpath(out))
