/**
 * ShapeTorch's native plumbing, shared by its packages: not API. Nothing here is meant for user
 * code; it may change or go in any release without notice, and it is excluded from the API
 * baseline ({@code MODULE/api/MODULE.api}, which leaves out every package named {@code
 * internal}) and from the published Javadoc.
 *
 * <p>What lives here:
 *
 * <ul>
 *   <li>{@link dev.shapetorch.internal.NativeLibrary}: loads libtorch once per JVM, safely from an
 *       empty JavaCPP cache, after {@code RuntimeDefaults} has applied the settings libtorch
 *       needs to be fast ({@code OMP_WAIT_POLICY}, {@code OPENBLAS_NUM_THREADS}, JavaCPP's
 *       memory accounting) to the process's C environment ({@code ProcessEnvironment}).
 *   <li>{@link dev.shapetorch.internal.NativeTensors}: the door from ShapeTorch's other packages
 *       (the fused optimizer kernels of {@code optim}, the archives and TorchScript modules of
 *       {@code serialize}) to a tensor's native handle, to wrapping a native tensor, and to the
 *       error translation the ops use, none of which {@code Tensor} makes public. {@code
 *       dev.shapetorch.tensor} installs it when {@code Tensor}'s class initialises.
 *   <li>{@link dev.shapetorch.internal.PackedBatchSizes}: the one check of a packed sequence's
 *       batch sizes, which libtorch's packed recurrent kernels index memory with.
 * </ul>
 */
package dev.shapetorch.internal;
