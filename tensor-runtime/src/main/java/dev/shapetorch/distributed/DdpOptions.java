package dev.shapetorch.distributed;

/**
 * How a {@link DistributedDataParallel} synchronises: PyTorch's {@code DistributedDataParallel}
 * keyword arguments, as an immutable record with {@code withX} copies.
 *
 * <pre>{@code
 * var ddp = new DistributedDataParallel<>(model, DdpOptions.DEFAULTS.withBucketCapMb(50));
 * }</pre>
 *
 * @param bucketCapMb the size of a gradient bucket, in MiB ({@code bucket_cap_mb}, 25 as in
 *     PyTorch): gradients are averaged one bucket at a time, as soon as every gradient of the
 *     bucket is ready, so that communication overlaps the rest of the backward pass. Bigger
 *     buckets mean fewer, larger all-reduces. Must be positive
 * @param findUnusedParameters walk the autograd graph from the forward's outputs after each
 *     forward and mark the parameters it did not use as ready ({@code find_unused_parameters}):
 *     needed when some parameters get no gradient in an iteration (branches, frozen heads), at a
 *     cost per iteration; without it such an iteration fails at the next forward, naming the
 *     parameters
 * @param broadcastBuffers copy rank 0's buffers (BatchNorm's running statistics) to every rank
 *     before each forward ({@code broadcast_buffers})
 * @param gradientAsBucketView make each parameter's gradient a view into its bucket ({@code
 *     gradient_as_bucket_view}): saves a copy and the memory of one gradient per parameter
 */
public record DdpOptions(
    double bucketCapMb,
    boolean findUnusedParameters,
    boolean broadcastBuffers,
    boolean gradientAsBucketView) {

  /** PyTorch's defaults: 25 MiB buckets, no unused-parameter search, buffers broadcast. */
  public static final DdpOptions DEFAULTS = new DdpOptions(25, false, true, false);

  /**
   * Checks the values.
   *
   * @throws IllegalArgumentException for a bucket size that is not positive and finite
   */
  public DdpOptions {
    if (!(bucketCapMb > 0) || Double.isInfinite(bucketCapMb)) {
      throw new IllegalArgumentException(
          "DdpOptions: bucketCapMb must be a positive number of MiB, got " + bucketCapMb);
    }
  }

  /** The bucket size in bytes. */
  public long bucketCapBytes() {
    return (long) (bucketCapMb * 1024 * 1024);
  }

  /** A copy with another bucket size, in MiB. */
  public DdpOptions withBucketCapMb(double newBucketCapMb) {
    return new DdpOptions(
        newBucketCapMb, findUnusedParameters, broadcastBuffers, gradientAsBucketView);
  }

  /** A copy that does or does not search for unused parameters after each forward. */
  public DdpOptions withFindUnusedParameters(boolean on) {
    return new DdpOptions(bucketCapMb, on, broadcastBuffers, gradientAsBucketView);
  }

  /** A copy that does or does not broadcast rank 0's buffers before each forward. */
  public DdpOptions withBroadcastBuffers(boolean on) {
    return new DdpOptions(bucketCapMb, findUnusedParameters, on, gradientAsBucketView);
  }

  /** A copy whose gradients are or are not views into the buckets. */
  public DdpOptions withGradientAsBucketView(boolean on) {
    return new DdpOptions(bucketCapMb, findUnusedParameters, broadcastBuffers, on);
  }
}
