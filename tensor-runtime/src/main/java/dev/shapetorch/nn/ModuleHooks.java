package dev.shapetorch.nn;

import dev.shapetorch.tensor.AutogradFunction;
import dev.shapetorch.tensor.FunctionContext;
import dev.shapetorch.tensor.RemovableHandle;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * One module's hooks, and the call that runs them around its {@code forward}, in PyTorch's
 * order ({@code Module._call_impl}): forward pre-hooks, the backward hooks' identity on the
 * inputs, {@code forward}, forward hooks, the backward hooks' identity on the output.
 *
 * <p>The backward side is two identity {@link AutogradFunction}s, as PyTorch's {@code
 * BackwardHookFunction}: one over the output's tensors, whose backward sees every output gradient
 * at once (and runs the backward pre-hooks), and one over the inputs' tensors, whose backward sees
 * every input gradient at once (and runs the backward hooks, which may replace them).
 */
final class ModuleHooks {
  private final List<ForwardPreHook> preHooks = new CopyOnWriteArrayList<>();
  private final List<ForwardHook> forwardHooks = new CopyOnWriteArrayList<>();
  private final List<BackwardPreHook> backwardPreHooks = new CopyOnWriteArrayList<>();
  private final List<BackwardHook> backwardHooks = new CopyOnWriteArrayList<>();

  RemovableHandle addPre(Module module, ForwardPreHook hook, boolean prepend) {
    return add(preHooks, nonNull(module, "registerForwardPreHook", hook), prepend);
  }

  RemovableHandle addForward(Module module, ForwardHook hook, boolean prepend) {
    return add(forwardHooks, nonNull(module, "registerForwardHook", hook), prepend);
  }

  RemovableHandle addBackwardPre(Module module, BackwardPreHook hook) {
    return add(backwardPreHooks, nonNull(module, "registerFullBackwardPreHook", hook), false);
  }

  RemovableHandle addBackward(Module module, BackwardHook hook) {
    return add(backwardHooks, nonNull(module, "registerFullBackwardHook", hook), false);
  }

  private static <H> H nonNull(Module module, String method, H hook) {
    if (hook == null) {
      throw new IllegalArgumentException(module.getClass().getSimpleName() + "." + method
          + ": the hook is null; pass a function (it may return null to change nothing)");
    }
    return hook;
  }

  private static <H> RemovableHandle add(List<H> hooks, H hook, boolean prepend) {
    // A wrapper per registration, so that registering one lambda twice gives two handles that
    // each remove their own registration.
    Registration<H> registration = new Registration<>(hook);
    @SuppressWarnings("unchecked")
    List<Object> raw = (List<Object>) (List<?>) hooks;
    if (prepend) {
      raw.add(0, registration);
    } else {
      raw.add(registration);
    }
    return () -> raw.remove(registration);
  }

  private record Registration<H>(H hook) {
    @Override
    public boolean equals(Object o) {
      return this == o;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(this);
    }
  }

  @SuppressWarnings("unchecked")
  private static <H> List<H> snapshot(List<H> hooks) {
    List<H> out = new ArrayList<>(hooks.size());
    for (Object r : hooks) {
      out.add(((Registration<H>) r).hook());
    }
    return out;
  }

  boolean isEmpty() {
    return preHooks.isEmpty() && forwardHooks.isEmpty() && backwardPreHooks.isEmpty()
        && backwardHooks.isEmpty();
  }

  /** Runs {@code forward} on {@code args} with the hooks around it. */
  Object call(Module module, List<Object> args, Function<List<Object>, ?> forward) {
    String name = module.getClass().getSimpleName();
    List<Object> current = Collections.unmodifiableList(new ArrayList<>(args));
    for (ForwardPreHook hook : snapshot(preHooks)) {
      List<?> replaced = hook.apply(module, current);
      if (replaced != null) {
        current = checkedArguments(name, current, replaced);
      }
    }
    List<BackwardPreHook> bwPre = snapshot(backwardPreHooks);
    List<BackwardHook> bw = snapshot(backwardHooks);
    BackwardPass pass = null;
    if ((!bwPre.isEmpty() || !bw.isEmpty()) && Torch.isGradEnabled()) {
      pass = new BackwardPass(module, bwPre, bw);
      current = pass.hookInputs(current);
    }
    Object output = forward.apply(current);
    for (ForwardHook hook : snapshot(forwardHooks)) {
      Object replaced = hook.apply(module, current, output);
      if (replaced != null) {
        if (output != null && !output.getClass().isInstance(replaced)
            && !(output instanceof Tensor && replaced instanceof Tensor)) {
          throw new IllegalStateException(name + ": a forward hook returned a "
              + replaced.getClass().getSimpleName() + " but forward returns a "
              + output.getClass().getSimpleName() + "; return an output of the same kind, or"
              + " null to keep it");
        }
        output = replaced;
      }
    }
    if (pass != null) {
      output = pass.hookOutput(output);
    }
    return output;
  }

  private static List<Object> checkedArguments(String name, List<Object> args, List<?> replaced) {
    if (replaced.size() != args.size()) {
      throw new IllegalStateException(name + ": a forward pre-hook returned " + replaced.size()
          + " arguments but forward takes " + args.size() + "; return one per argument, or"
          + " null to keep them");
    }
    for (int i = 0; i < args.size(); i++) {
      Object was = args.get(i);
      Object now = replaced.get(i);
      if (was != null && now != null && !was.getClass().isInstance(now)
          && !(was instanceof Tensor && now instanceof Tensor)) {
        throw new IllegalStateException(name + ": a forward pre-hook replaced argument " + i
            + " (a " + was.getClass().getSimpleName() + ") by a "
            + now.getClass().getSimpleName() + "; replace it by one of the same kind");
      }
      if (was instanceof Tensor && now == null) {
        throw new IllegalStateException(name + ": a forward pre-hook replaced argument " + i
            + " (a tensor) by null; return the list with the tensor, or null for the whole"
            + " list to keep the arguments");
      }
    }
    return Collections.unmodifiableList(new ArrayList<>(replaced));
  }

  /** One call's backward hooks: the gradients of the output, kept for the input side. */
  private static final class BackwardPass {
    private final Module module;
    private final String name;
    private final List<BackwardPreHook> preHooks;
    private final List<BackwardHook> hooks;
    /** The positions of the tensor arguments, and of those among them that got the identity. */
    private final List<Integer> tensorArgs = new ArrayList<>();
    private final List<Integer> hookedArgs = new ArrayList<>();
    private volatile List<Tensor> gradOutput = List.of();

    BackwardPass(Module module, List<BackwardPreHook> preHooks, List<BackwardHook> hooks) {
      this.module = module;
      this.name = module.getClass().getSimpleName();
      this.preHooks = preHooks;
      this.hooks = hooks;
    }

    List<Object> hookInputs(List<Object> args) {
      List<Tensor> needing = new ArrayList<>();
      for (int i = 0; i < args.size(); i++) {
        if (args.get(i) instanceof Tensor t) {
          tensorArgs.add(i);
          if (t.requiresGrad() && t.dtype().isFloatingPoint()) {
            hookedArgs.add(i);
            needing.add(t);
          }
        }
      }
      if (needing.isEmpty()) {
        return args;
      }
      List<Tensor> through = new InputSide().apply(needing.toArray(Tensor[]::new));
      List<Object> out = new ArrayList<>(args);
      for (int k = 0; k < hookedArgs.size(); k++) {
        out.set(hookedArgs.get(k), through.get(k));
      }
      return Collections.unmodifiableList(out);
    }

    Object hookOutput(Object output) {
      List<Tensor> tensors = tensorsOf(name, output);
      List<Integer> hooked = new ArrayList<>();
      List<Tensor> needing = new ArrayList<>();
      for (int i = 0; i < tensors.size(); i++) {
        Tensor t = tensors.get(i);
        if (t != null && t.requiresGrad() && t.dtype().isFloatingPoint()) {
          hooked.add(i);
          needing.add(t);
        }
      }
      if (needing.isEmpty()) {
        return output;
      }
      List<Tensor> through = new OutputSide().apply(needing.toArray(Tensor[]::new));
      List<Tensor> replaced = new ArrayList<>(tensors);
      for (int k = 0; k < hooked.size(); k++) {
        replaced.set(hooked.get(k), through.get(k));
      }
      return rebuilt(output, replaced);
    }

    /** Copies that outlive the backward's scope: a hook may keep them, as PyTorch's may. */
    private static List<Tensor> own(List<Tensor> grads) {
      List<Tensor> out = new ArrayList<>(grads.size());
      for (Tensor g : grads) {
        out.add(g == null ? null : g.detach().retain());
      }
      return Collections.unmodifiableList(out);
    }

    private List<Tensor> checkedGradients(String what, List<Tensor> was, List<Tensor> now) {
      if (now.size() != was.size()) {
        throw new IllegalStateException(name + ": a " + what + " returned " + now.size()
            + " gradients for " + was.size() + "; return one per entry, or null to keep them");
      }
      for (int i = 0; i < now.size(); i++) {
        Tensor w = was.get(i);
        Tensor n = now.get(i);
        if ((w == null) != (n == null)) {
          throw new IllegalStateException(name + ": a " + what + " returned "
              + (n == null ? "null" : "a gradient") + " for entry " + i + ", which "
              + (w == null ? "needs no gradient" : "has one") + "; keep null exactly where the"
              + " hook got null");
        }
        if (n != null && !n.shapeOf().equals(w.shapeOf())) {
          throw new IllegalStateException(name + ": a " + what + " returned a gradient of shape "
              + n.shapeOf() + " for entry " + i + ", whose gradient is " + w.shapeOf()
              + "; return each gradient in its shape");
        }
      }
      return now;
    }

    /** The identity over the output tensors: sees their gradients, runs the pre-hooks. */
    private final class OutputSide extends AutogradFunction {
      @Override
      protected List<Tensor> forward(FunctionContext ctx, List<Tensor> inputs) {
        return inputs;
      }

      @Override
      protected List<Tensor> backward(FunctionContext ctx, List<Tensor> gradOutputs) {
        List<Tensor> grads = own(gradOutputs);
        for (BackwardPreHook hook : preHooks) {
          List<Tensor> replaced = hook.apply(module, grads);
          if (replaced != null) {
            grads = own(checkedGradients("backward pre-hook", grads, replaced));
          }
        }
        gradOutput = grads;
        if (hookedArgs.isEmpty()) {
          // No input needs a gradient, so the input side never runs: call the hooks here with
          // a null per tensor argument, as PyTorch does; what they return has nothing to replace.
          List<Tensor> none = Collections.unmodifiableList(
              Arrays.asList(new Tensor[tensorArgs.size()]));
          for (BackwardHook hook : hooks) {
            hook.apply(module, none, grads);
          }
        }
        return grads;
      }

      @Override
      protected String name() {
        return name + " backward hook";
      }
    }

    /** The identity over the input tensors: sees their gradients, runs the hooks. */
    private final class InputSide extends AutogradFunction {
      @Override
      protected List<Tensor> forward(FunctionContext ctx, List<Tensor> inputs) {
        return inputs;
      }

      @Override
      protected List<Tensor> backward(FunctionContext ctx, List<Tensor> gradOutputs) {
        // One entry per tensor argument, null for those that need no gradient.
        Tensor[] all = new Tensor[tensorArgs.size()];
        List<Tensor> owned = own(gradOutputs);
        for (int k = 0; k < hookedArgs.size(); k++) {
          all[tensorArgs.indexOf(hookedArgs.get(k))] = owned.get(k);
        }
        List<Tensor> gradInput = Collections.unmodifiableList(Arrays.asList(all));
        for (BackwardHook hook : hooks) {
          List<Tensor> replaced = hook.apply(module, gradInput, gradOutput);
          if (replaced != null) {
            gradInput = own(checkedGradients("backward hook", gradInput, replaced));
          }
        }
        List<Tensor> out = new ArrayList<>(hookedArgs.size());
        for (int k = 0; k < hookedArgs.size(); k++) {
          out.add(gradInput.get(tensorArgs.indexOf(hookedArgs.get(k))));
        }
        return out;
      }

      @Override
      protected String name() {
        return name + " backward hook";
      }
    }
  }

  /** The tensors of an output: a tensor, a list's tensors, or a record's tensor components. */
  static List<Tensor> tensorsOf(String name, Object output) {
    if (output instanceof Tensor t) {
      return List.of(t);
    }
    List<Tensor> out = new ArrayList<>();
    if (output instanceof List<?> list) {
      for (Object o : list) {
        out.add(o instanceof Tensor t ? t : null);
      }
      return out;
    }
    if (output != null && output.getClass().isRecord()) {
      for (RecordComponent c : output.getClass().getRecordComponents()) {
        Object v = component(c, output);
        out.add(v instanceof Tensor t ? t : null);
      }
      return out;
    }
    throw new IllegalStateException(name + ": backward hooks need a forward that returns a"
        + " tensor, a list of tensors or a record of tensors, but it returned "
        + (output == null ? "null" : "a " + output.getClass().getSimpleName())
        + "; register the hook on a submodule that returns tensors");
  }

  private static Object component(RecordComponent c, Object record) {
    try {
      var accessor = c.getAccessor();
      accessor.setAccessible(true);
      return accessor.invoke(record);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException("cannot read " + record.getClass().getSimpleName() + "."
          + c.getName() + " for a backward hook: " + e, e);
    }
  }

  /** {@code output} with its tensors replaced, in {@link #tensorsOf}'s order. */
  static Object rebuilt(Object output, List<Tensor> tensors) {
    if (output instanceof Tensor) {
      return tensors.get(0);
    }
    if (output instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      for (int i = 0; i < list.size(); i++) {
        out.add(tensors.get(i) != null ? tensors.get(i) : list.get(i));
      }
      return Collections.unmodifiableList(out);
    }
    RecordComponent[] components = output.getClass().getRecordComponents();
    Object[] values = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
      values[i] = tensors.get(i) != null ? tensors.get(i) : component(components[i], output);
    }
    try {
      Constructor<?> canonical = output.getClass().getDeclaredConstructor(types);
      canonical.setAccessible(true);
      return canonical.newInstance(values);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException("cannot rebuild " + output.getClass().getSimpleName()
          + " for a backward hook: " + e, e);
    }
  }
}
