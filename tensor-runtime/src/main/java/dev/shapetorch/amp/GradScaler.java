package dev.shapetorch.amp;

import dev.shapetorch.nn.Parameter;
import dev.shapetorch.optim.Optimizer;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.TensorScope;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Loss scaling for mixed-precision training, as PyTorch's {@code torch.amp.GradScaler}: the loss
 * is multiplied by a large factor before {@code backward()} so that small float16 gradients do
 * not flush to zero; {@link #step} divides the gradients back ({@link #unscale_}) and skips the
 * optimizer's step if any of them is infinite or NaN; {@link #update} halves the factor after
 * such a step and doubles it after {@code growthInterval} clean steps in a row.
 *
 * <pre>{@code
 * scaler.scale(loss).backward();
 * scaler.unscale_(optimizer);                       // only to clip the true gradients
 * GradClip.clipGradNorm_(model.parameters(), 1.0);
 * scaler.step(optimizer);                           // skipped if a gradient overflowed
 * scaler.update();
 * }</pre>
 *
 * <p>With bfloat16 (the CPU's autocast dtype) scaling is not needed, since bfloat16 has float32's
 * range; a scaler made with {@code enabled = false} passes every call through, so one training
 * loop serves both. The defaults are PyTorch's: initial scale 2^16, growth factor 2, backoff
 * factor 0.5, growth interval 2000.
 */
public final class GradScaler {

  private enum Stage { READY, UNSCALED, STEPPED }

  private static final class OptimizerState {
    Stage stage = Stage.READY;
    boolean foundInf;
  }

  private final double growthFactor;
  private final double backoffFactor;
  private final int growthInterval;
  private final boolean enabled;
  private double scale;
  private int growthTracker;
  private final Map<Optimizer<?, ?>, OptimizerState> perOptimizer = new IdentityHashMap<>();

  /** A scaler with PyTorch's defaults: scale 65536, growth 2, backoff 0.5, interval 2000. */
  public GradScaler() {
    this(65536.0, 2.0, 0.5, 2000, true);
  }

  /**
   * A scaler with the given factors, as {@code GradScaler(init_scale, growth_factor,
   * backoff_factor, growth_interval, enabled)}.
   *
   * @throws IllegalArgumentException if {@code initScale} is not positive and finite, {@code
   *     growthFactor} is not above 1, {@code backoffFactor} is not in (0, 1), or {@code
   *     growthInterval} is not positive
   */
  public GradScaler(double initScale, double growthFactor, double backoffFactor,
      int growthInterval, boolean enabled) {
    if (!(initScale > 0) || Double.isInfinite(initScale)) {
      throw new IllegalArgumentException("GradScaler: initScale must be positive and finite, got "
          + initScale);
    }
    if (!(growthFactor > 1)) {
      throw new IllegalArgumentException("GradScaler: growthFactor must be above 1, got "
          + growthFactor);
    }
    if (!(backoffFactor > 0 && backoffFactor < 1)) {
      throw new IllegalArgumentException("GradScaler: backoffFactor must be between 0 and 1"
          + " (exclusive), got " + backoffFactor);
    }
    if (growthInterval < 1) {
      throw new IllegalArgumentException("GradScaler: growthInterval must be positive, got "
          + growthInterval);
    }
    this.scale = initScale;
    this.growthFactor = growthFactor;
    this.backoffFactor = backoffFactor;
    this.growthInterval = growthInterval;
    this.enabled = enabled;
  }

  /** True unless made with {@code enabled = false}, as {@code scaler.is_enabled()}. */
  public boolean isEnabled() {
    return enabled;
  }

  /** The current scale factor, as {@code scaler.get_scale()}; 1 when disabled. */
  public double getScale() {
    return enabled ? scale : 1.0;
  }

  /**
   * The loss multiplied by the scale factor, as {@code scaler.scale(loss)}; the loss itself when
   * disabled. Call {@code backward()} on the result.
   *
   * <p>Shape: unchanged.
   */
  public Tensor scale(Tensor loss) {
    if (loss == null) {
      throw new IllegalArgumentException("GradScaler.scale: the loss is null");
    }
    return enabled ? loss.mul(scale) : loss;
  }

  /**
   * Divides the gradients of {@code optimizer}'s parameters by the scale factor in place and
   * notes whether any is infinite or NaN, as {@code scaler.unscale_(optimizer)}. Call it before
   * clipping gradients; {@link #step} calls it if you did not.
   *
   * @throws IllegalStateException if called twice for the same optimizer before {@link #update},
   *     or after {@link #step}
   */
  public void unscale_(Optimizer<?, ?> optimizer) {
    requireOptimizer("GradScaler.unscale_", optimizer);
    if (!enabled) {
      return;
    }
    OptimizerState state = perOptimizer.computeIfAbsent(optimizer, o -> new OptimizerState());
    if (state.stage == Stage.UNSCALED) {
      throw new IllegalStateException("GradScaler.unscale_: already called for this optimizer ("
          + optimizer.name() + ") since the last update(); call it once per step");
    }
    if (state.stage == Stage.STEPPED) {
      throw new IllegalStateException("GradScaler.unscale_: called after step() for this"
          + " optimizer (" + optimizer.name() + "); call unscale_ before step(), then update()");
    }
    double inverse = 1.0 / scale;
    boolean foundInf = false;
    try (TensorScope scope = TensorScope.open()) {
      for (Parameter p : optimizer.parameters()) {
        Tensor g = p.grad();
        if (g == null) {
          continue;
        }
        g.mul_(inverse);
        // max(|g|) is finite exactly when every element is (NaN propagates through max).
        if (!Double.isFinite(g.abs().max().item())) {
          foundInf = true;
        }
      }
    }
    state.foundInf = foundInf;
    state.stage = Stage.UNSCALED;
  }

  /**
   * Unscales the gradients if {@link #unscale_} was not called, then runs {@code
   * optimizer.step()} unless a gradient is infinite or NaN, as {@code scaler.step(optimizer)}.
   *
   * @return true if the optimizer stepped, false if the step was skipped
   * @throws IllegalStateException if called twice for the same optimizer before {@link #update}
   */
  public boolean step(Optimizer<?, ?> optimizer) {
    requireOptimizer("GradScaler.step", optimizer);
    if (!enabled) {
      optimizer.step();
      return true;
    }
    OptimizerState state = perOptimizer.computeIfAbsent(optimizer, o -> new OptimizerState());
    if (state.stage == Stage.STEPPED) {
      throw new IllegalStateException("GradScaler.step: already called for this optimizer ("
          + optimizer.name() + ") since the last update(); call update() after each step");
    }
    if (state.stage == Stage.READY) {
      unscale_(optimizer);
    }
    state.stage = Stage.STEPPED;
    if (state.foundInf) {
      return false;
    }
    optimizer.step();
    return true;
  }

  /**
   * Adjusts the scale factor for the next iteration, as {@code scaler.update()}: multiplied by
   * the backoff factor if any optimizer found an infinite or NaN gradient this iteration,
   * multiplied by the growth factor after {@code growthInterval} clean iterations in a row.
   */
  public void update() {
    if (!enabled) {
      return;
    }
    boolean foundInf = false;
    for (OptimizerState s : perOptimizer.values()) {
      foundInf |= s.foundInf;
    }
    if (foundInf) {
      scale *= backoffFactor;
      growthTracker = 0;
    } else if (++growthTracker == growthInterval) {
      scale *= growthFactor;
      growthTracker = 0;
    }
    perOptimizer.clear();
  }

  /**
   * Sets the scale factor, as {@code scaler.update(new_scale)}.
   *
   * @throws IllegalArgumentException if {@code newScale} is not positive and finite
   */
  public void update(double newScale) {
    if (!(newScale > 0) || Double.isInfinite(newScale)) {
      throw new IllegalArgumentException("GradScaler.update: the new scale must be positive and"
          + " finite, got " + newScale);
    }
    scale = newScale;
    growthTracker = 0;
    perOptimizer.clear();
  }

  /**
   * The scaler's state, as {@code scaler.state_dict()}: {@code scale}, {@code growth_factor},
   * {@code backoff_factor}, {@code growth_interval} and {@code _growth_tracker}, PyTorch's keys.
   */
  public Map<String, Double> stateDict() {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("scale", scale);
    m.put("growth_factor", growthFactor);
    m.put("backoff_factor", backoffFactor);
    m.put("growth_interval", (double) growthInterval);
    m.put("_growth_tracker", (double) growthTracker);
    return m;
  }

  /**
   * Restores the scale factor and the growth tracker from {@link #stateDict()}, as {@code
   * scaler.load_state_dict(state)}. The factors and the interval must equal this scaler's.
   *
   * @throws IllegalArgumentException if a key is missing or a factor differs
   */
  public void loadStateDict(Map<String, Double> state) {
    for (String key : new String[] {"scale", "growth_factor", "backoff_factor",
        "growth_interval", "_growth_tracker"}) {
      if (state == null || state.get(key) == null) {
        throw new IllegalArgumentException("GradScaler.loadStateDict: the state has no \""
            + key + "\"; give the map stateDict() returned");
      }
    }
    if (state.get("growth_factor") != growthFactor || state.get("backoff_factor") != backoffFactor
        || state.get("growth_interval") != growthInterval) {
      throw new IllegalArgumentException("GradScaler.loadStateDict: the state's factors ("
          + state.get("growth_factor") + ", " + state.get("backoff_factor") + ", interval "
          + state.get("growth_interval").intValue() + ") differ from this scaler's ("
          + growthFactor + ", " + backoffFactor + ", interval " + growthInterval
          + "); make the scaler with the same arguments");
    }
    update(state.get("scale"));
    growthTracker = state.get("_growth_tracker").intValue();
  }

  private static void requireOptimizer(String op, Optimizer<?, ?> optimizer) {
    if (optimizer == null) {
      throw new IllegalArgumentException(op + ": the optimizer is null");
    }
  }

  @Override
  public String toString() {
    return "GradScaler(scale=" + getScale() + ", enabled=" + enabled + ")";
  }
}
