/**
 * Distributed data-parallel training on libtorch's c10d (Gloo), as PyTorch's {@code
 * torch.distributed} and {@code torch.nn.parallel.DistributedDataParallel}.
 *
 * <ul>
 *   <li>{@link dev.shapetorch.distributed.DistributedDataParallel} with {@link
 *       dev.shapetorch.distributed.DdpOptions}: wraps a model, copies rank 0's parameters and
 *       buffers to every rank, averages gradients over the ranks in buckets during backward,
 *       {@code noSync()} for gradient accumulation;
 *   <li>each process's share of the data: {@link dev.shapetorch.data.DistributedSampler}.
 * </ul>
 */
package dev.shapetorch.distributed;
