package dev.shapetorch.optim;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.nn.Parameter;
import dev.shapetorch.shapes.rules.ShapeMismatch;
import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.NoGradScope;
import dev.shapetorch.tensor.ShapeException;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.TensorScope;
import dev.shapetorch.tensor.Torch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.DoubleSupplier;
import java.util.function.UnaryOperator;

/**
 * Updates parameters from their gradients: PyTorch's {@code torch.optim.Optimizer}.
 *
 * <pre>{@code
 * var opt = new Adam(model.parameters(), AdamOptions.lr(1e-3));
 * opt.zeroGrad();
 * loss.backward();
 * opt.step();
 * }</pre>
 *
 * <p>Parameters come in {@link ParamGroup}s, each with its own hyperparameters (an immutable
 * options record; {@link #updateOptions} replaces it, which is how schedulers change the
 * learning rate). What the optimizer remembers about each parameter is an explicit, immutable
 * {@link ParamState} record ({@link #state(Parameter)}) whose tensors are updated in place.
 * Parameters without a gradient are skipped by {@link #step()}, and get no state. Optimizers update
 * one parameter at a time ({@link #update}) or, with a fused kernel, a whole group at once
 * ({@link #updateGroup}); both keep the same states.
 *
 * <p>{@link #step()} computes without recording gradients and frees its temporaries before it
 * returns; state tensors are {@linkplain Tensor#retain() retained} and live as long as the
 * optimizer. {@link #stateDict()} and {@link #loadStateDict} save and restore everything as
 * named tensors (which {@code dev.shapetorch.serialize} writes to files).
 *
 * <p>Not thread-safe.
 *
 * @param <O> the options record
 * @param <S> the per-parameter state record
 */
public abstract class Optimizer<O extends OptimizerOptions<O>, S extends ParamState> {

  private final String name;
  private final Class<O> optionsType;
  private final List<ParamGroup<O>> groups = new ArrayList<>();
  private final Map<Parameter, S> state = new IdentityHashMap<>();

  /**
   * An optimizer over these groups.
   *
   * @param name the optimizer's name in messages ({@code Adam})
   * @param optionsType the options record class, for {@link #loadStateDict}
   * @throws IllegalArgumentException if there are no groups or a parameter is in two groups
   */
  protected Optimizer(String name, Class<O> optionsType, List<ParamGroup<O>> groups) {
    this.name = Arguments.requireNonNull(name, "name");
    this.optionsType = Arguments.requireNonNull(optionsType, "optionsType");
    if (Arguments.requireNonNullElements(groups, "groups").isEmpty()) {
      throw new IllegalArgumentException(name + ": the optimizer got an empty parameter list");
    }
    for (ParamGroup<O> g : groups) {
      addParamGroup(g);
    }
  }

  /**
   * Computes the new state of one parameter and updates the parameter in place, under no-grad.
   * Tensors the returned state holds are retained by the caller; tensors of the previous state
   * that the new one no longer holds are freed.
   *
   * @param param the parameter's tensor (a leaf; update it in place)
   * @param grad its gradient
   * @param previous the state after the previous step, or null before the first
   * @param options the group's hyperparameters
   * @return the state after this step
   */
  protected abstract S update(Tensor param, Tensor grad, S previous, O options);

  /**
   * Updates the parameters of one group that have gradients, under no-grad, and returns their new
   * states in the same order, with the ownership rules of {@link #update}. The default calls
   * {@link #update} for each parameter; an optimizer with a multi-tensor kernel (the {@code
   * fused} Adam, AdamW, SGD and Adagrad) overrides it to update them all in one native call.
   *
   * @param group the group's index in {@link #paramGroups()}
   * @param params the group's parameters that have a gradient, in group order (at least one)
   * @param grads their gradients
   * @param previous their states after the previous step, with null for those never updated
   * @param options the group's hyperparameters
   * @return one state per parameter, in order
   */
  protected List<S> updateGroup(
      int group, List<Parameter> params, List<Tensor> grads, List<S> previous, O options) {
    List<S> next = new ArrayList<>(params.size());
    for (int i = 0; i < params.size(); i++) {
      next.add(update(params.get(i).leaf(), grads.get(i), previous.get(i), options));
    }
    return next;
  }

  /**
   * Rebuilds a state from saved tensors (already copied to the parameter's dtype and device, and
   * checked to have its shape, or to be 0-d for those named by {@link #scalarStates()}).
   *
   * @throws IllegalArgumentException if a tensor these options need is missing
   */
  protected abstract S restore(long step, Map<String, Tensor> tensors, O options);

  /**
   * The names of the state tensors that are 0-d, not of the parameter's shape (NAdam's {@code
   * mu_product}); {@link #loadStateDict} checks those to be 0-d. None by default.
   */
  protected Set<String> scalarStates() {
    return Set.of();
  }

  /** The optimizer's name ({@code SGD}, {@code Adam}, ...). */
  public String name() {
    return name;
  }

  /** The parameter groups, in order (a snapshot). */
  public List<ParamGroup<O>> paramGroups() {
    return List.copyOf(groups);
  }

  /** The options of group {@code group}. */
  public O options(int group) {
    return groups.get(checkGroup(group)).options();
  }

  /** Replaces the options of group {@code group} by {@code fn} applied to them. */
  public void updateOptions(int group, UnaryOperator<O> fn) {
    ParamGroup<O> g = groups.get(checkGroup(group));
    groups.set(group, g.withOptions(Arguments.requireNonNull(fn.apply(g.options()), "options")));
  }

  private int checkGroup(int group) {
    if (group < 0 || group >= groups.size()) {
      throw new IndexOutOfBoundsException(
          name + ": no parameter group " + group + " (there are " + groups.size() + ")");
    }
    return group;
  }

  /**
   * Adds a group, as PyTorch's {@code add_param_group} (to train layers unfrozen later).
   *
   * @throws IllegalArgumentException if one of its parameters is already in a group
   */
  public void addParamGroup(ParamGroup<O> group) {
    Arguments.requireNonNull(group, "group");
    for (Parameter p : group.params()) {
      for (int g = 0; g < groups.size(); g++) {
        for (Parameter q : groups.get(g).params()) {
          if (p == q) {
            throw new IllegalArgumentException(
                name + ": some parameters appear in more than one parameter group (one is"
                    + " already in group " + g + ")");
          }
        }
      }
    }
    groups.add(group);
  }

  /** Every parameter, group by group, in order: the numbering {@link #stateDict()} uses. */
  public List<Parameter> parameters() {
    List<Parameter> out = new ArrayList<>();
    for (ParamGroup<O> g : groups) {
      out.addAll(g.params());
    }
    return out;
  }

  /** The state of {@code p}, or null before its first update. */
  public S state(Parameter p) {
    return state.get(p);
  }

  /** The states of all updated parameters (an unmodifiable view, keyed by identity). */
  public Map<Parameter, S> states() {
    return Collections.unmodifiableMap(state);
  }

  /**
   * Drops every parameter's gradient, as PyTorch 2.x's {@code zero_grad()}, whose default is
   * {@code set_to_none=True}: {@link Parameter#grad()} is null until the next backward, and
   * {@link #step()} skips a parameter whose gradient is null (its state does not change). Same
   * as {@code zeroGrad(true)}; PyTorch 1.13's default is {@code zeroGrad(false)}.
   */
  public void zeroGrad() {
    zeroGrad(true);
  }

  /**
   * Resets every parameter's gradient, as {@code zero_grad(set_to_none)}.
   *
   * @param setToNone true to drop the gradients (null until the next backward, and skipped by
   *     {@link #step()}); false to set the existing ones to zero in place, so that a step still
   *     updates those parameters (momentum, weight decay) from a zero gradient
   */
  public void zeroGrad(boolean setToNone) {
    try (TensorScope scope = TensorScope.open()) {
      for (ParamGroup<O> g : groups) {
        for (Parameter p : g.params()) {
          if (setToNone) {
            p.leaf().clearGrad_();
          } else {
            p.leaf().zeroGrad_();
          }
        }
      }
    }
  }

  /** Updates every parameter that has a gradient, once. */
  public void step() {
    try (TensorScope scope = TensorScope.open();
        NoGradScope noGrad = Torch.noGrad()) {
      for (int g = 0; g < groups.size(); g++) {
        ParamGroup<O> group = groups.get(g);
        List<Parameter> params = new ArrayList<>(group.params().size());
        List<Tensor> grads = new ArrayList<>(group.params().size());
        List<S> previous = new ArrayList<>(group.params().size());
        for (Parameter p : group.params()) {
          requireTrainable(name, g, p);
          Tensor grad = p.grad();
          if (grad != null) {
            params.add(p);
            grads.add(grad);
            previous.add(state.get(p));
          }
        }
        if (params.isEmpty()) {
          continue;
        }
        List<S> next = updateGroup(g, Collections.unmodifiableList(params),
            Collections.unmodifiableList(grads), Collections.unmodifiableList(previous),
            group.options());
        if (next.size() != params.size()) {
          throw new IllegalStateException(name + ".updateGroup returned " + next.size()
              + " states for " + params.size() + " parameters");
        }
        for (int i = 0; i < params.size(); i++) {
          adopt(previous.get(i), next.get(i));
          state.put(params.get(i), next.get(i));
        }
      }
    }
  }

  /**
   * Refuses a parameter that a reparametrization now computes from other parameters ({@link
   * Parameter#isComputed()} without {@link Parameter#isAliased()}): weight norm applied after
   * the optimizer was built, which would silently stop training that weight. Pruning and
   * spectral norm keep the leaf as {@code weight_orig}, so such an optimizer keeps training it.
   */
  static void requireTrainable(String optimizer, int group, Parameter p) {
    if (p.isComputed() && !p.isAliased()) {
      throw new IllegalStateException(optimizer + ".step: a parameter of group " + group
          + " (shape " + java.util.Arrays.toString(p.shape()) + ") is now computed by a"
          + " reparametrization of its module (weight norm) from other parameters (weight_g and"
          + " weight_v), which this optimizer does not hold, so it would no longer be trained;"
          + " build the optimizer from module.parameters() after reparametrizing");
    }
  }

  /**
   * Evaluates {@code closure} (which should zero the gradients, compute the loss and call
   * {@code backward}), then steps; returns the closure's loss, as {@code optimizer.step(closure)}.
   */
  public double step(DoubleSupplier closure) {
    double loss = closure.getAsDouble();
    step();
    return loss;
  }

  private void adopt(S previous, S next) {
    for (Tensor t : next.tensors().values()) {
      t.retain();
    }
    if (previous != null && previous != next) {
      for (Tensor old : previous.tensors().values()) {
        boolean kept = false;
        for (Tensor t : next.tensors().values()) {
          kept |= t == old;
        }
        if (!kept) {
          old.close();
        }
      }
    }
  }

  /**
   * Everything needed to resume: for each parameter {@code i} (numbered as {@link
   * #parameters()}) that has a state, {@code state.i.step} (a 0-d float32 tensor, as PyTorch
   * 1.13) and {@code state.i.<name>} for each state tensor; for each group {@code g}, {@code
   * param_groups.g.params} (the parameters' numbers, int64) and {@code param_groups.g.<option>}
   * for each hyperparameter (0-d float64; booleans as 0 or 1). State tensors are the live ones,
   * not copies; the others are new tensors in the current scope.
   */
  public Map<String, Tensor> stateDict() {
    Map<String, Tensor> out = new LinkedHashMap<>();
    List<Parameter> params = parameters();
    for (int i = 0; i < params.size(); i++) {
      S s = state.get(params.get(i));
      if (s == null) {
        continue;
      }
      out.put("state." + i + ".step", Torch.scalarTensor((double) s.step(), DType.FLOAT32));
      for (Map.Entry<String, Tensor> e : s.tensors().entrySet()) {
        out.put("state." + i + "." + e.getKey(), e.getValue());
      }
    }
    int first = 0;
    for (int g = 0; g < groups.size(); g++) {
      ParamGroup<O> group = groups.get(g);
      long[] ids = new long[group.params().size()];
      for (int j = 0; j < ids.length; j++) {
        ids[j] = first + j;
      }
      first += ids.length;
      out.put("param_groups." + g + ".params", Torch.tensor(ids));
      for (Map.Entry<String, Double> e : OptionsCodec.encode((Record) group.options()).entrySet()) {
        out.put("param_groups." + g + "." + e.getKey(),
            Torch.scalarTensor(e.getValue(), DType.FLOAT64));
      }
    }
    return out;
  }

  /**
   * Restores a {@link #stateDict()}: each group's hyperparameters and each parameter's state
   * (copied, cast to the parameter's dtype and device). The groups must have the same sizes as
   * this optimizer's. Nothing changes unless everything fits.
   *
   * @throws IllegalArgumentException if groups differ in number or size, a key is missing or
   *     unexpected, or a hyperparameter is invalid
   * @throws ShapeException {@code [shape.mismatch.state_dict]} naming each state tensor whose
   *     shape differs from its parameter's, with both shapes
   */
  public void loadStateDict(Map<String, Tensor> stateDict) {
    String where = name + ".loadStateDict";
    TreeSet<String> unused = new TreeSet<>(stateDict.keySet());
    List<O> newOptions = new ArrayList<>();
    int groupsInState = 0;
    while (stateDict.containsKey("param_groups." + groupsInState + ".params")) {
      groupsInState++;
    }
    if (groupsInState != groups.size()) {
      throw new IllegalArgumentException(
          where + ": the loaded state has " + groupsInState + " parameter groups, this optimizer"
              + " has " + groups.size());
    }
    for (int g = 0; g < groups.size(); g++) {
      String prefix = "param_groups." + g + ".";
      Tensor ids = stateDict.get(prefix + "params");
      unused.remove(prefix + "params");
      int size = groups.get(g).params().size();
      if (ids.numel() != size) {
        throw new IllegalArgumentException(
            where + ": loaded parameter group " + g + " has " + ids.numel() + " parameters, this"
                + " optimizer's has " + size + " (the state was saved for another model?)");
      }
      Map<String, Double> values = new LinkedHashMap<>();
      for (String key : stateDict.keySet()) {
        if (key.startsWith(prefix) && !key.equals(prefix + "params")) {
          values.put(key.substring(prefix.length()), stateDict.get(key).item());
        }
      }
      O options = OptionsCodec.decode(optionsType, values, where + " (group " + g + ")");
      for (String component : OptionsCodec.encode((Record) options).keySet()) {
        unused.remove(prefix + component);
      }
      newOptions.add(options);
    }
    List<Parameter> params = parameters();
    List<String> mismatches = new ArrayList<>();
    Map<Integer, Map<String, Tensor>> saved = new LinkedHashMap<>();
    for (int i = 0; i < params.size(); i++) {
      String prefix = "state." + i + ".";
      if (!stateDict.containsKey(prefix + "step")) {
        continue;
      }
      unused.remove(prefix + "step");
      Map<String, Tensor> tensors = new LinkedHashMap<>();
      for (String key : stateDict.keySet()) {
        if (key.startsWith(prefix) && !key.equals(prefix + "step")
            && key.indexOf('.', prefix.length()) < 0) {
          Tensor t = stateDict.get(key);
          unused.remove(key);
          if (scalarStates().contains(key.substring(prefix.length()))) {
            if (t.dim() != 0) {
              mismatches.add(key + " is " + Arrays.toString(t.shape()) + " but should be a 0-d"
                  + " tensor []");
            }
          } else if (!Arrays.equals(t.shape(), params.get(i).shape())) {
            mismatches.add(key + " is " + Arrays.toString(t.shape()) + " but parameter " + i
                + " is " + Arrays.toString(params.get(i).shape()));
          }
          tensors.put(key.substring(prefix.length()), t);
        }
      }
      saved.put(i, tensors);
    }
    if (!mismatches.isEmpty()) {
      throw new ShapeException(ShapeMismatch.of("shape.mismatch.state_dict", where,
          "shapes differ for " + String.join(", ", mismatches)
              + "; the state was saved for a model with other sizes"));
    }
    if (!unused.isEmpty()) {
      throw new IllegalArgumentException(
          where + ": unexpected keys " + unused + " (a state of another optimizer or model?)");
    }
    Map<Parameter, S> restored = new IdentityHashMap<>();
    try (TensorScope scope = TensorScope.open();
        NoGradScope noGrad = Torch.noGrad()) {
      int first = 0;
      for (int g = 0; g < groups.size(); g++) {
        List<Parameter> groupParams = groups.get(g).params();
        for (int j = 0; j < groupParams.size(); j++) {
          Map<String, Tensor> tensors = saved.get(first + j);
          if (tensors == null) {
            continue;
          }
          Tensor param = groupParams.get(j).leaf();
          Map<String, Tensor> copies = new LinkedHashMap<>();
          for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            copies.put(e.getKey(),
                e.getValue().to(param.dtype()).to(param.device()).clone());
          }
          long step = Math.round(stateDict.get("state." + (first + j) + ".step").item());
          S s = restore(step, copies, newOptions.get(g));
          for (Tensor t : s.tensors().values()) {
            t.retain();
          }
          restored.put(groupParams.get(j), s);
        }
        first += groupParams.size();
      }
    }
    for (S old : state.values()) {
      for (Tensor t : old.tensors().values()) {
        t.close();
      }
    }
    state.clear();
    state.putAll(restored);
    for (int g = 0; g < groups.size(); g++) {
      groups.set(g, groups.get(g).withOptions(newOptions.get(g)));
    }
  }

  /** The saved tensor {@code name}, or an error naming what is missing. */
  protected static Tensor required(Map<String, Tensor> tensors, String name, String optimizer) {
    Tensor t = tensors.get(name);
    if (t == null) {
      throw new IllegalArgumentException(
          optimizer + ".loadStateDict: the loaded state lacks '" + name + "', which these"
              + " options need");
    }
    return t;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(name).append(" (");
    for (int g = 0; g < groups.size(); g++) {
      sb.append("\nParameter Group ").append(g).append(": ").append(groups.get(g).options());
    }
    return sb.append("\n)").toString();
  }
}
