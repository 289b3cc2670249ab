"""PyTorch's side of benchmarks/distributed/run.sh: DDP epochs and all-reduce bandwidth.

Usage:
  python3 pytorch_ddp.py epoch MODEL NPROC THREADS [DATA_DIR]
      One Fashion-MNIST training epoch of MODEL (lenet or mlp, as training/pytorch_epoch.py
      defines them) on NPROC processes of THREADS threads each: Gloo on 127.0.0.1,
      DistributedDataParallel, DistributedSampler (seed 0), a global batch of 64 split evenly
      between the ranks, Adam 1e-3. NPROC 1 trains without DDP. Prints
      ``epoch 1 train_s SECONDS loss LOSS`` (rank 0's time, its mean loss).
  python3 pytorch_ddp.py allreduce NPROC MB [REPEATS]
      all_reduce (sum) of a float32 tensor of MB megabytes between NPROC processes; prints
      ``allreduce MB median_ms MS gb_per_s RATE`` from REPEATS timed calls after 2 warm-up calls.
"""

import os
import socket
import statistics
import sys
import time

import torch
import torch.distributed as dist
import torch.multiprocessing as mp
import torch.nn.functional as F
from torch.nn.parallel import DistributedDataParallel
from torch.utils.data import DataLoader, DistributedSampler, TensorDataset

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "training"))
import pytorch_epoch  # noqa: E402  (the models and the data loader of the training benchmark)

GLOBAL_BATCH = 64


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def init(rank, world, port):
    os.environ["MASTER_ADDR"] = "127.0.0.1"
    os.environ["MASTER_PORT"] = str(port)
    os.environ["GLOO_SOCKET_IFNAME"] = "lo"
    dist.init_process_group("gloo", rank=rank, world_size=world)


def epoch_worker(rank, world, port, model_name, threads, root):
    torch.set_num_threads(threads)
    torch.manual_seed(0)
    if world > 1:
        init(rank, world, port)
    xtr, ytr = pytorch_epoch.load(root, "train")
    model = pytorch_epoch.LeNet5() if model_name == "lenet" else pytorch_epoch.Mlp()
    if world > 1:
        model = DistributedDataParallel(model)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    data = TensorDataset(xtr, ytr)
    sampler = DistributedSampler(data, world, rank, shuffle=True, seed=0) if world > 1 else None
    loader = DataLoader(data, batch_size=GLOBAL_BATCH // world, sampler=sampler,
                        shuffle=sampler is None)
    model.train()
    if world > 1:
        dist.barrier()
    t0 = time.perf_counter()
    total, seen = 0.0, 0
    for x, y in loader:
        loss = F.cross_entropy(model(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
        total += loss.item() * len(y)
        seen += len(y)
    if world > 1:
        dist.barrier()
    t1 = time.perf_counter()
    if rank == 0:
        print(f"epoch 1 train_s {t1 - t0:.3f} loss {total / seen:.4f}", flush=True)
    if world > 1:
        dist.destroy_process_group()


def allreduce_worker(rank, world, port, megabytes, repeats):
    torch.set_num_threads(1)
    init(rank, world, port)
    t = torch.ones(int(megabytes * 1024 * 1024 // 4), dtype=torch.float32)
    times = []
    for i in range(repeats + 2):
        dist.barrier()
        t0 = time.perf_counter()
        dist.all_reduce(t)
        if i >= 2:
            times.append(time.perf_counter() - t0)
    if rank == 0:
        ms = statistics.median(times) * 1000
        rate = megabytes / 1024 / (ms / 1000)
        print(f"allreduce {megabytes} median_ms {ms:.3f} gb_per_s {rate:.3f}", flush=True)
    dist.destroy_process_group()


def main():
    mode = sys.argv[1]
    if mode == "epoch":
        model_name, nproc, threads = sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
        root = sys.argv[5] if len(sys.argv) > 5 else "/usr/share/datasets/fashion-mnist"
        if nproc == 1:
            epoch_worker(0, 1, 0, model_name, threads, root)
        else:
            mp.spawn(epoch_worker, args=(nproc, free_port(), model_name, threads, root),
                     nprocs=nproc)
    elif mode == "allreduce":
        nproc, megabytes = int(sys.argv[2]), float(sys.argv[3])
        repeats = int(sys.argv[4]) if len(sys.argv) > 4 else 10
        mp.spawn(allreduce_worker, args=(nproc, free_port(), megabytes, repeats), nprocs=nproc)
    else:
        sys.exit(f"unknown mode {mode!r}: epoch or allreduce")


if __name__ == "__main__":
    main()
