package dev.shapetorch.distributed;

import dev.shapetorch.internal.NativeLibrary;
import dev.shapetorch.internal.NativeTensors;
import dev.shapetorch.tensor.Tensor;
import java.time.Duration;
import java.util.List;
import org.bytedeco.pytorch.BackendOptional;
import org.bytedeco.pytorch.ProcessGroupGloo;
import org.bytedeco.pytorch.Store;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch.DeviceType;

/**
 * A group of processes that exchange tensors: PyTorch's {@code torch.distributed} process group,
 * on libtorch's c10d with the Gloo backend (CPU tensors). Every process of a job creates one with
 * the same settings; each then has a {@linkplain #rank() rank} from 0 to {@link #worldSize()} - 1.
 *
 * <pre>{@code
 * try (ProcessGroup pg = ProcessGroup.initFromEnvironment()) {   // MASTER_ADDR, RANK, ...
 *   Tensor grad = Torch.ones(4, 3);
 *   pg.allReduce(grad, ReduceOp.AVG);                          // in place, on every rank
 *   pg.barrier();
 * }
 * }</pre>
 *
 * <p><b>Collectives.</b> Every rank must call the same collectives, in the same order, with
 * tensors of the same shape and dtype (PyTorch's rule). The in-place ones ({@link #allReduce},
 * {@link #broadcast}, {@link #scatter}, {@link #recv}) write into the tensor passed and return
 * it; the others return new tensors. Each has an {@code ...Async} form returning a {@link Work}.
 * Tensors must be contiguous CPU tensors.
 *
 * <p><b>Shape checks.</b> Before each collective the ranks all-gather a record of what they are
 * about to do (op, root, reduction, dtype, shape) and compare, so a rank passing another shape
 * fails on every rank with {@code [shape.mismatch.collective] ProcessGroup.allReduce: rank 0 has
 * [4, 3], rank 1 has [4, 2]; ...} instead of hanging or mixing garbage. The check costs one
 * all-gather of 24 int64 per rank, about one more small all-reduce (0.5 ms between two processes
 * on a busy 2-core machine); it runs synchronously even for the async forms. Turn it off on every rank with {@link
 * ProcessGroupOptions#withCheckShapes} where that latency matters. {@link #send}/{@link #recv}
 * check by exchanging the record between the two ranks.
 *
 * <p><b>Failures.</b> A dead peer, a peer that does not arrive within the {@linkplain
 * ProcessGroupOptions#timeout() timeout}, or disagreeing ranks raise a {@link
 * DistributedException} naming the op, this rank and the ranks no longer running (found from the
 * process ids the ranks exchange at start, for ranks on this host). The group is then broken:
 * close it and restart the job.
 *
 * <p><b>Threads.</b> Collectives may be called from several threads; each call's check and
 * launch happen atomically, so the order in which calls start is the order on the wire. Every
 * rank must start them in the same order.
 */
public final class ProcessGroup implements AutoCloseable {

  private static final int GATHER_TAG = 1 << 30;
  private static final int META_TAG = 1 << 29;
  private static final int META_REPLY_TAG = (1 << 29) | (1 << 28);
  /** The largest tag {@link #send}/{@link #recv} accept; larger ones are ShapeTorch's. */
  public static final int MAX_TAG = (1 << 28) - 1;

  private final ProcessGroupOptions options;
  private final Store store; // shared with the Gloo backend; clone() for other users
  private final ProcessGroupGloo gloo;
  private final Peers peers;
  private org.bytedeco.pytorch.ProcessGroup wrapper;
  private BackendOptional wrapperBackend;
  private Store wrapperStore;
  private MetadataBuffers metadata;
  private boolean closed;

  private ProcessGroup(
      ProcessGroupOptions options, Store store, ProcessGroupGloo gloo, Peers peers) {
    this.options = options;
    this.store = store;
    this.gloo = gloo;
    this.peers = peers;
  }

  /**
   * Joins the group described by the environment PyTorch's launchers set ({@code MASTER_ADDR},
   * {@code MASTER_PORT}, {@code RANK}, {@code WORLD_SIZE}, {@code LOCAL_RANK}), with the default
   * timeout: {@code init(ProcessGroupOptions.fromEnvironment())}.
   *
   * @throws IllegalArgumentException naming the variable if one is missing or malformed
   * @throws DistributedException as {@link #init}
   */
  public static ProcessGroup initFromEnvironment() {
    return init(ProcessGroupOptions.fromEnvironment());
  }

  /**
   * Joins the group {@code options} describes; blocks until every rank has joined. Rank 0 serves
   * the TCP store (on {@code masterAddr}'s address only: 127.0.0.1 stays on loopback).
   *
   * @throws DistributedException if the store's port is in use, the store cannot be reached, the
   *     ranks disagree on the world size, a rank is started twice, or not every rank joins within
   *     the timeout; the message names the ranks and what to do
   */
  public static ProcessGroup init(ProcessGroupOptions options) {
    if (options == null) {
      throw new IllegalArgumentException(Failures.INIT + ": options is null; pass"
          + " ProcessGroupOptions.fromEnvironment() or ProcessGroupOptions.tcp(...)");
    }
    NativeLibrary.ensureLoaded(); // ShapeTorch's runtime settings before anything native
    Store store = Stores.open(options);
    Peers peers;
    try {
      store.setTimeout(Stores.millis(options.timeout()));
      peers = Rendezvous.join(store, options);
    } catch (RuntimeException e) {
      release(store);
      throw e instanceof DistributedException ? e : Failures.setup(options.rank(), List.of(),
          "the ranks could not meet in the store (" + Failures.reason(e) + ")", e);
    }
    ProcessGroupGloo gloo;
    try {
      ProcessGroupGloo.Options o = ProcessGroupGloo.Options.create(Stores.millis(options.timeout()));
      o.devices().push_back(ProcessGroupGloo.createDeviceForHostname(glooHost(options)));
      gloo = new ProcessGroupGloo(store, options.rank(), options.worldSize(), o);
    } catch (RuntimeException e) {
      throw Failures.setup(options.rank(), List.of(), "Gloo could not connect the ranks ("
          + Failures.reason(e) + "); check that every rank can reach the others' hosts", e);
    }
    ProcessGroup group = new ProcessGroup(options, store, gloo, peers);
    try {
      group.barrier(); // no rank leaves init (and may close the store) before all are connected
    } catch (RuntimeException e) {
      group.close();
      throw e;
    }
    return group;
  }

  /** The address Gloo's listeners bind: loopback for a loopback store, this host otherwise. */
  private static String glooHost(ProcessGroupOptions o) {
    if (o.storeFile() != null) {
      return "127.0.0.1";
    }
    try {
      return java.net.InetAddress.getByName(o.masterAddr()).isLoopbackAddress()
          ? "127.0.0.1" : Peers.hostName();
    } catch (java.net.UnknownHostException e) {
      return Peers.hostName();
    }
  }

  /** Frees a store no group has taken over yet. */
  private static void release(Store store) {
    store.deallocate(true);
    store.deallocate();
  }

  /** This process's rank, 0 to {@link #worldSize()} - 1. */
  public int rank() {
    return options.rank();
  }

  /** The number of processes in the group. */
  public int worldSize() {
    return options.worldSize();
  }

  /** This process's index among the group's processes on its machine ({@code LOCAL_RANK}). */
  public int localRank() {
    return options.localRank();
  }

  /** How long setup and each collective wait for the other ranks. */
  public Duration timeout() {
    return options.timeout();
  }

  /** The options the group was created with. */
  public ProcessGroupOptions options() {
    return options;
  }

  /** Whether {@link #close()} has run. */
  public synchronized boolean isClosed() {
    return closed;
  }

  /**
   * Blocks until every rank has called {@code barrier}.
   *
   * @throws DistributedException if a rank died or did not arrive within the timeout
   */
  public void barrier() {
    Work<Void> w;
    synchronized (this) {
      open("ProcessGroup.barrier");
      check(Collective.BARRIER, -1, -1, null, null, -1, null);
      w = launch("ProcessGroup.barrier", () -> gloo.barrier(), () -> null);
    }
    w.await();
  }

  // ---- allReduce

  /**
   * Sums {@code tensor} over all ranks, in place: afterwards every rank holds the sum.
   *
   * <p>Shape: {@code [*s] -> [*s]}, the same {@code s} and dtype on every rank.
   *
   * @return {@code tensor}
   */
  public Tensor allReduce(Tensor tensor) {
    return allReduce(tensor, ReduceOp.SUM);
  }

  /**
   * Combines {@code tensor} over all ranks with {@code op}, in place: afterwards every rank holds
   * the result. {@link ReduceOp#AVG} needs a floating-point tensor.
   *
   * <p>Shape: {@code [*s] -> [*s]}, the same {@code s} and dtype on every rank.
   *
   * @return {@code tensor}
   * @throws dev.shapetorch.tensor.ShapeException if the ranks' shapes or dtypes differ
   * @throws DistributedException if a rank died or did not arrive within the timeout
   */
  public Tensor allReduce(Tensor tensor, ReduceOp op) {
    return allReduceAsync(tensor, op).await();
  }

  /**
   * As {@link #allReduce(Tensor, ReduceOp)}, without waiting: {@code tensor} holds the result
   * once the returned work is done.
   *
   * <p>Shape: {@code [*s] -> [*s]}, the same {@code s} and dtype on every rank.
   */
  public synchronized Work<Tensor> allReduceAsync(Tensor tensor, ReduceOp op) {
    String name = Collective.ALL_REDUCE.op();
    open(name);
    RuntimeException invalid = validate(name, "tensor", tensor);
    if (invalid == null && op == null) {
      invalid = new IllegalArgumentException(name + ": op is null; pass a ReduceOp");
    }
    if (invalid == null && op == ReduceOp.AVG && !tensor.dtype().isFloatingPoint()) {
      invalid = new IllegalArgumentException(name + ": ReduceOp.AVG needs a floating-point"
          + " tensor, got " + NativeTensors.describe(tensor) + "; use SUM and divide, or"
          + " convert the tensor first");
    }
    check(Collective.ALL_REDUCE, -1, op == null ? -1 : op.ordinal(), tensor, null, -1, invalid);
    org.bytedeco.pytorch.AllreduceOptions o = new org.bytedeco.pytorch.AllreduceOptions();
    o.reduceOp(op.toNative());
    o.timeout(Stores.millis(timeout()));
    TensorVector v = new TensorVector(handle(name, tensor, "tensor"));
    return launch(name, () -> gloo.allreduce(v, o), () -> tensor);
  }

  // ---- broadcast

  /**
   * Copies rank {@code src}'s {@code tensor} into every other rank's {@code tensor}, in place.
   *
   * <p>Shape: {@code [*s] -> [*s]}, the same {@code s} and dtype on every rank.
   *
   * @return {@code tensor}
   * @throws IllegalArgumentException if {@code src} is not a rank of the group
   * @throws dev.shapetorch.tensor.ShapeException if the ranks' shapes or dtypes differ
   * @throws DistributedException if the ranks disagree on {@code src}, or a rank died or did not
   *     arrive within the timeout
   */
  public Tensor broadcast(Tensor tensor, int src) {
    return broadcastAsync(tensor, src).await();
  }

  /**
   * As {@link #broadcast}, without waiting.
   *
   * <p>Shape: {@code [*s] -> [*s]}, the same {@code s} and dtype on every rank.
   */
  public synchronized Work<Tensor> broadcastAsync(Tensor tensor, int src) {
    String name = Collective.BROADCAST.op();
    open(name);
    RuntimeException invalid = validate(name, "tensor", tensor);
    if (invalid == null) {
      invalid = validateRank(name, "src", src, false);
    }
    check(Collective.BROADCAST, src, -1, tensor, null, -1, invalid);
    org.bytedeco.pytorch.BroadcastOptions o = new org.bytedeco.pytorch.BroadcastOptions();
    o.rootRank(src);
    o.timeout(Stores.millis(timeout()));
    TensorVector v = new TensorVector(handle(name, tensor, "tensor"));
    return launch(name, () -> gloo.broadcast(v, o), () -> tensor);
  }

  // ---- allGather, reduceScatter, gather, scatter

  /**
   * Every rank's {@code input}, on every rank: element {@code r} of the result is rank {@code
   * r}'s {@code input} (new tensors).
   *
   * <p>Shape: {@code [*s] -> worldSize x [*s]}, the same {@code s} and dtype on every rank.
   *
   * @throws dev.shapetorch.tensor.ShapeException if the ranks' shapes or dtypes differ
   * @throws DistributedException if a rank died or did not arrive within the timeout
   */
  public List<Tensor> allGather(Tensor input) {
    return allGatherAsync(input).await();
  }

  /**
   * As {@link #allGather}, without waiting.
   *
   * <p>Shape: {@code [*s] -> worldSize x [*s]}, the same {@code s} and dtype on every rank.
   */
  public synchronized Work<List<Tensor>> allGatherAsync(Tensor input) {
    return ListCollectives.allGather(this, input);
  }

  /**
   * Reduces the ranks' lists element-wise and gives rank {@code r} element {@code r}: the
   * result on rank {@code r} is {@code op} over all ranks of their {@code inputs.get(r)} (a new
   * tensor). {@code inputs} holds one tensor per rank, all of one shape and dtype.
   *
   * <p>Shape: {@code worldSize x [*s] -> [*s]}, the same {@code s} and dtype on every rank.
   *
   * @throws IllegalArgumentException if {@code inputs} does not hold {@link #worldSize()} tensors
   * @throws dev.shapetorch.tensor.ShapeException if shapes or dtypes differ, within the list or
   *     across ranks
   * @throws DistributedException if a rank died or did not arrive within the timeout
   */
  public Tensor reduceScatter(List<Tensor> inputs, ReduceOp op) {
    return reduceScatterAsync(inputs, op).await();
  }

  /**
   * As {@link #reduceScatter}, without waiting.
   *
   * <p>Shape: {@code worldSize x [*s] -> [*s]}, the same {@code s} and dtype on every rank.
   */
  public synchronized Work<Tensor> reduceScatterAsync(List<Tensor> inputs, ReduceOp op) {
    return ListCollectives.reduceScatter(this, inputs, op);
  }

  /**
   * Collects every rank's {@code input} on rank {@code dst}: there, element {@code r} of the
   * result is rank {@code r}'s {@code input} (new tensors); elsewhere the result is empty.
   *
   * <p>Shape: {@code [*s] -> worldSize x [*s]} on {@code dst}, the same {@code s} and dtype on
   * every rank.
   *
   * @throws IllegalArgumentException if {@code dst} is not a rank of the group
   * @throws dev.shapetorch.tensor.ShapeException if the ranks' shapes or dtypes differ
   * @throws DistributedException if the ranks disagree on {@code dst}, or a rank died or did not
   *     arrive within the timeout
   */
  public List<Tensor> gather(Tensor input, int dst) {
    return gatherAsync(input, dst).await();
  }

  /**
   * As {@link #gather}, without waiting.
   *
   * <p>Shape: {@code [*s] -> worldSize x [*s]} on {@code dst}.
   */
  public synchronized Work<List<Tensor>> gatherAsync(Tensor input, int dst) {
    return ListCollectives.gather(this, input, dst);
  }

  /**
   * Rank {@code src} hands element {@code r} of its {@code inputs} to rank {@code r}, which
   * receives it into {@code output}, in place. {@code inputs} is read on {@code src} only (one
   * tensor per rank, each of {@code output}'s shape and dtype); other ranks may pass null.
   *
   * <p>Shape: {@code worldSize x [*s] -> [*s]}, the same {@code s} and dtype on every rank.
   *
   * @return {@code output}
   * @throws IllegalArgumentException if {@code src} is not a rank, or on {@code src} if {@code
   *     inputs} does not hold {@link #worldSize()} tensors
   * @throws dev.shapetorch.tensor.ShapeException if shapes or dtypes differ
   * @throws DistributedException if the ranks disagree on {@code src}, or a rank died or did not
   *     arrive within the timeout
   */
  public Tensor scatter(Tensor output, List<Tensor> inputs, int src) {
    return scatterAsync(output, inputs, src).await();
  }

  /**
   * As {@link #scatter}, without waiting.
   *
   * <p>Shape: {@code worldSize x [*s] -> [*s]}.
   */
  public synchronized Work<Tensor> scatterAsync(Tensor output, List<Tensor> inputs, int src) {
    return ListCollectives.scatter(this, output, inputs, src);
  }

  // ---- point to point

  /**
   * Sends {@code tensor} to rank {@code dst}, which must call {@link #recv} with a tensor of the
   * same shape and dtype; blocks until the message is handed over.
   *
   * <p>Shape: {@code [*s]}, the receiver's the same.
   *
   * @return {@code tensor}
   * @throws IllegalArgumentException if {@code dst} is this rank or not a rank of the group
   * @throws dev.shapetorch.tensor.ShapeException if the receiver's tensor differs in shape or
   *     dtype (with shape checks on)
   * @throws DistributedException if {@code dst} died or did not receive within the timeout
   */
  public Tensor send(Tensor tensor, int dst) {
    return sendAsync(tensor, dst, 0).await();
  }

  /**
   * As {@link #send}, without waiting for the transfer, on message tag {@code tag} (0 to {@link
   * #MAX_TAG}; a receive matches a send of the same tag). The shape check, when on, still
   * exchanges a record with {@code dst} before returning.
   *
   * <p>Shape: {@code [*s]}, the receiver's the same.
   */
  public synchronized Work<Tensor> sendAsync(Tensor tensor, int dst, int tag) {
    return PointToPoint.send(this, tensor, dst, tag);
  }

  /**
   * Receives into {@code tensor}, in place, what rank {@code src} {@linkplain #send sends}.
   *
   * <p>Shape: {@code [*s]}, the sender's the same.
   *
   * @return {@code tensor}
   * @throws IllegalArgumentException if {@code src} is this rank or not a rank of the group
   * @throws dev.shapetorch.tensor.ShapeException if the sender's tensor differs in shape or
   *     dtype (with shape checks on)
   * @throws DistributedException if {@code src} died or did not send within the timeout
   */
  public Tensor recv(Tensor tensor, int src) {
    return recvAsync(tensor, src, 0).await();
  }

  /**
   * As {@link #recv}, without waiting for the transfer, on message tag {@code tag}.
   *
   * <p>Shape: {@code [*s]}, the sender's the same.
   */
  public synchronized Work<Tensor> recvAsync(Tensor tensor, int src, int tag) {
    return PointToPoint.recv(this, tensor, src, tag);
  }

  // ---- shared machinery

  /** The Gloo backend, for the metadata exchange and for package code. */
  ProcessGroupGloo backend() {
    return gloo;
  }

  Peers peers() {
    return peers;
  }

  /** The shape agreement's buffers; called with this group's lock held. */
  MetadataBuffers metadataBuffers() {
    if (metadata == null) {
      metadata = new MetadataBuffers(worldSize(), ShapeAgreement.SLOTS);
    }
    return metadata;
  }

  void open(String op) {
    if (closed) {
      throw new IllegalStateException(op + ": the process group is closed; create a new one"
          + " with ProcessGroup.init");
    }
  }

  /**
   * Runs the shape agreement (when on) and then throws {@code invalid}, this rank's own refusal
   * of its arguments, if any: the other ranks learn of it through the agreement and fail too,
   * rather than wait for this rank.
   */
  void check(Collective c, int root, int reduce, Tensor t, List<Tensor> list, int count,
      RuntimeException invalid) {
    if (options.checkShapes() && worldSize() > 1) {
      Tensor first = t != null ? t : list != null && !list.isEmpty() ? list.get(0) : null;
      boolean usable = invalid == null && first != null && !first.isFreed();
      ShapeAgreement.Call call = new ShapeAgreement.Call(c.ordinal(), root, reduce,
          usable ? first.dtype().ordinal() : -1, count, usable ? first.shape() : null,
          invalid != null);
      try {
        ShapeAgreement.check(this, c.op(), call);
      } catch (RuntimeException e) {
        if (invalid == null) {
          throw e;
        }
      }
    }
    if (invalid != null) {
      throw invalid;
    }
  }

  /** A reason to refuse {@code t} (null, freed, not contiguous, not on the CPU), or null. */
  RuntimeException validate(String op, String param, Tensor t) {
    if (t == null) {
      return new IllegalArgumentException(op + ": " + param + " is null; pass a tensor");
    }
    if (t.isFreed()) {
      return new IllegalStateException(op + ": " + param + " has been freed (closed or its"
          + " scope ended); pass a live tensor");
    }
    org.bytedeco.pytorch.Tensor h = NativeTensors.handle(t, op, param);
    if (!h.is_contiguous()) {
      return new IllegalArgumentException(op + ": " + param + " " + NativeTensors.describe(t)
          + " is not contiguous; pass " + param + ".contiguous()");
    }
    if (!h.device().is_cpu()) {
      return new IllegalArgumentException(op + ": " + param + " " + NativeTensors.describe(t)
          + " is not on the CPU; the Gloo backend exchanges CPU tensors: pass " + param
          + ".to(Device.CPU)");
    }
    return null;
  }

  /** A reason to refuse rank {@code r} as {@code param}, or null. */
  RuntimeException validateRank(String op, String param, int r, boolean notSelf) {
    if (r < 0 || r >= worldSize()) {
      return new IllegalArgumentException(op + ": " + param + " must be a rank from 0 to "
          + (worldSize() - 1) + ", got " + r);
    }
    if (notSelf && r == rank()) {
      return new IllegalArgumentException(op + ": " + param + " is this process's own rank "
          + r + "; pass another rank");
    }
    return null;
  }

  static org.bytedeco.pytorch.Tensor handle(String op, Tensor t, String param) {
    return NativeTensors.handle(t, op, param);
  }

  /** Starts native work, translating a failure to start it. */
  <T> Work<T> launch(String op, java.util.function.Supplier<org.bytedeco.pytorch.Work> start,
      java.util.function.Supplier<T> result) {
    try {
      return new Work<>(this, op, List.of(start.get()), result);
    } catch (RuntimeException e) {
      throw Failures.collective(this, op, timeout(), e);
    }
  }

  <T> Work<T> launchAll(String op, List<java.util.function.Supplier<org.bytedeco.pytorch.Work>>
      starts, java.util.function.Supplier<T> result) {
    try {
      List<org.bytedeco.pytorch.Work> works = new java.util.ArrayList<>();
      for (java.util.function.Supplier<org.bytedeco.pytorch.Work> s : starts) {
        works.add(s.get());
      }
      return new Work<>(this, op, works, result);
    } catch (RuntimeException e) {
      throw Failures.collective(this, op, timeout(), e);
    }
  }

  static int gatherTag() {
    return GATHER_TAG;
  }

  static int metaTag(int tag) {
    return META_TAG | tag;
  }

  static int metaReplyTag(int tag) {
    return META_REPLY_TAG | tag;
  }

  // ---- native access and shutdown

  /**
   * The c10d process group under this one (a {@code c10d::ProcessGroup} with this group's Gloo
   * backend for the CPU), created on first call and closed with this group: for code that drives
   * c10d directly, such as c10d's {@code Reducer} under {@code DistributedDataParallel}.
   *
   * <p>Internal: public only for ShapeTorch's other packages; not API. Do not close or
   * deallocate the result.
   */
  public synchronized org.bytedeco.pytorch.ProcessGroup nativeGroup() {
    open("ProcessGroup.nativeGroup");
    if (wrapper == null) {
      wrapperStore = store.clone();
      org.bytedeco.pytorch.ProcessGroup pg =
          new org.bytedeco.pytorch.ProcessGroup(wrapperStore, rank(), worldSize());
      wrapperBackend = new BackendOptional(gloo);
      pg.setBackend(DeviceType.CPU, org.bytedeco.pytorch.ProcessGroup.BackendType.GLOO,
          wrapperBackend);
      pg.setDefaultBackend(org.bytedeco.pytorch.ProcessGroup.BackendType.GLOO);
      wrapper = pg;
    }
    return wrapper;
  }

  /**
   * The Gloo backend under this group. Internal: public only for ShapeTorch's other packages;
   * not API. Do not close or deallocate the result.
   */
  public synchronized ProcessGroupGloo nativeBackend() {
    open("ProcessGroup.nativeBackend");
    return gloo;
  }

  /**
   * Leaves the group and frees its native resources: Gloo's connections and threads and, on
   * rank 0, the TCP store's server (its port is free again afterwards, once every rank has
   * closed). Does not wait for the other ranks: call {@link #barrier()} first where the others
   * may still need this rank. A collective still in flight (one whose {@link Work#await(Duration)}
   * gave up) holds Gloo's worker thread until the group's {@link #timeout()} ends it, and close
   * waits for that, as PyTorch's Gloo group does. Idempotent.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    // Each Java object below holds one reference to its native object (the call that took a
    // store wrote its own reference back into the Java object); the native objects go when the
    // last reference does, so the order only has to drop users before what they use.
    if (wrapper != null) {
      wrapper.close();
      wrapperBackend.close();
      wrapperStore.close();
      wrapper = null;
    }
    gloo.close();
    if (metadata != null) {
      metadata.close();
    }
    store.close(); // on rank 0 this stops the TCP store's server and frees its port
  }

  @Override
  public String toString() {
    return "ProcessGroup[rank " + rank() + " of " + worldSize() + ", gloo"
        + (closed ? ", closed" : "") + "]";
  }
}
