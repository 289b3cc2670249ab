package dev.shapetorch.optim;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.nn.Parameter;
import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.GradModeScope;
import dev.shapetorch.tensor.NoGradScope;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.TensorScope;
import dev.shapetorch.tensor.Torch;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.DoubleSupplier;

/**
 * L-BFGS, a quasi-Newton method with a limited history: PyTorch's {@code torch.optim.LBFGS},
 * with the same iterations, stopping rules and optional strong-Wolfe line search.
 *
 * <p>Each {@link #step(DoubleSupplier) step(closure)} runs up to {@link LBFGSOptions#maxIter()}
 * iterations and evaluates the loss several times, so it needs a closure that zeroes the
 * gradients, computes the loss, calls {@code backward} and returns the loss; it returns the loss
 * of the first evaluation. The closure runs with gradients enabled, in a {@link TensorScope} of
 * its own: tensors it creates are freed after each evaluation ({@link Tensor#retain() retain}
 * those to keep). {@link #step()} without a closure is refused.
 *
 * <pre>{@code
 * var lbfgs = new LBFGS(model.parameters(),
 *     LBFGSOptions.lr(1).withLineSearchFn(LBFGSOptions.LineSearch.STRONG_WOLFE));
 * double loss = lbfgs.step(() -> {
 *   lbfgs.zeroGrad();
 *   Tensor l = F.mseLoss(model.forward(x), y);
 *   l.backward();
 *   return l.item();
 * });
 * }</pre>
 *
 * <p>As in PyTorch there is one parameter group ({@link #addParamGroup} is refused), all
 * parameters must share one dtype and device, and the state is global: it treats the parameters
 * as one flat vector of {@code n} elements, their total number.
 *
 * <p>Shape: the state's {@code d} and {@code prev_flat_grad} and each history entry are 1-d
 * tensors [n]; the parameters may have any shapes.
 */
public final class LBFGS extends Optimizer<LBFGSOptions, LBFGS.State> {

  private static final double C1 = 1e-4;
  private static final double C2 = 0.9;
  private static final int MAX_LS = 25;

  /**
   * The optimizer's state after a step (PyTorch keeps it under the first parameter).
   *
   * @param step the number of iterations run so far, over all steps ({@code n_iter})
   * @param funcEvals the number of closure evaluations so far ({@code func_evals})
   * @param d the last search direction [n] ({@code d}), or null before the first iteration
   * @param t the last step length ({@code t})
   * @param oldDirs the history of gradient differences, oldest first ({@code old_dirs}), each [n]
   * @param oldStps the history of steps, oldest first ({@code old_stps}), each [n]
   * @param ro the inverse inner products of the history pairs ({@code ro})
   * @param hDiag the scale of the initial inverse Hessian ({@code H_diag})
   * @param prevFlatGrad the gradient at the last iteration's start [n] ({@code prev_flat_grad}),
   *     or null before the first iteration
   * @param prevLoss the loss at the last iteration's start ({@code prev_loss})
   */
  public record State(long step, long funcEvals, Tensor d, double t, List<Tensor> oldDirs,
      List<Tensor> oldStps, List<Double> ro, double hDiag, Tensor prevFlatGrad, double prevLoss)
      implements ParamState {

    /** Copies the lists. */
    public State {
      oldDirs = List.copyOf(Arguments.requireNonNullElements(oldDirs, "oldDirs"));
      oldStps = List.copyOf(Arguments.requireNonNullElements(oldStps, "oldStps"));
      ro = List.copyOf(Arguments.requireNonNullElements(ro, "ro"));
      if (oldDirs.size() != oldStps.size() || ro.size() != oldDirs.size()) {
        throw Arguments.invalid(null, "oldDirs, oldStps and ro must have one entry per history"
            + " pair, got " + oldDirs.size() + ", " + oldStps.size() + " and " + ro.size());
      }
    }

    /**
     * {@code d}, {@code prev_flat_grad}, then {@code old_dirs.<k>} and {@code old_stps.<k>} for
     * each history pair; absent ones left out.
     */
    @Override
    public Map<String, Tensor> tensors() {
      Map<String, Tensor> m = new LinkedHashMap<>();
      if (d != null) {
        m.put("d", d);
      }
      if (prevFlatGrad != null) {
        m.put("prev_flat_grad", prevFlatGrad);
      }
      for (int k = 0; k < oldDirs.size(); k++) {
        m.put("old_dirs." + k, oldDirs.get(k));
        m.put("old_stps." + k, oldStps.get(k));
      }
      return m;
    }
  }

  private State state;

  /**
   * L-BFGS over {@code params} (one group).
   *
   * @throws IllegalArgumentException if {@code params} is empty or lists a parameter twice
   */
  public LBFGS(List<Parameter> params, LBFGSOptions options) {
    super("LBFGS", LBFGSOptions.class, List.of(new ParamGroup<>(params, options)));
  }

  /**
   * Refused after construction: LBFGS has one parameter group, as in PyTorch.
   *
   * @throws IllegalArgumentException always, once the optimizer exists
   */
  @Override
  public void addParamGroup(ParamGroup<LBFGSOptions> group) {
    if (!paramGroups().isEmpty()) {
      throw new IllegalArgumentException("LBFGS.addParamGroup: LBFGS supports one parameter group"
          + " only (no per-parameter options, as in PyTorch); build a new LBFGS over all the"
          + " parameters instead");
    }
    super.addParamGroup(group);
  }

  /**
   * Refused: LBFGS evaluates the loss several times per step.
   *
   * @throws UnsupportedOperationException always; call {@link #step(DoubleSupplier)}
   */
  @Override
  public void step() {
    throw new UnsupportedOperationException("LBFGS.step: LBFGS needs a closure that re-evaluates"
        + " the loss; call step(closure) with one that zeroes the gradients, computes the loss,"
        + " calls backward and returns the loss");
  }

  /**
   * Runs up to {@code maxIter} L-BFGS iterations, as PyTorch's {@code step(closure)}.
   *
   * @param closure zeroes the gradients, computes the loss, calls {@code backward} and returns
   *     the loss; called with gradients enabled, in a scope of its own
   * @return the loss of the closure's first evaluation
   * @throws IllegalArgumentException if {@code closure} is null, or the parameters do not share
   *     one dtype and device
   */
  @Override
  public double step(DoubleSupplier closure) {
    Arguments.requireNonNull(closure, "closure");
    LBFGSOptions o = options(0);
    List<Parameter> params = paramGroups().get(0).params();
    for (Parameter p : params) {
      requireTrainable("LBFGS", 0, p);
    }
    checkParams(params);
    try (TensorScope scope = TensorScope.open();
        NoGradScope noGrad = Torch.noGrad()) {
      State s = state;
      long funcEvals = s == null ? 0 : s.funcEvals();
      long totalIter = s == null ? 0 : s.step();
      double origLoss = evaluate(closure);
      double loss = origLoss;
      int currentEvals = 1;
      funcEvals++;
      Tensor flatGrad = gatherFlatGrad(params);
      boolean optCond = flatGrad.abs().max().item() <= o.toleranceGrad();
      Tensor d = s == null ? null : s.d();
      double t = s == null ? 0 : s.t();
      List<Tensor> oldDirs = s == null ? new ArrayList<>() : new ArrayList<>(s.oldDirs());
      List<Tensor> oldStps = s == null ? new ArrayList<>() : new ArrayList<>(s.oldStps());
      List<Double> ro = s == null ? new ArrayList<>() : new ArrayList<>(s.ro());
      double hDiag = s == null ? 1 : s.hDiag();
      Tensor prevFlatGrad = s == null ? null : s.prevFlatGrad();
      double prevLoss = s == null ? 0 : s.prevLoss();
      if (optCond) {
        commit(new State(totalIter, funcEvals, d, t, oldDirs, oldStps, ro, hDiag, prevFlatGrad,
            prevLoss));
        return origLoss;
      }
      boolean single = flatGrad.dtype() == DType.FLOAT32;
      int nIter = 0;
      while (nIter < o.maxIter()) {
        nIter++;
        totalIter++;
        if (totalIter == 1) {
          d = flatGrad.neg();
          oldDirs.clear();
          oldStps.clear();
          ro.clear();
          hDiag = 1;
        } else {
          Tensor y = flatGrad.sub(prevFlatGrad);
          Tensor sv = d.mul(t);
          double ys = y.dot(sv).item();
          if (ys > 1e-10) {
            if (oldDirs.size() == o.historySize()) {
              oldDirs.remove(0);
              oldStps.remove(0);
              ro.remove(0);
            }
            oldDirs.add(y);
            oldStps.add(sv);
            ro.add(round(single, 1 / ys));
            hDiag = round(single, ys / y.dot(y).item());
          }
          // two-loop recursion: d = -H g with H the history's inverse Hessian approximation
          int numOld = oldDirs.size();
          double[] al = new double[numOld];
          Tensor q = flatGrad.neg();
          for (int i = numOld - 1; i >= 0; i--) {
            al[i] = round(single, oldStps.get(i).dot(q).item() * ro.get(i));
            q.add_(oldDirs.get(i), -al[i]);
          }
          d = q.mul(hDiag);
          for (int i = 0; i < numOld; i++) {
            double be = round(single, oldDirs.get(i).dot(d).item() * ro.get(i));
            d.add_(oldStps.get(i), round(single, al[i] - be));
          }
        }
        if (prevFlatGrad == null) {
          prevFlatGrad = flatGrad.clone();
        } else {
          prevFlatGrad.copy_(flatGrad);
        }
        prevLoss = loss;
        t = totalIter == 1
            ? round(single, Math.min(1, round(single, 1 / flatGrad.abs().sum().item())) * o.lr())
            : o.lr();
        double gtd = flatGrad.dot(d).item();
        if (gtd > -o.toleranceChange()) {
          break;
        }
        int lsEvals = 0;
        if (o.lineSearchFn() == LBFGSOptions.LineSearch.STRONG_WOLFE) {
          List<Tensor> x = new ArrayList<>(params.size());
          for (Parameter p : params) {
            x.add(p.leaf().clone());
          }
          Search r = strongWolfe(closure, params, x, t, d, loss, flatGrad, gtd,
              o.toleranceChange());
          loss = r.loss;
          flatGrad = r.grad;
          t = r.t;
          lsEvals = r.evals;
          addGrad(params, t, d);
          optCond = flatGrad.abs().max().item() <= o.toleranceGrad();
        } else {
          addGrad(params, t, d);
          if (nIter != o.maxIter()) {
            // no use re-evaluating after the last iteration (in a stochastic setting, as PyTorch)
            loss = evaluate(closure);
            flatGrad = gatherFlatGrad(params);
            optCond = flatGrad.abs().max().item() <= o.toleranceGrad();
            lsEvals = 1;
          }
        }
        currentEvals += lsEvals;
        funcEvals += lsEvals;
        if (nIter == o.maxIter() || currentEvals >= o.maxEval() || optCond) {
          break;
        }
        if (d.mul(t).abs().max().item() <= o.toleranceChange()) {
          break;
        }
        if (Math.abs(loss - prevLoss) < o.toleranceChange()) {
          break;
        }
      }
      commit(new State(totalIter, funcEvals, d, t, oldDirs, oldStps, ro, hDiag, prevFlatGrad,
          prevLoss));
      return origLoss;
    }
  }

  /** {@code x} rounded to float32 when the parameters are float32, as PyTorch's 0-d tensors. */
  private static double round(boolean single, double x) {
    return single ? (double) (float) x : x;
  }

  private static void checkParams(List<Parameter> params) {
    Tensor first = params.get(0).leaf();
    for (int i = 1; i < params.size(); i++) {
      Tensor p = params.get(i).leaf();
      if (p.dtype() != first.dtype() || !p.device().equals(first.device())) {
        throw new IllegalArgumentException("LBFGS.step: parameter " + i + " is " + p.dtype()
            + " on " + p.device() + " but parameter 0 is " + first.dtype() + " on "
            + first.device() + "; LBFGS needs all parameters on one dtype and device (as"
            + " PyTorch's)");
      }
    }
  }

  /** Calls the closure with gradients enabled, freeing what it creates. */
  private static double evaluate(DoubleSupplier closure) {
    try (TensorScope scope = TensorScope.open();
        GradModeScope grad = Torch.enableGrad()) {
      return closure.getAsDouble();
    }
  }

  /** The gradients as one flat vector (zeros for a parameter without one). */
  private static Tensor gatherFlatGrad(List<Parameter> params) {
    List<Tensor> views = new ArrayList<>(params.size());
    for (Parameter p : params) {
      Tensor g = p.grad();
      views.add(g == null ? Torch.zerosLike(p.leaf()).reshape(-1) : g.reshape(-1));
    }
    return Torch.cat(views, 0);
  }

  /** Adds {@code stepSize * update} to the parameters, in flat order. */
  private static void addGrad(List<Parameter> params, double stepSize, Tensor update) {
    long offset = 0;
    for (Parameter p : params) {
      Tensor value = p.leaf();
      long numel = value.numel();
      value.add_(update.narrow(0, offset, numel).view(value.shape()), stepSize);
      offset += numel;
    }
  }

  private static void setParams(List<Parameter> params, List<Tensor> values) {
    for (int i = 0; i < params.size(); i++) {
      params.get(i).leaf().copy_(values.get(i));
    }
  }

  private record Search(double loss, Tensor grad, double t, int evals) {}

  private record Eval(double loss, Tensor grad) {}

  /** Loss and flat gradient at {@code x + t * d}; the parameters are set back to {@code x}. */
  private static Eval directional(DoubleSupplier closure, List<Parameter> params, List<Tensor> x,
      double t, Tensor d) {
    addGrad(params, t, d);
    double loss = evaluate(closure);
    Tensor grad = gatherFlatGrad(params);
    setParams(params, x);
    return new Eval(loss, grad);
  }

  /**
   * The minimiser in {@code [lo, hi]} of the cubic through two points with their values and
   * derivatives, or the middle of the bounds when it has none.
   */
  private static double cubicInterpolate(double x1, double f1, double g1, double x2, double f2,
      double g2, double lo, double hi) {
    double d1 = g1 + g2 - 3 * (f1 - f2) / (x1 - x2);
    double d2Square = d1 * d1 - g1 * g2;
    if (d2Square >= 0) {
      double d2 = Math.sqrt(d2Square);
      double minPos = x1 <= x2
          ? x2 - (x2 - x1) * ((g2 + d2 - d1) / (g2 - g1 + 2 * d2))
          : x1 - (x1 - x2) * ((g1 + d2 - d1) / (g1 - g2 + 2 * d2));
      return Math.min(Math.max(minPos, lo), hi);
    }
    return (lo + hi) / 2;
  }

  private static double cubicInterpolate(double x1, double f1, double g1, double x2, double f2,
      double g2) {
    return cubicInterpolate(x1, f1, g1, x2, f2, g2, Math.min(x1, x2), Math.max(x1, x2));
  }

  /**
   * A step length along {@code d} satisfying the strong Wolfe conditions: a bracketing phase,
   * then a zoom by cubic interpolation (PyTorch's {@code _strong_wolfe}).
   */
  private static Search strongWolfe(DoubleSupplier closure, List<Parameter> params,
      List<Tensor> x, double t, Tensor d, double f, Tensor g, double gtd, double toleranceChange) {
    double dNorm = d.abs().max().item();
    Eval e = directional(closure, params, x, t, d);
    double fNew = e.loss();
    Tensor gNew = e.grad();
    int evals = 1;
    double gtdNew = gNew.dot(d).item();
    double tPrev = 0;
    double fPrev = f;
    Tensor gPrev = g;
    double gtdPrev = gtd;
    boolean done = false;
    int lsIter = 0;
    double[] bracket = null;
    double[] bracketF = null;
    double[] bracketGtd = null;
    Tensor[] bracketG = null;
    while (lsIter < MAX_LS) {
      boolean wolfe = Math.abs(gtdNew) <= -C2 * gtd;
      // bracket found: too little decrease, or (short of the Wolfe point) the slope turned up
      if (fNew > f + C1 * t * gtd || (lsIter > 1 && fNew >= fPrev) || !wolfe && gtdNew >= 0) {
        bracket = new double[] {tPrev, t};
        bracketF = new double[] {fPrev, fNew};
        bracketG = new Tensor[] {gPrev, gNew};
        bracketGtd = new double[] {gtdPrev, gtdNew};
        break;
      }
      if (wolfe) {
        bracket = new double[] {t};
        bracketF = new double[] {fNew};
        bracketG = new Tensor[] {gNew};
        done = true;
        break;
      }
      double minStep = t + 0.01 * (t - tPrev);
      double maxStep = t * 10;
      double tmp = t;
      t = cubicInterpolate(tPrev, fPrev, gtdPrev, t, fNew, gtdNew, minStep, maxStep);
      tPrev = tmp;
      fPrev = fNew;
      gPrev = gNew;
      gtdPrev = gtdNew;
      e = directional(closure, params, x, t, d);
      fNew = e.loss();
      gNew = e.grad();
      evals++;
      gtdNew = gNew.dot(d).item();
      lsIter++;
    }
    if (lsIter == MAX_LS) {
      bracket = new double[] {0, t};
      bracketF = new double[] {f, fNew};
      bracketG = new Tensor[] {g, gNew};
    }
    boolean insufficientProgress = false;
    int low = bracketF[0] <= bracketF[bracketF.length - 1] ? 0 : 1;
    int high = 1 - low;
    while (!done && lsIter < MAX_LS) {
      if (Math.abs(bracket[1] - bracket[0]) * dNorm < toleranceChange) {
        break;
      }
      t = cubicInterpolate(bracket[0], bracketF[0], bracketGtd[0], bracket[1], bracketF[1],
          bracketGtd[1]);
      double max = Math.max(bracket[0], bracket[1]);
      double min = Math.min(bracket[0], bracket[1]);
      double eps = 0.1 * (max - min);
      if (Math.min(max - t, t - min) < eps) {
        // close to an end of the bracket: move away from it unless this is the first time
        if (insufficientProgress || t >= max || t <= min) {
          t = Math.abs(t - max) < Math.abs(t - min) ? max - eps : min + eps;
          insufficientProgress = false;
        } else {
          insufficientProgress = true;
        }
      } else {
        insufficientProgress = false;
      }
      e = directional(closure, params, x, t, d);
      fNew = e.loss();
      gNew = e.grad();
      evals++;
      gtdNew = gNew.dot(d).item();
      lsIter++;
      if (fNew > f + C1 * t * gtd || fNew >= bracketF[low]) {
        bracket[high] = t;
        bracketF[high] = fNew;
        bracketG[high] = gNew;
        bracketGtd[high] = gtdNew;
        low = bracketF[0] <= bracketF[1] ? 0 : 1;
        high = 1 - low;
      } else {
        if (Math.abs(gtdNew) <= -C2 * gtd) {
          done = true;
        } else if (gtdNew * (bracket[high] - bracket[low]) >= 0) {
          bracket[high] = bracket[low];
          bracketF[high] = bracketF[low];
          bracketG[high] = bracketG[low];
          bracketGtd[high] = bracketGtd[low];
        }
        bracket[low] = t;
        bracketF[low] = fNew;
        bracketG[low] = gNew;
        bracketGtd[low] = gtdNew;
      }
    }
    return new Search(bracketF[low], bracketG[low], bracket[low], evals);
  }

  /** Keeps {@code next}'s tensors past the step's scope and frees the previous state's others. */
  private void commit(State next) {
    Map<Tensor, Boolean> kept = new IdentityHashMap<>();
    if (next != null) {
      for (Tensor t : next.tensors().values()) {
        t.retain();
        kept.put(t, true);
      }
    }
    if (state != null) {
      for (Tensor old : state.tensors().values()) {
        if (!kept.containsKey(old)) {
          old.close();
        }
      }
    }
    state = next;
  }

  /** The state after the last step, or null before the first. */
  public State state() {
    return state;
  }

  /** The state ({@link #state()}) for the first parameter, as PyTorch keeps it; else null. */
  @Override
  public State state(Parameter p) {
    return p == parameters().get(0) ? state : null;
  }

  /** The state keyed by the first parameter, as PyTorch keeps it (empty before a step). */
  @Override
  public Map<Parameter, State> states() {
    return state == null ? Map.of() : Collections.singletonMap(parameters().get(0), state);
  }

  /**
   * Everything needed to resume: {@code state.0.n_iter}, {@code state.0.func_evals}, {@code
   * state.0.t}, {@code state.0.H_diag}, {@code state.0.prev_loss} (0-d float64), {@code
   * state.0.d}, {@code state.0.prev_flat_grad}, {@code state.0.old_dirs.<k>} and {@code
   * state.0.old_stps.<k>} (the live [n] tensors), {@code state.0.ro} (float64 [k]), then the
   * group's entries as {@link Optimizer#stateDict()}.
   */
  @Override
  public Map<String, Tensor> stateDict() {
    Map<String, Tensor> out = new LinkedHashMap<>();
    if (state != null) {
      out.put("state.0.n_iter", Torch.scalarTensor((double) state.step(), DType.FLOAT64));
      out.put("state.0.func_evals",
          Torch.scalarTensor((double) state.funcEvals(), DType.FLOAT64));
      if (state.d() != null) {
        out.put("state.0.t", Torch.scalarTensor(state.t(), DType.FLOAT64));
        out.put("state.0.H_diag", Torch.scalarTensor(state.hDiag(), DType.FLOAT64));
      }
      if (state.prevFlatGrad() != null) {
        out.put("state.0.prev_loss", Torch.scalarTensor(state.prevLoss(), DType.FLOAT64));
      }
      double[] ro = new double[state.ro().size()];
      for (int k = 0; k < ro.length; k++) {
        ro[k] = state.ro().get(k);
      }
      out.put("state.0.ro", Torch.fromArray(ro, ro.length));
      for (Map.Entry<String, Tensor> e : state.tensors().entrySet()) {
        out.put("state.0." + e.getKey(), e.getValue());
      }
    }
    out.putAll(super.stateDict());
    return out;
  }

  /**
   * Restores a {@link #stateDict()}: the group's hyperparameters and the state (copied, cast to
   * the parameters' dtype and device). Nothing changes unless everything fits.
   *
   * @throws IllegalArgumentException if the group differs, a key is missing or unexpected, a
   *     flat tensor has not the parameters' total number of elements, or a hyperparameter is
   *     invalid
   */
  @Override
  public void loadStateDict(Map<String, Tensor> stateDict) {
    String where = "LBFGS.loadStateDict";
    Map<String, Tensor> groupPart = new LinkedHashMap<>();
    Map<String, Tensor> statePart = new LinkedHashMap<>();
    for (Map.Entry<String, Tensor> e : Arguments.requireNonNull(stateDict, "stateDict")
        .entrySet()) {
      (e.getKey().startsWith("state.") ? statePart : groupPart).put(e.getKey(), e.getValue());
    }
    long n = 0;
    for (Parameter p : parameters()) {
      n += p.leaf().numel();
    }
    TreeSet<String> unused = new TreeSet<>(statePart.keySet());
    int history = 0;
    if (!statePart.isEmpty()) {
      for (String key : List.of("n_iter", "func_evals", "ro")) {
        need(statePart, "state.0." + key, where);
        unused.remove("state.0." + key);
      }
      history = (int) statePart.get("state.0.ro").numel();
      List<String> flat = new ArrayList<>();
      if (statePart.containsKey("state.0.d")) {
        flat.add("d");
        need(statePart, "state.0.t", where);
        need(statePart, "state.0.H_diag", where);
        unused.remove("state.0.t");
        unused.remove("state.0.H_diag");
      }
      if (statePart.containsKey("state.0.prev_flat_grad")) {
        flat.add("prev_flat_grad");
        need(statePart, "state.0.prev_loss", where);
        unused.remove("state.0.prev_loss");
      }
      for (int k = 0; k < history; k++) {
        flat.add("old_dirs." + k);
        flat.add("old_stps." + k);
      }
      for (String name : flat) {
        Tensor t = need(statePart, "state.0." + name, where);
        unused.remove("state.0." + name);
        if (t.dim() != 1 || t.numel() != n) {
          throw new IllegalArgumentException(where + ": state.0." + name + " has shape "
              + java.util.Arrays.toString(t.shape()) + " but the parameters have " + n
              + " elements in all; the state was saved for a model with other sizes");
        }
      }
    }
    if (!unused.isEmpty()) {
      throw new IllegalArgumentException(
          where + ": unexpected keys " + unused + " (a state of another optimizer or model?)");
    }
    super.loadStateDict(groupPart);
    if (statePart.isEmpty()) {
      commit(null);
      return;
    }
    Tensor like = parameters().get(0).leaf();
    try (TensorScope scope = TensorScope.open();
        NoGradScope noGrad = Torch.noGrad()) {
      double[] roValues = statePart.get("state.0.ro").to(DType.FLOAT64).toDoubleArray();
      List<Double> ro = new ArrayList<>();
      List<Tensor> oldDirs = new ArrayList<>();
      List<Tensor> oldStps = new ArrayList<>();
      for (int k = 0; k < history; k++) {
        ro.add(roValues[k]);
        oldDirs.add(copy(statePart.get("state.0.old_dirs." + k), like));
        oldStps.add(copy(statePart.get("state.0.old_stps." + k), like));
      }
      Tensor d = statePart.containsKey("state.0.d") ? copy(statePart.get("state.0.d"), like)
          : null;
      Tensor prev = statePart.containsKey("state.0.prev_flat_grad")
          ? copy(statePart.get("state.0.prev_flat_grad"), like) : null;
      commit(new State(Math.round(statePart.get("state.0.n_iter").item()),
          Math.round(statePart.get("state.0.func_evals").item()), d,
          d == null ? 0 : statePart.get("state.0.t").item(), oldDirs, oldStps, ro,
          d == null ? 1 : statePart.get("state.0.H_diag").item(), prev,
          prev == null ? 0 : statePart.get("state.0.prev_loss").item()));
    }
  }

  private static Tensor copy(Tensor saved, Tensor like) {
    return saved.to(like.dtype()).to(like.device()).clone();
  }

  private static Tensor need(Map<String, Tensor> part, String key, String where) {
    Tensor t = part.get(key);
    if (t == null) {
      throw new IllegalArgumentException(where + ": the loaded state lacks '" + key + "'");
    }
    return t;
  }

  /** Not used: {@link #step(DoubleSupplier)} updates all parameters together. */
  @Override
  protected State update(Tensor param, Tensor grad, State previous, LBFGSOptions options) {
    throw new UnsupportedOperationException("LBFGS.update: LBFGS steps with a closure only");
  }

  /** Not used: {@link #loadStateDict} restores the global state. */
  @Override
  protected State restore(long step, Map<String, Tensor> tensors, LBFGSOptions options) {
    throw new UnsupportedOperationException("LBFGS.restore: LBFGS restores its global state");
  }
}
