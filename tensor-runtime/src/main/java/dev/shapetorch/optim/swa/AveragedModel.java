package dev.shapetorch.optim.swa;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.nn.Buffer;
import dev.shapetorch.nn.Module;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.Parameter;
import dev.shapetorch.nn.UnaryModule;
import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A copy of a model whose parameters (and, with {@code useBuffers}, buffers) hold the running
 * average of the model's over the calls to {@link #updateParameters}, as PyTorch's {@code
 * torch.optim.swa_utils.AveragedModel} (stochastic weight averaging, Izmailov et al.). The first
 * update copies the model's values; each later one applies the averaging function, by default
 * the equal average {@code avg + (current - avg) / (n + 1)}, or an exponential moving average
 * ({@link #ema(double)}) or a function of your own.
 *
 * <pre>{@code
 * var swa = new AveragedModel<>(model, () -> new Net());
 * swa.updateParameters(model);                          // after each SWA epoch
 * var ema = new AveragedModel<>(model, () -> new Net(), AveragedModel.ema(0.999), true);
 * }</pre>
 *
 * <p>Java cannot deep-copy an arbitrary module, so the copy is built by {@code copy} (a module of
 * the same structure, e.g. the model's constructor) and loaded with the model's state dict. Its
 * state dict has PyTorch's keys: {@code n_averaged}, then {@code module.*}. Like PyTorch's, the
 * averaging function is not part of the state dict.
 *
 * <p>Shape: {@link #forward} maps shapes as the averaged module's {@code forward}.
 *
 * @param <M> the model's type
 */
public final class AveragedModel<M extends Module> implements Module {

  /**
   * How an averaged value absorbs the model's current one: PyTorch's {@code avg_fn}.
   */
  @FunctionalInterface
  public interface AvgFn {
    /**
     * The new average.
     *
     * @param averaged the current average (detached)
     * @param current the model's current value (detached)
     * @param numAveraged how many models have been averaged so far (1 or more)
     * @return the new average, of {@code averaged}'s shape
     */
    Tensor average(Tensor averaged, Tensor current, long numAveraged);
  }

  /** The equal average, PyTorch's default: {@code averaged + (current - averaged) / (n + 1)}. */
  public static AvgFn equalAverage() {
    return (averaged, current, n) -> averaged.add(current.sub(averaged).div((double) (n + 1)));
  }

  /**
   * An exponential moving average: {@code decay * averaged + (1 - decay) * current}, as
   * PyTorch's documented EMA ({@code get_ema_avg_fn} in later releases).
   *
   * @throws IllegalArgumentException if {@code decay} is outside [0, 1]
   */
  public static AvgFn ema(double decay) {
    if (!(decay >= 0 && decay <= 1)) {
      throw new IllegalArgumentException(
          "AveragedModel.ema: decay must be between 0 and 1, got " + decay);
    }
    return (averaged, current, n) -> averaged.mul(decay).add(current.mul(1 - decay));
  }

  private final M module;
  private final Buffer nAveraged;
  private final AvgFn avgFn;
  private final boolean useBuffers;

  /**
   * Averages {@code model}'s parameters equally, in a copy built by {@code copy}.
   *
   * @throws IllegalArgumentException if {@code copy} returns {@code model} itself, a module that
   *     shares a parameter with it, or one whose state dict does not match the model's
   */
  public AveragedModel(M model, Supplier<? extends M> copy) {
    this(model, copy, equalAverage(), false);
  }

  /**
   * Averages {@code model}'s parameters (and buffers if {@code useBuffers}) with {@code avgFn},
   * in a copy built by {@code copy}.
   *
   * @throws IllegalArgumentException if {@code copy} returns {@code model} itself, a module that
   *     shares a parameter with it, or one whose state dict does not match the model's
   */
  public AveragedModel(M model, Supplier<? extends M> copy, AvgFn avgFn, boolean useBuffers) {
    Arguments.requireNonNull(model, "model");
    Arguments.requireNonNull(copy, "copy");
    this.avgFn = Arguments.requireNonNull(avgFn, "avgFn");
    this.useBuffers = useBuffers;
    M fresh = copy.get();
    if (fresh == null || fresh == model) {
      throw new IllegalArgumentException("AveragedModel: copy must build a new module of the"
          + " model's structure, got " + (fresh == null ? "null" : "the model itself"));
    }
    Set<Object> shared = Collections.newSetFromMap(new IdentityHashMap<>());
    shared.addAll(model.parameters());
    shared.addAll(model.buffers());
    for (Object p : tensorsOf(fresh, true)) {
      if (shared.contains(p)) {
        throw new IllegalArgumentException("AveragedModel: the copy shares a parameter or"
            + " buffer with the model; build fresh layers in copy");
      }
    }
    try {
      fresh.loadStateDict(model.stateDict());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("AveragedModel: the copy's structure differs from the"
          + " model's (" + e.getMessage() + "); copy must build the same architecture", e);
    }
    this.module = fresh;
    this.nAveraged = new Buffer(Torch.zeros(new long[0], DType.INT64));
  }

  /** The averaged copy. */
  public M module() {
    return module;
  }

  /** How many models have been averaged: PyTorch's {@code n_averaged}. */
  public long nAveraged() {
    return nAveraged.get().itemLong();
  }

  /** True if buffers are averaged too. */
  public boolean useBuffers() {
    return useBuffers;
  }

  private static List<Object> tensorsOf(Module m, boolean buffers) {
    List<Object> out = new ArrayList<>(m.parameters());
    if (buffers) {
      out.addAll(m.buffers());
    }
    return out;
  }

  /**
   * Folds {@code model}'s current parameters (and buffers if {@link #useBuffers()}) into the
   * average: the first call copies them, later ones apply the averaging function; then {@link
   * #nAveraged()} grows by one. Nothing records gradients.
   *
   * @throws IllegalArgumentException if {@code model}'s parameters (or buffers) differ in number
   *     or shape from the copy's
   */
  public void updateParameters(M model) {
    Arguments.requireNonNull(model, "model");
    List<Object> mine = tensorsOf(module, useBuffers);
    List<Object> theirs = tensorsOf(model, useBuffers);
    String what = useBuffers ? "parameters and buffers" : "parameters";
    if (mine.size() != theirs.size()) {
      throw new IllegalArgumentException("AveragedModel.updateParameters: the model has "
          + theirs.size() + " " + what + ", the averaged copy " + mine.size()
          + "; pass a model of the averaged architecture");
    }
    long n = nAveraged();
    try (var ng = Torch.noGrad()) {
      for (int i = 0; i < mine.size(); i++) {
        Tensor avg = value(mine.get(i)).detach();
        Tensor cur = value(theirs.get(i)).detach();
        if (!Arrays.equals(avg.shape(), cur.shape())) {
          throw new IllegalArgumentException("AveragedModel.updateParameters: " + what
              + " number " + i + " has shape " + Arrays.toString(cur.shape())
              + " in the model, " + Arrays.toString(avg.shape())
              + " in the averaged copy; pass a model of the averaged architecture");
        }
        cur = cur.to(avg.device());
        avg.copy_(n == 0 ? cur : avgFn.average(avg, cur, n));
      }
      nAveraged.get().add_(1.0);
    }
  }

  private static Tensor value(Object holder) {
    return holder instanceof Parameter p ? p.get() : ((Buffer) holder).get();
  }

  /**
   * The averaged copy's forward, for a copy that is a {@link UnaryModule}.
   *
   * <p>Shape: as the averaged module's {@code forward}.
   *
   * @throws UnsupportedOperationException if the copy is not a {@link UnaryModule} (call {@code
   *     module()}'s own forward)
   */
  public Tensor forward(Tensor input) {
    if (module instanceof UnaryModule u) {
      return u.forward(input);
    }
    throw new UnsupportedOperationException("AveragedModel.forward: "
        + module.getClass().getSimpleName() + " is not a UnaryModule; call module().forward(...)"
        + " with its own arguments");
  }

  @Override
  public void visitChildren(ModuleVisitor visitor) {
    visitor.buffer("n_averaged", nAveraged);
    visitor.module("module", module);
  }

  @Override
  public String toString() {
    return "AveragedModel(\n  (module): " + module.toString().replace("\n", "\n  ") + "\n)";
  }
}
