package dev.shapetorch.distributed;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.internal.TensorWalker;
import dev.shapetorch.nn.Buffer;
import dev.shapetorch.nn.Module;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.Parameter;
import dev.shapetorch.nn.UnaryModule;
import dev.shapetorch.tensor.NoGradScope;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Data-parallel training over the processes of a group: PyTorch's {@code
 * torch.nn.parallel.DistributedDataParallel}, on libtorch's own {@code Reducer}. Each process
 * holds a full copy of the model and trains on its own share of the data; the wrapper keeps the
 * copies equal by averaging the gradients over the processes during {@code backward()}.
 *
 * <pre>{@code
 * var ddp = new DistributedDataParallel<>(model, group);   // broadcasts rank 0's model
 * var optimizer = new SGD(ddp.parameters(), SGDOptions.lr(0.1));
 * for (Sample batch : loader) {                          // a DistributedSampler's share
 *   Tensor loss = F.crossEntropy(ddp.forward(batch.input()), batch.target());
 *   optimizer.zeroGrad();
 *   loss.backward();                                     // gradients averaged over the ranks
 *   optimizer.step();                                    // the same step on every rank
 * }
 * if (group.rank() == 0) Checkpoints.save(ddp.module(), file);
 * }</pre>
 *
 * <p><b>Construction</b> checks that every rank built the same model (names, shapes and dtypes of
 * every parameter and buffer; a difference fails on every rank, naming the entry and the ranks)
 * and copies rank 0's parameters and buffers to the others, so differently seeded processes
 * start equal. It is a collective: every rank of the group must construct its wrapper.
 *
 * <p><b>Gradients.</b> After a {@code forward} of the wrapper, the next {@code backward()}
 * averages each gradient over the ranks, bucket by bucket ({@link DdpOptions#bucketCapMb()}, 25
 * MiB as in PyTorch) as soon as a bucket's gradients are ready, so communication overlaps the
 * rest of the backward pass; when {@code backward()} returns, every rank holds the same averaged
 * gradients and any optimizer (they all see the same {@link Parameter} objects) takes the same
 * step everywhere. With equal batch sizes on every rank this equals training one process on
 * the concatenated batch. Every rank must run the same number of forward and backward passes.
 * Inside {@link #noSync()} backward passes only accumulate locally (gradient accumulation); the
 * first backward after it averages the sum.
 *
 * <p><b>Rules</b>, as in PyTorch: do not replace the parameters' tensors after wrapping (no
 * {@code module.to(...)}, no {@code Parameter.set}; move the model first, {@code
 * loadStateDict} copies in place and is fine); a parameter that gets no gradient in an iteration
 * needs {@link DdpOptions#withFindUnusedParameters}; forward passes under {@code Torch.noGrad()}
 * do not synchronise anything.
 *
 * <p><b>Checkpoints.</b> {@link #module()} is the wrapped model: save its state dict on rank 0
 * and load it on every rank (the wrapper's own {@link #stateDict()} has PyTorch's {@code
 * "module."} prefix).
 *
 * <p>Shape: the wrapper has none of its own: {@link #forward(Function)} returns what the wrapped
 * module's forward returns, with the shapes that forward declares ({@code ddp.forward(m ->
 * m.forward(x))} is checked as {@code m.forward(x)}); {@link #forward(Tensor)}, for a {@link
 * UnaryModule}, returns the wrapped module's output, whose shape the type does not carry.
 *
 * @param <M> the type of the wrapped module
 */
public final class DistributedDataParallel<M extends Module> implements Module, AutoCloseable {

  private final M module;
  private final DdpOptions options;
  private final DdpEngine engine;
  private final List<String> parameterNames = new ArrayList<>();
  private final List<Parameter> parameters = new ArrayList<>();
  private final List<Buffer> buffers;
  private boolean requireBackwardGradSync = true;
  private boolean requireForwardParamSync = true;
  private boolean closed;

  /**
   * Wraps {@code module} with PyTorch's defaults ({@link DdpOptions#DEFAULTS}). A collective:
   * every rank of {@code group} must call it.
   *
   * @throws IllegalArgumentException if the ranks' models differ (names, shapes or dtypes of
   *     their parameters and buffers), naming the first difference and the ranks
   * @throws DistributedException if a peer dies or does not come within the group's timeout
   */
  public DistributedDataParallel(M module, ProcessGroup group) {
    this(module, group, DdpOptions.DEFAULTS);
  }

  /**
   * Wraps {@code module}: checks that every rank built the same model, copies rank 0's
   * parameters and buffers to every rank and registers the gradient hooks. A collective: every
   * rank of {@code group} must call it.
   *
   * @throws IllegalArgumentException if the ranks' models differ (names, shapes or dtypes of
   *     their parameters and buffers), naming the first difference and the ranks
   * @throws DistributedException if a peer dies or does not come within the group's timeout
   */
  public DistributedDataParallel(M module, ProcessGroup group, DdpOptions options) {
    this(module, Arguments.requireNonNull(group, "group").nativeGroup(), options);
  }

  /**
   * Wraps {@code module} on the native group {@code group}: the constructor the public ones call
   * once they hold the group's native handle. {@code group} must be safe to pass to libtorch's
   * {@code intrusive_ptr} parameters several times (one that libtorch itself returned).
   */
  DistributedDataParallel(M module, org.bytedeco.pytorch.ProcessGroup group, DdpOptions options) {
    this.module = Arguments.requireNonNull(module, "module");
    this.options = Arguments.requireNonNull(options, "options");
    this.engine = new DdpEngine(Arguments.requireNonNull(group, "group"));
    List<ModelAgreement.Entry> entries = new ArrayList<>();
    List<Tensor> states = new ArrayList<>();
    for (Map.Entry<String, Parameter> e : module.namedParameters().entrySet()) {
      Tensor t = e.getValue().get();
      entries.add(new ModelAgreement.Entry(e.getKey(), false, t.dtype().toString(), t.shape()));
      states.add(t);
      if (e.getValue().requiresGrad()) {
        parameterNames.add(e.getKey());
        parameters.add(e.getValue());
      }
    }
    Map<String, Buffer> namedBuffers = module.namedBuffers();
    this.buffers = new ArrayList<>(namedBuffers.values());
    for (Map.Entry<String, Buffer> e : namedBuffers.entrySet()) {
      Tensor t = e.getValue().get();
      entries.add(new ModelAgreement.Entry(e.getKey(), true, t.dtype().toString(), t.shape()));
      states.add(t);
    }
    ModelAgreement.check(engine, entries);
    try (NoGradScope ng = Torch.noGrad()) {
      engine.broadcastCoalesced(states, 0);
    }
    if (!parameters.isEmpty()) {
      engine.startReducer(tensors(parameters), parameterNames, options);
    }
  }

  /** The wrapped module: its parameters are the ones being trained; save its state dict. */
  public M module() {
    return module;
  }

  /** The options. */
  public DdpOptions options() {
    return options;
  }

  /** This process's rank in the group. */
  public int rank() {
    return engine.rank();
  }

  /** The number of processes in the group. */
  public int worldSize() {
    return engine.worldSize();
  }

  /**
   * Runs {@code body} on the wrapped module as this iteration's forward pass, so that the next
   * {@code backward()} averages the gradients (PyTorch's {@code ddp(*inputs)}). Before it,
   * rank 0's buffers are copied to every rank ({@link DdpOptions#broadcastBuffers()}).
   *
   * <pre>{@code
   * Tensor logits = ddp.forward(m -> m.forward(images));   // m is the wrapped model
   * }</pre>
   *
   * <p>Shape: what {@code body} returns.
   *
   * @param body calls the module's forward and returns its output (a tensor, or a record, list,
   *     map or array of them: with {@link DdpOptions#findUnusedParameters()} the graph is walked
   *     from every tensor in it)
   * @throws IllegalStateException if the previous iteration's gradients were not all averaged
   *     (a parameter got no gradient without {@code findUnusedParameters}), naming the
   *     parameters without a gradient on this rank
   */
  public <R> R forward(Function<? super M, ? extends R> body) {
    Arguments.requireNonNull(body, "body");
    requireOpen("forward");
    boolean grad = Torch.isGradEnabled();
    boolean sync = grad && requireBackwardGradSync && !parameters.isEmpty();
    try {
      if (sync) {
        engine.prepareForForward();
      }
      if (grad && !parameters.isEmpty()) {
        engine.rebuildBuckets();
      }
    } catch (RuntimeException e) {
      throw unfinished(e);
    }
    if (options.broadcastBuffers() && requireForwardParamSync && !buffers.isEmpty()) {
      List<Tensor> bufferTensors = new ArrayList<>(buffers.size());
      for (Buffer b : buffers) {
        bufferTensors.add(b.get());
      }
      try (NoGradScope ng = Torch.noGrad()) {
        engine.broadcastCoalesced(bufferTensors, 0);
      }
    }
    R output = body.apply(module);
    if (sync) {
      requireForwardParamSync = true;
      List<Tensor> outputs = new ArrayList<>();
      if (options.findUnusedParameters()) {
        TensorWalker.forEachTensor(output, "DistributedDataParallel.forward", "output",
            outputs::add);
      }
      try {
        engine.prepareForBackward(outputs);
      } catch (RuntimeException e) {
        throw unfinished(e);
      }
    } else {
      requireForwardParamSync = false;
    }
    return output;
  }

  /**
   * The wrapped module's {@code forward(input)}, for a {@link UnaryModule} (Sequential, Linear,
   * Conv2d, ...): the same as {@code forward(m -> ((UnaryModule) m).forward(input))}.
   *
   * <p>Shape: the wrapped module's output; the type does not carry it (use {@link
   * #forward(Function)} to keep the module's declared shapes).
   *
   * @throws IllegalStateException if the wrapped module is not a {@link UnaryModule}
   */
  public Tensor forward(Tensor input) {
    if (!(module instanceof UnaryModule unary)) {
      throw new IllegalStateException("DistributedDataParallel.forward: the wrapped "
          + module.getClass().getSimpleName() + " is not a UnaryModule; call ddp.forward(m ->"
          + " m.forward(...)) with its own forward");
    }
    return forward(m -> unary.forward(input));
  }

  /**
   * A scope in which backward passes do not average gradients but accumulate them locally
   * (PyTorch's {@code with ddp.no_sync():}): run the first micro-batches of a step inside it and
   * the last one after it, whose backward averages the accumulated sum.
   *
   * <pre>{@code
   * try (var ns = ddp.noSync()) {
   *   F.crossEntropy(ddp.forward(x1), y1).backward();   // local only
   * }
   * F.crossEntropy(ddp.forward(x2), y2).backward();     // averages x1's + x2's gradients
   * optimizer.step();
   * }</pre>
   */
  public NoSync noSync() {
    requireOpen("noSync");
    NoSync scope = new NoSync(this, requireBackwardGradSync);
    requireBackwardGradSync = false;
    return scope;
  }

  /** The scope of {@link #noSync()}: closing it restores synchronisation. */
  public static final class NoSync implements AutoCloseable {
    private final DistributedDataParallel<?> owner;
    private final boolean previous;
    private boolean closed;

    private NoSync(DistributedDataParallel<?> owner, boolean previous) {
      this.owner = owner;
      this.previous = previous;
    }

    /** Restores the synchronisation in force when the scope opened. Again does nothing. */
    @Override
    public void close() {
      if (!closed) {
        closed = true;
        owner.requireBackwardGradSync = previous;
      }
    }
  }

  /** The wrapped module, under the name {@code "module"} (PyTorch's state-dict prefix). */
  @Override
  public void visitChildren(ModuleVisitor visitor) {
    Arguments.requireNonNull(visitor, "visitor");
    visitor.module("module", module);
  }

  /**
   * Removes the gradient hooks: later backward passes no longer average. The group is left
   * open (it is not the wrapper's). Calling it again does nothing.
   */
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      engine.close();
    }
  }

  @Override
  public String toString() {
    return "DistributedDataParallel(rank " + rank() + " of " + worldSize() + ", " + options
        + ")\n  (module): " + module;
  }

  private void requireOpen(String op) {
    if (closed) {
      throw new IllegalStateException("DistributedDataParallel." + op + ": the wrapper is"
          + " closed; wrap the module again");
    }
  }

  private IllegalStateException unfinished(RuntimeException e) {
    List<String> without = new ArrayList<>();
    for (int i = 0; i < parameters.size(); i++) {
      if (parameters.get(i).grad() == null) {
        without.add(parameterNames.get(i));
      }
    }
    return new IllegalStateException("DistributedDataParallel.forward: the previous iteration"
        + " did not average every gradient (parameters without a gradient on rank " + rank()
        + ": " + without + "); a parameter that gets no gradient needs"
        + " DdpOptions.withFindUnusedParameters(true), and every rank must run backward after"
        + " each forward of the wrapper. libtorch said: " + e.getMessage(), e);
  }

  private static List<Tensor> tensors(List<Parameter> ps) {
    List<Tensor> out = new ArrayList<>(ps.size());
    for (Parameter p : ps) {
      out.add(p.get());
    }
    return out;
  }
}
