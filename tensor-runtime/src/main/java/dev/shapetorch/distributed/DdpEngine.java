package dev.shapetorch.distributed;

import dev.shapetorch.internal.NativeTensors;
import dev.shapetorch.tensor.Tensor;
import java.util.List;
import org.bytedeco.pytorch.AllreduceOptions;
import org.bytedeco.pytorch.BoolVector;
import org.bytedeco.pytorch.BroadcastOptions;
import org.bytedeco.pytorch.LoggerOptional;
import org.bytedeco.pytorch.LongVector;
import org.bytedeco.pytorch.ProcessGroup;
import org.bytedeco.pytorch.ReduceOp;
import org.bytedeco.pytorch.Reducer;
import org.bytedeco.pytorch.SizeTStringMap;
import org.bytedeco.pytorch.SizeTVector;
import org.bytedeco.pytorch.SizeTVectorVector;
import org.bytedeco.pytorch.T_SizeTVectorVectorSizeTVector_T;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;

/**
 * {@link DistributedDataParallel}'s side of libtorch's c10d: the {@code Reducer} (the bucketing
 * engine under PyTorch's DDP) and the few collectives DDP needs, on a native {@code
 * ProcessGroup}. Package-private; the only DDP file that touches JavaCPP.
 *
 * <p>The steps are those of PyTorch's {@code torch/nn/parallel/distributed.py}: the first
 * iteration reduces every gradient in one bucket (the order gradients become ready is unknown
 * yet), after which the reducer rebuilds its buckets in that order, the first of {@value
 * #FIRST_BUCKET_BYTES} bytes and the others up to the bucket cap.
 */
final class DdpEngine {

  /** PyTorch's {@code dist._DEFAULT_FIRST_BUCKET_BYTES}. */
  static final long FIRST_BUCKET_BYTES = 1024 * 1024;

  /** PyTorch's {@code broadcast_bucket_size} for the broadcasts at construction: 250 MiB. */
  private static final long BROADCAST_BUCKET_BYTES = 250L * 1024 * 1024;

  private final ProcessGroup group;
  private Reducer reducer;
  /** The parameters' native tensors, kept alive as long as the reducer's hooks refer to them. */
  private TensorVector params;

  DdpEngine(ProcessGroup group) {
    this.group = group;
  }

  int rank() {
    return group.getRank();
  }

  int worldSize() {
    return group.getSize();
  }

  /** Builds the reducer over {@code parameters} (registers its hooks on their gradients). */
  void startReducer(List<Tensor> parameters, List<String> names, DdpOptions options) {
    params = natives(parameters, "module");
    int n = parameters.size();
    BoolVector sparse = new BoolVector(n);
    for (int i = 0; i < n; i++) {
      sparse.put(i, false);
    }
    SizeTStringMap nameMap = new SizeTStringMap();
    for (int i = 0; i < n; i++) {
      nameMap.put(i, names.get(i));
    }
    // The first iteration: one bucket without unused-parameter search, else PyTorch's two
    // limits (a small first bucket, then the cap), as distributed.py does.
    SizeTVector limits = options.findUnusedParameters()
        ? new SizeTVector(new long[] {FIRST_BUCKET_BYTES, options.bucketCapBytes()})
        : new SizeTVector(new long[] {Long.MAX_VALUE}); // (SizeTVector(long) is a length)
    T_SizeTVectorVectorSizeTVector_T assignment = torch.compute_bucket_assignment_by_size(
        params, limits, sparse, new LongVector(), new LoggerOptional());
    SizeTVectorVector buckets = assignment.get0();
    // Reversed: gradients become ready roughly in reverse order of definition.
    long count = buckets.size();
    SizeTVectorVector reversed = new SizeTVectorVector(count);
    for (long i = 0; i < count; i++) {
      reversed.put(i, buckets.get(count - 1 - i));
    }
    reducer = new Reducer(params, reversed, group, sparse, options.bucketCapBytes(),
        options.findUnusedParameters(), options.gradientAsBucketView(), nameMap,
        FIRST_BUCKET_BYTES, false, false);
  }

  /** Before a forward whose backward reduces gradients. */
  void prepareForForward() {
    reducer.prepare_for_forward();
  }

  /** Rebuilds the buckets in the order gradients became ready, once, after the first step. */
  boolean rebuildBuckets() {
    return reducer.rebuild_buckets();
  }

  /**
   * After such a forward: arms the hooks for the backward. With {@code outputs} (find unused
   * parameters) the reducer walks their graph and marks the parameters it does not reach ready.
   */
  void prepareForBackward(List<Tensor> outputs) {
    reducer.prepare_for_backward(natives(outputs, "output"));
  }


  /** Copies {@code tensors} from rank {@code src} to every rank, in buckets of 250 MiB. */
  void broadcastCoalesced(List<Tensor> tensors, int src) {
    if (tensors.isEmpty()) {
      return;
    }
    torch.broadcast_coalesced(group, natives(tensors, "tensors"), BROADCAST_BUCKET_BYTES, src);
  }

  /** Broadcasts one tensor from {@code src}, in place, and waits. */
  void broadcast(Tensor t, int src) {
    group.broadcast(natives(List.of(t), "t"), new BroadcastOptions().rootRank(src))._wait();
  }

  /** The elementwise maximum over the ranks, in place, and waits. */
  void allReduceMax(Tensor t) {
    AllreduceOptions o = new AllreduceOptions().reduceOp(new ReduceOp(ReduceOp.RedOpType.MAX));
    group.allreduce(natives(List.of(t), "t"), o)._wait();
  }

  /** Removes the reducer's hooks from the parameters; the wrapper no longer averages. */
  void close() {
    if (reducer != null) {
      reducer.remove_autograd_hooks();
    }
  }

  private static TensorVector natives(List<Tensor> tensors, String what) {
    TensorVector v = new TensorVector();
    for (Tensor t : tensors) {
      v.push_back(NativeTensors.handle(t, "DistributedDataParallel", what));
    }
    return v;
  }
}
