#!/usr/bin/python3
"""Writes the golden fixture of issue 13's breadth batch from PyTorch.

Run with Debian's interpreter, which has torch 1.13:

    /usr/bin/python3 tensor-runtime/src/test/python/breadth_golden.py

It writes ``breadth.json`` under ``tensor-runtime/src/test/resources/golden/`` in make_golden.py's
format: NaN-aware reductions and scans, fused products, matrix functions, membership tests and
view-like ops. Each case's expected tensors are the result (for the ops that give values and
indices, both). The Java test (``BreadthGoldenTest``) never runs Python; every input is written
out here, so a rerun reproduces the file byte for byte.
"""

import os
import sys

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_golden import A, AI, B, COL, F64, I64, POS, ROW, X3, Family, tensor  # noqa: E402

GENERATOR = "tensor-runtime/src/test/python/breadth_golden.py"
NAN = float("nan")
WITH_NAN = tensor([[1.5, NAN, -2.0, 4.0], [NAN, NAN, 3.0, 0.5], [2.0, -1.0, 0.0, 6.0]])
SQUARE = tensor([[2.0, 0.5, -1.0], [0.25, 3.0, 0.75], [-0.5, 1.0, 4.0]])
BATCH_SQUARE = torch.stack([SQUARE, SQUARE * 0.5 + torch.eye(3, dtype=F64)])


def breadth():
    f = Family("breadth", GENERATOR)
    f.case("nansum", "nansum", [WITH_NAN], torch.nansum(WITH_NAN))
    f.case("nansum_dim", "nansum_dim", [WITH_NAN], torch.nansum(WITH_NAN, 1, True), dim=1, keepdim=True)
    f.case("nanmean", "nanmean", [WITH_NAN], torch.nanmean(WITH_NAN))
    f.case("nanmean_dim", "nanmean_dim", [WITH_NAN], torch.nanmean(WITH_NAN, 0, False), dim=0, keepdim=False)
    f.case("count_nonzero", "count_nonzero", [WITH_NAN], torch.count_nonzero(WITH_NAN))
    f.case("count_nonzero_dim", "count_nonzero_dim", [AI], torch.count_nonzero(AI, 1), dim=1)
    f.case("logcumsumexp", "logcumsumexp", [X3], torch.logcumsumexp(X3, 2), dim=2)
    for name, fn in [("cummax", torch.cummax), ("cummin", torch.cummin)]:
        r = fn(A, 1)
        f.case(name, name, [A], [r.values, r.indices], dim=1)
    r = torch.kthvalue(X3, 2, 1, True)
    f.case("kthvalue", "kthvalue", [X3], [r.values, r.indices], k=2, dim=1, keepdim=True)
    f.case("msort", "msort", [A], torch.msort(A))
    m1, m2 = A, B.t()
    f.case("addmm", "addmm", [ROW[:2].unsqueeze(1), m1, m2], torch.addmm(ROW[:2].unsqueeze(1), m1, m2))
    f.case("addmm_scaled", "addmm_scaled", [COL, m1, m2], torch.addmm(COL, m1, m2, beta=0.5, alpha=-2.0),
           beta=0.5, alpha=-2.0)
    f.case("addmv", "addmv", [ROW[:2], A, ROW], torch.addmv(ROW[:2], A, ROW))
    f.case("addr", "addr", [A, ROW[:2], ROW], torch.addr(A, ROW[:2], ROW, beta=2.0, alpha=0.5), beta=2.0,
           alpha=0.5)
    b1 = X3[:, :, :3]
    b2 = X3.transpose(1, 2)[:, :3, :]
    f.case("baddbmm", "baddbmm", [ROW.reshape(1, 1, 3), b1, b2], torch.baddbmm(ROW.reshape(1, 1, 3), b1, b2))
    f.case("addbmm", "addbmm", [ROW, b1, b2], torch.addbmm(ROW, b1, b2, beta=-1.0, alpha=0.25), beta=-1.0,
           alpha=0.25)
    f.case("vdot", "vdot", [ROW, A[0]], torch.vdot(ROW, A[0]))
    f.case("cross", "cross", [A, B], torch.cross(A, B, dim=1), dim=1)
    f.case("trace", "trace", [A], torch.trace(A))
    for n in (0, 1, 3, -1):
        f.case("matrix_power_%d" % n, "matrix_power", [BATCH_SQUARE],
               torch.matrix_power(BATCH_SQUARE, n), n=n)
    f.case("matrix_exp", "matrix_exp", [BATCH_SQUARE], torch.matrix_exp(BATCH_SQUARE))
    f.case("logdet", "logdet", [BATCH_SQUARE], torch.logdet(BATCH_SQUARE))
    f.case("logdet_negative", "logdet", [-SQUARE], torch.logdet(-SQUARE))
    f.case("cov", "cov", [X3[0]], torch.cov(X3[0]))
    f.case("corrcoef", "corrcoef", [X3[1]], torch.corrcoef(X3[1]))
    f.case("renorm", "renorm", [X3], torch.renorm(X3, 2, 0, 3.0), p=2.0, dim=0, maxnorm=3.0)
    f.case("isin", "isin", [AI, tensor([0, 12, -8, 99], I64)], torch.isin(AI, tensor([0, 12, -8, 99], I64)))
    f.case("isreal", "isreal", [A], torch.isreal(A))
    bounds = tensor([-1.0, 0.5, 2.0])
    f.case("bucketize", "bucketize", [A, bounds], torch.bucketize(A, bounds))
    edges = tensor([-2.0, 0.5, 4.0])
    f.case("bucketize_right", "bucketize_right", [tensor([-2.0, 0.5, 1.0, 4.0, 9.0]), edges],
           torch.bucketize(tensor([-2.0, 0.5, 1.0, 4.0, 9.0]), edges, right=True), right=True)
    mask = A > 0
    f.case("masked_select", "masked_select", [A, mask], torch.masked_select(A, mask))
    f.case("masked_select_broadcast", "masked_select", [A, torch.tensor([True, False, True])],
           torch.masked_select(A, torch.tensor([True, False, True])))
    f.case("fliplr", "fliplr", [X3], torch.fliplr(X3))
    f.case("positive", "positive", [A], torch.positive(A))
    f.case("flipud", "flipud", [X3], torch.flipud(X3))
    f.case("broadcast_to", "broadcast_to", [COL], torch.broadcast_to(COL, (3, 2, 4)), sizes=[3, 2, 4])
    f.case("view_as", "view_as", [X3, POS.reshape(-1).repeat(4).reshape(4, 6)], X3.view_as(torch.zeros(4, 6)))
    f.case("reshape_as", "reshape_as", [X3.transpose(0, 2), torch.zeros(6, 4, dtype=F64)],
           X3.transpose(0, 2).reshape_as(torch.zeros(6, 4)))
    f.case("type_as", "type_as", [A, AI], A.type_as(AI))
    f.case("logspace", "logspace", [], torch.logspace(-1.0, 2.0, 7), start=-1.0, end=2.0, steps=7)
    f.case("logspace_base2", "logspace_base", [], torch.logspace(0.0, 4.0, 5, base=2.0), start=0.0, end=4.0,
           steps=5, base=2.0)
    return f


if __name__ == "__main__":
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "golden")
    breadth().write(os.path.normpath(out))
