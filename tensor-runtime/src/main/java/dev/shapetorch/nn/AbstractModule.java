package dev.shapetorch.nn;

import dev.shapetorch.tensor.RemovableHandle;
import dev.shapetorch.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A {@link Module} that keeps its own training flag, hooks and reparametrizations, as PyTorch's
 * {@code nn.Module} does. Every built-in layer extends it; a user's class-based model may too (a
 * record cannot, and reports its submodules' mode instead).
 *
 * <p>Hooks: {@link #registerForwardPreHook}, {@link #registerForwardHook}, {@link
 * #registerFullBackwardPreHook} and {@link #registerFullBackwardHook} run around every call of
 * the module's {@code forward}, in PyTorch's order, and each returns a handle that removes it:
 *
 * <pre>{@code
 * List<Tensor> seen = new ArrayList<>();
 * try (RemovableHandle h = model.fc1().registerForwardHook((m, args, out) -> {
 *   seen.add(((Tensor) out).detach());
 *   return null;
 * })) {
 *   model.forward(x);
 * }
 * }</pre>
 *
 * <p>Every built-in layer's {@code forward} runs its body through {@link #runForward}; a user's
 * subclass does the same to make its own {@code forward} hookable.
 *
 * <p>Shape: none of its own; subclasses document their hyperparameters.
 */
public abstract class AbstractModule implements Module {
  private boolean training = true;
  private volatile ModuleHooks hooks;
  private final Map<String, Reparametrization> reparametrizations =
      Collections.synchronizedMap(new LinkedHashMap<>());

  /** A module in training mode. */
  protected AbstractModule() {}

  @Override
  public boolean isTraining() {
    return training;
  }

  @Override
  public void setOwnTraining(boolean mode) {
    training = mode;
  }

  private ModuleHooks hooks() {
    ModuleHooks h = hooks;
    if (h == null) {
      synchronized (this) {
        h = hooks;
        if (h == null) {
          h = new ModuleHooks();
          hooks = h;
        }
      }
    }
    return h;
  }

  /**
   * Runs {@code hook} before every {@code forward} of this module, after those registered
   * earlier: PyTorch's {@code register_forward_pre_hook}. The hook may replace the arguments.
   *
   * @return a handle whose {@code remove()} unregisters it
   */
  public final RemovableHandle registerForwardPreHook(ForwardPreHook hook) {
    return hooks().addPre(this, hook, false);
  }

  /**
   * {@link #registerForwardPreHook(ForwardPreHook)}, before all others when {@code prepend}
   * (PyTorch's {@code prepend=True}).
   */
  public final RemovableHandle registerForwardPreHook(ForwardPreHook hook, boolean prepend) {
    return hooks().addPre(this, hook, prepend);
  }

  /**
   * Runs {@code hook} after every {@code forward} of this module, after those registered
   * earlier: PyTorch's {@code register_forward_hook}. The hook may replace the output.
   *
   * @return a handle whose {@code remove()} unregisters it
   */
  public final RemovableHandle registerForwardHook(ForwardHook hook) {
    return hooks().addForward(this, hook, false);
  }

  /**
   * {@link #registerForwardHook(ForwardHook)}, before all others when {@code prepend}.
   */
  public final RemovableHandle registerForwardHook(ForwardHook hook, boolean prepend) {
    return hooks().addForward(this, hook, prepend);
  }

  /**
   * Runs {@code hook} when the gradients of the output of a call of this module have been
   * computed, before the module's own backward: PyTorch's {@code
   * register_full_backward_pre_hook}. It applies to calls made after it is registered, in
   * gradient mode.
   *
   * @return a handle whose {@code remove()} unregisters it
   */
  public final RemovableHandle registerFullBackwardPreHook(BackwardPreHook hook) {
    return hooks().addBackwardPre(this, hook);
  }

  /**
   * Runs {@code hook} when the gradients of the inputs of a call of this module have been
   * computed: PyTorch's {@code register_full_backward_hook}. It applies to calls made after it
   * is registered, in gradient mode; the module's output is then returned through an identity
   * function of the autograd graph (as in PyTorch), so it must not be modified in place.
   *
   * @return a handle whose {@code remove()} unregisters it
   */
  public final RemovableHandle registerFullBackwardHook(BackwardHook hook) {
    return hooks().addBackward(this, hook);
  }

  /**
   * Runs {@code body} on {@code input} with this module's hooks around it: what a unary
   * module's {@code forward} returns. Without hooks it is {@code body.apply(input)}.
   *
   * <pre>{@code
   * public Tensor forward(Tensor input) {
   *   return runForward(input, x -> F.relu(fc.forward(x)));
   * }
   * }</pre>
   */
  protected final Tensor runForward(Tensor input, UnaryOperator<Tensor> body) {
    ModuleHooks h = hooks;
    if (h == null || h.isEmpty()) {
      return body.apply(input);
    }
    return (Tensor) h.call(this, Collections.singletonList(input),
        args -> body.apply((Tensor) args.get(0)));
  }

  /**
   * Runs {@code body} on {@code args} with this module's hooks around it: what a {@code forward}
   * of several arguments returns. {@code body} reads its arguments from the list it is given
   * (which a pre-hook may have replaced), in the order of {@code args}; an absent optional
   * argument is null.
   *
   * <pre>{@code
   * public Tensor forward(Tensor input, Tensor target) {
   *   return runForward(body -> lossOf(body.get(0), body.get(1)), input, target);
   * }
   * }</pre>
   */
  @SuppressWarnings("unchecked")
  protected final <R> R runForward(Function<List<Object>, R> body, @Nullable Object... args) {
    List<Object> list = Collections.unmodifiableList(Arrays.asList(args.clone()));
    ModuleHooks h = hooks;
    if (h == null || h.isEmpty()) {
      return body.apply(list);
    }
    return (R) h.call(this, list, body);
  }

  /**
   * Replaces the parameter {@link Reparametrization#target()} of this module by {@code
   * reparametrization}'s entries in every traversal; the caller also registers the forward
   * pre-hook that computes the value. For {@code dev.shapetorch.nn.utils}' weight norm,
   * spectral norm and pruning.
   *
   * @throws IllegalArgumentException if the module has no parameter of that name, or it is
   *     already replaced
   */
  public final void reparametrize(Reparametrization reparametrization) {
    if (reparametrization == null) {
      throw new IllegalArgumentException(getClass().getSimpleName() + ".reparametrize: the"
          + " reparametrization is null");
    }
    String target = reparametrization.target();
    synchronized (reparametrizations) {
      if (reparametrizations.containsKey(target)) {
        throw new IllegalArgumentException(getClass().getSimpleName() + ": the parameter \""
            + target + "\" is already reparametrized (" + reparametrizations.get(target)
            + "); remove that first");
      }
      if (ownParameter(target) == null) {
        throw new IllegalArgumentException(getClass().getSimpleName() + " has no parameter \""
            + target + "\"; its parameters are " + ownParameterNames());
      }
      reparametrizations.put(target, reparametrization);
    }
  }

  /** The reparametrization of parameter {@code target}, or null if it has none. */
  public final @Nullable Reparametrization reparametrization(String target) {
    return reparametrizations.get(target);
  }

  /**
   * Undoes {@link #reparametrize} for {@code target}, so that traversals see the parameter
   * again; the caller sets its value.
   *
   * @return the removed reparametrization
   * @throws IllegalArgumentException if {@code target} is not reparametrized
   */
  public final Reparametrization removeReparametrization(String target) {
    Reparametrization removed = reparametrizations.remove(target);
    if (removed == null) {
      throw new IllegalArgumentException(getClass().getSimpleName() + ": the parameter \""
          + target + "\" is not reparametrized");
    }
    return removed;
  }

  /** The reparametrizations in registration order. */
  final List<Reparametrization> reparametrizations() {
    synchronized (reparametrizations) {
      return new ArrayList<>(reparametrizations.values());
    }
  }

  /**
   * This module's own parameter {@code name} as its {@code visitChildren} reports it (a
   * reparametrized one included), or null.
   */
  public final @Nullable Parameter ownParameter(String name) {
    Parameter[] found = new Parameter[1];
    visitChildren(new OwnParameters((n, p) -> {
      if (n.equals(name)) {
        found[0] = p;
      }
    }));
    return found[0];
  }

  private List<String> ownParameterNames() {
    List<String> names = new ArrayList<>();
    visitChildren(new OwnParameters((n, p) -> names.add(n)));
    return names;
  }

  private record OwnParameters(java.util.function.BiConsumer<String, Parameter> sink)
      implements ModuleVisitor {
    @Override
    public void parameter(String name, Parameter parameter) {
      if (parameter != null) {
        sink.accept(name, parameter);
      }
    }

    @Override
    public void buffer(String name, Buffer buffer) {}

    @Override
    public void module(String name, Module module) {}
  }
}
