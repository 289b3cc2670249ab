#!/usr/bin/python3
"""Writes the golden fixture of the ops of PyTorch's most-used list added for issue 13.

Run with Debian's interpreter, which has torch 1.13:

    /usr/bin/python3 tensor-runtime/src/test/python/ranked_ops_golden.py

It writes ``ranked_ops.json`` under ``tensor-runtime/src/test/resources/golden/`` in
make_golden.py's format; ``RankedOpsGoldenTest`` reads it and never runs Python. Every input is
written out here or computed by a closed formula, so a rerun reproduces the file byte for byte.
Ops that return several tensors (sort, median, mode, unique, unbind) record them in order in
``expected``. The random ops (randperm, bernoulli, random_) cannot match PyTorch's values and
are tested by their properties in Java.
"""

import os
import sys

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_golden import F32, I64, SEQ, X3, Family, tensor  # noqa: E402

GENERATOR = "tensor-runtime/src/test/python/ranked_ops_golden.py"
NAN = float("nan")
# Ties, so that stable sorting, median and mode have a choice to make.
TIES = tensor([[3.0, 1.0, 2.0, 1.0, 3.0, 0.5], [2.0, 2.0, -1.0, 4.0, -1.0, 2.0]])
TIES_I = tensor([[4, 1, 4, 2, 1, 1], [0, 7, 7, 3, 0, 9]], I64)


def ranked_ops():
    f = Family("ranked_ops", GENERATOR)
    # unbind: every slice along dim, each without it.
    for dim in (0, 1, -1):
        f.case("unbind_dim%d" % dim, "unbind", [X3], list(torch.unbind(X3, dim)), dim=dim)
    f.case("unbind_int64", "unbind", [TIES_I], list(torch.unbind(TIES_I, 0)), dim=0)
    # sort with stable: ties keep their order.
    for desc in (False, True):
        name = "sort_stable_desc" if desc else "sort_stable"
        r = torch.sort(TIES, dim=1, descending=desc, stable=True)
        f.case(name, "sort_stable", [TIES], [r.values, r.indices], dim=1, descending=desc,
               stable=True)
    r = torch.sort(TIES_I, dim=0, descending=False, stable=True)
    f.case("sort_stable_int64_dim0", "sort_stable", [TIES_I], [r.values, r.indices], dim=0,
           descending=False, stable=True)
    long_ties = tensor([(7 * i) % 5 for i in range(40)])
    r = torch.sort(long_ties, dim=0, descending=False, stable=True)
    f.case("sort_stable_long", "sort_stable", [long_ties], [r.values, r.indices], dim=0,
           descending=False, stable=True)
    # median of everything, and along a dim with indices (lower middle of an even count).
    f.case("median_all_even", "median_all", [TIES], torch.median(TIES))
    f.case("median_all_odd", "median_all", [X3[:, :, :3].contiguous().reshape(-1)[:17]],
           torch.median(X3[:, :, :3].contiguous().reshape(-1)[:17]))
    f.case("median_all_int64", "median_all", [TIES_I], torch.median(TIES_I))
    f.case("median_all_nan", "median_all", [tensor([1.0, NAN, 2.0])], torch.median(tensor([1.0, NAN, 2.0])))
    f.case("median_all_float32", "median_all", [TIES.float()], torch.median(TIES.float()))
    for dim, keep in ((1, False), (0, True), (-1, True)):
        r = torch.median(X3, dim, keepdim=keep)
        f.case("median_dim%d_%s" % (dim, "keep" if keep else "drop"), "median", [X3],
               [r.values, r.indices], dim=dim, keepdim=keep)
    r = torch.median(TIES_I, 1)
    f.case("median_int64", "median", [TIES_I], [r.values, r.indices], dim=1, keepdim=False)
    # mode: the smallest of the most frequent values.
    for dim, keep in ((1, False), (0, True)):
        r = torch.mode(TIES, dim, keepdim=keep)
        f.case("mode_dim%d_%s" % (dim, "keep" if keep else "drop"), "mode", [TIES],
               [r.values, r.indices], dim=dim, keepdim=keep)
    r = torch.mode(TIES_I, 1)
    f.case("mode_int64", "mode", [TIES_I], [r.values, r.indices], dim=1, keepdim=False)
    r = torch.mode(TIES_I)
    f.case("mode_default_last_dim", "mode_last", [TIES_I], [r.values, r.indices])
    # nonzero: [n, rank].
    mask = tensor([[0.0, 1.5, 0.0], [-2.0, 0.0, 0.0]])
    f.case("nonzero_2d", "nonzero", [mask], torch.nonzero(mask))
    f.case("nonzero_3d", "nonzero", [(SEQ % 5 == 0).double()], torch.nonzero((SEQ % 5 == 0).double()))
    f.case("nonzero_none", "nonzero", [torch.zeros(2, 3, dtype=torch.float64)],
           torch.nonzero(torch.zeros(2, 3, dtype=torch.float64)))
    f.case("nonzero_int64", "nonzero", [TIES_I], torch.nonzero(TIES_I))
    # bincount.
    counts_in = tensor([1, 4, 1, 0, 6, 1, 4], I64)
    f.case("bincount", "bincount", [counts_in], torch.bincount(counts_in), minlength=0)
    f.case("bincount_minlength", "bincount", [counts_in], torch.bincount(counts_in, minlength=10),
           minlength=10)
    f.case("bincount_empty", "bincount", [tensor([], I64)], torch.bincount(tensor([], I64)),
           minlength=0)
    f.case("bincount_empty_minlength", "bincount", [tensor([], I64)],
           torch.bincount(tensor([], I64), minlength=3), minlength=3)
    w = tensor([0.5, 1.25, -2.0, 3.0, 0.75, 1.0, 2.5])
    f.case("bincount_weights", "bincount_weights", [counts_in, w], torch.bincount(counts_in, w),
           minlength=0)
    f.case("bincount_weights_float32", "bincount_weights", [counts_in, w.float()],
           torch.bincount(counts_in, w.float(), minlength=8), minlength=8)
    # repeat_interleave, with an int and with a tensor of counts.
    small = tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
    for reps, dim in ((2, 0), (3, 1), (0, 1), (2, -1)):
        f.case("repeat_interleave_%d_dim%d" % (reps, dim), "repeat_interleave", [small],
               torch.repeat_interleave(small, reps, dim=dim), repeats=reps, dim=dim)
    f.case("repeat_interleave_int64", "repeat_interleave", [TIES_I],
           torch.repeat_interleave(TIES_I, 2, dim=1), repeats=2, dim=1)
    counts = tensor([2, 0, 1], I64)
    f.case("repeat_interleave_tensor", "repeat_interleave_tensor", [small, counts],
           torch.repeat_interleave(small, counts, dim=1), dim=1)
    f.case("repeat_interleave_tensor_one", "repeat_interleave_tensor", [small, tensor([3], I64)],
           torch.repeat_interleave(small, tensor([3], I64), dim=0), dim=0)
    # Tensor.unfold: windows as a new last dim.
    line = torch.arange(7, dtype=torch.float64)
    for size, step in ((2, 1), (3, 2), (7, 1), (0, 3), (2, 5)):
        f.case("unfold_1d_%d_%d" % (size, step), "unfold", [line], line.unfold(0, size, step),
               dim=0, size=size, step=step)
    f.case("unfold_3d_dim1", "unfold", [SEQ], SEQ.unfold(1, 2, 1), dim=1, size=2, step=1)
    f.case("unfold_3d_dim_last", "unfold", [SEQ], SEQ.unfold(-1, 3, 1), dim=-1, size=3, step=1)
    f.case("unfold_int64", "unfold", [TIES_I], TIES_I.unfold(1, 4, 2), dim=1, size=4, step=2)
    # unique, flat and along a dim: values, inverse, counts.
    r = torch.unique(TIES, sorted=True, return_inverse=True, return_counts=True)
    f.case("unique_flat", "unique", [TIES], list(r))
    r = torch.unique(TIES_I, sorted=True, return_inverse=True, return_counts=True)
    f.case("unique_flat_int64", "unique", [TIES_I], list(r))
    rows = tensor([[1, 2], [0, 5], [1, 2], [0, 5], [0, 1]], I64)
    r = torch.unique(rows, sorted=True, return_inverse=True, return_counts=True, dim=0)
    f.case("unique_dim0", "unique_dim", [rows], list(r), dim=0)
    r = torch.unique(rows.t(), sorted=True, return_inverse=True, return_counts=True, dim=1)
    f.case("unique_dim1", "unique_dim", [rows.t().contiguous()], list(r), dim=1)
    # The comparisons in place: 0/1 in the receiver's dtype.
    other = tensor([[1.0, 1.0, 3.0, 0.0, 3.0, 0.5], [2.0, 1.0, -1.0, 5.0, 0.0, 2.0]])
    for name in ("gt_", "lt_", "ge_", "le_", "eq_", "ne_"):
        f.case(name + "tensor", name + "tensor", [TIES, other], getattr(TIES.clone(), name)(other))
        f.case(name + "scalar", name + "scalar", [TIES], getattr(TIES.clone(), name)(2.0), value=2.0)
        f.case(name + "int64_broadcast", name + "tensor", [TIES_I, tensor([1, 1, 4, 2, 0, 9], I64)],
               getattr(TIES_I.clone(), name)(tensor([1, 1, 4, 2, 0, 9], I64)))
    # Conjugate transposes of real tensors.
    f.case("mH_batch", "mH", [X3], X3.mH)
    f.case("H_matrix", "H", [TIES], TIES.H)
    return f


def main():
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "golden")
    path, n = ranked_ops().write(os.path.normpath(out))
    print("wrote %s (%d cases)" % (path, n))


if __name__ == "__main__":
    main()
