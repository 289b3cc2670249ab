"""Golden values for dev.shapetorch.data's samplers and ConcatDataset, made by PyTorch.

Only what does not depend on a random generator is compared (ShapeTorch draws its own random
orders): the sizes of every sampler (`len`), the batches a `BatchSampler` cuts from a
`SequentialSampler`, the number of batches a `DataLoader` with a `batch_sampler` has, the
errors PyTorch raises for the same arguments, and the example a `ConcatDataset` index reaches.
Run with Debian's interpreter:

    /usr/bin/python3 tensor-runtime/src/test/python/data_golden.py

It rewrites tensor-runtime/src/test/resources/golden/data/samplers.json.
"""

import json
import os

import torch
from torch.utils.data import (BatchSampler, ConcatDataset, DataLoader, RandomSampler,
                              SequentialSampler, SubsetRandomSampler, TensorDataset,
                              WeightedRandomSampler)

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "resources", "golden", "data", "samplers.json")


def error(fn):
    try:
        fn()
    except (ValueError, RuntimeError, TypeError, AssertionError):
        return True
    return False


def main():
    batch = []
    for n in [0, 1, 5, 9, 10, 11]:
        for size in [1, 3, 4, 10, 12]:
            for drop_last in [False, True]:
                bs = BatchSampler(SequentialSampler(range(n)), size, drop_last)
                data = TensorDataset(torch.arange(n)) if n else TensorDataset(torch.zeros(0))
                loader = DataLoader(data, batch_sampler=bs)
                batch.append({"n": n, "batch_size": size, "drop_last": drop_last,
                              "len": len(bs), "batches": list(bs), "loader_len": len(loader)})

    random = []
    for n in [1, 2, 7, 10]:
        for num_samples in [None, 1, 6, 10, 23]:
            for replacement in [False, True]:
                s = RandomSampler(range(n), replacement=replacement, num_samples=num_samples)
                drawn = list(s)
                random.append({"n": n, "num_samples": num_samples, "replacement": replacement,
                               "len": len(s), "drawn": len(drawn),
                               # without replacement: the counts of each index over the draws
                               "max_count": max(drawn.count(i) for i in range(n)),
                               "min_count": min(drawn.count(i) for i in range(n))})

    subset = []
    for indices in [[], [4], [3, 1, 4, 1, 5], list(range(20, 30))]:
        s = SubsetRandomSampler(indices)
        subset.append({"indices": indices, "len": len(s), "sorted": sorted(s)})

    weighted = []
    for weights, num_samples, replacement in [
            ([1.0, 2.0, 3.0], 5, True), ([0.0, 1.0, 0.0, 1.0], 2, False),
            ([0.5], 10, True), ([0.1, 0.2, 0.3, 0.4], 4, False)]:
        s = WeightedRandomSampler(weights, num_samples, replacement)
        drawn = list(s)
        weighted.append({"weights": weights, "num_samples": num_samples,
                         "replacement": replacement, "len": len(s),
                         "zero_weight_drawn": any(weights[i] == 0 for i in drawn),
                         "distinct": len(set(drawn)) == len(drawn)})

    errors = {
        "random_num_samples_0": error(lambda: RandomSampler(range(3), num_samples=0)),
        "random_empty": error(lambda: RandomSampler(range(0))),
        "weighted_num_samples_0": error(lambda: WeightedRandomSampler([1.0], 0)),
        "weighted_too_many_without_replacement": error(
            lambda: list(WeightedRandomSampler([1.0, 0.0, 1.0], 3, replacement=False))),
        "weighted_negative": error(lambda: list(WeightedRandomSampler([1.0, -1.0], 2))),
        "weighted_all_zero": error(lambda: list(WeightedRandomSampler([0.0, 0.0], 2))),
        "batch_size_0": error(lambda: BatchSampler(SequentialSampler(range(3)), 0, False)),
        "batch_sampler_with_batch_size": error(lambda: DataLoader(
            TensorDataset(torch.arange(4)), batch_size=2,
            batch_sampler=BatchSampler(SequentialSampler(range(4)), 2, False))),
        "batch_sampler_with_shuffle": error(lambda: DataLoader(
            TensorDataset(torch.arange(4)), shuffle=True,
            batch_sampler=BatchSampler(SequentialSampler(range(4)), 2, False))),
        "batch_sampler_with_drop_last": error(lambda: DataLoader(
            TensorDataset(torch.arange(4)), drop_last=True,
            batch_sampler=BatchSampler(SequentialSampler(range(4)), 2, False))),
        "concat_empty": error(lambda: ConcatDataset([])),
    }

    concat = []
    for sizes in [[3], [2, 0, 4], [0, 5], [1, 1, 1]]:
        parts = [TensorDataset(torch.arange(100 * k, 100 * k + n)) for k, n in enumerate(sizes)]
        c = ConcatDataset(parts)
        concat.append({"sizes": sizes, "len": len(c), "cumulative_sizes": c.cumulative_sizes,
                       "items": [int(c[i][0]) for i in range(len(c))]})

    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump({"torch": torch.__version__, "batch_sampler": batch, "random": random,
                   "subset": subset, "weighted": weighted, "errors": errors, "concat": concat},
                  f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
