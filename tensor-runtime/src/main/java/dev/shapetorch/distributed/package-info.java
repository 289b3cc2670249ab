/**
 * Distributed training: PyTorch's {@code torch.distributed} on libtorch's c10d with the Gloo
 * backend, for CPU tensors, and {@code torch.nn.parallel.DistributedDataParallel}.
 *
 * <ul>
 *   <li>{@link dev.shapetorch.distributed.ProcessGroup}: joins a group of processes (from the
 *       environment {@code torchrun} sets, or explicit {@link
 *       dev.shapetorch.distributed.ProcessGroupOptions}) and runs collectives on tensors:
 *       all-reduce, broadcast, all-gather, reduce-scatter, gather, scatter, send/recv, barrier,
 *       each with an asynchronous form returning a {@link dev.shapetorch.distributed.Work}.
 *       Shapes are checked across ranks before each collective.
 *   <li>{@link dev.shapetorch.distributed.DistributedDataParallel} with {@link
 *       dev.shapetorch.distributed.DdpOptions}: wraps a model, copies rank 0's parameters and
 *       buffers to every rank, averages gradients over the ranks in buckets during backward
 *       (libtorch's {@code Reducer}), {@code noSync()} for gradient accumulation; each process's
 *       share of the data comes from {@link dev.shapetorch.data.DistributedSampler}.
 *   <li>{@link dev.shapetorch.distributed.Launcher}: starts N worker JVMs on this machine with
 *       the environment set, like {@code torchrun}.
 *   <li>{@link dev.shapetorch.distributed.DistributedException}: a dead or missing peer, a
 *       timeout, disagreeing ranks, named.
 * </ul>
 *
 * <pre>{@code
 * try (ProcessGroup pg = ProcessGroup.initFromEnvironment()) {
 *   Tensor t = Torch.full(new long[] {3}, pg.rank() + 1.0);
 *   pg.allReduce(t, ReduceOp.SUM);     // every rank: 1 + 2 + ... + worldSize
 * }
 * }</pre>
 *
 * <p>See docs/distributed.md.
 */
package dev.shapetorch.distributed;
