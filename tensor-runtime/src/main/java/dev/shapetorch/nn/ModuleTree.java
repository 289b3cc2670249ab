package dev.shapetorch.nn;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.MemoryFormat;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/** The traversals behind {@link Module}'s default methods, following PyTorch's order. */
final class ModuleTree {
  private ModuleTree() {}

  /** One module's own entries, as its {@code visitChildren} reported them. */
  record Children(
      Map<String, Parameter> parameters, Map<String, Buffer> buffers, Map<String, Module> modules) {}

  /** Collects a module's own entries, checking names. */
  static Children children(Module module) {
    Map<String, Parameter> params = new LinkedHashMap<>();
    Map<String, Buffer> buffers = new LinkedHashMap<>();
    Map<String, Module> modules = new LinkedHashMap<>();
    Set<String> names = new LinkedHashSet<>();
    ModuleVisitor visitor =
        new ModuleVisitor() {
          @Override
          public void parameter(String name, Parameter parameter) {
            if (claim(name) && parameter != null) {
              params.put(name, parameter);
            }
          }

          @Override
          public void buffer(String name, Buffer buffer) {
            if (claim(name) && buffer != null) {
              buffers.put(name, buffer);
            }
          }

          @Override
          public void module(String name, Module child) {
            if (claim(name) && child != null) {
              modules.put(name, child);
            }
          }

          private boolean claim(String name) {
            if (name == null || name.isEmpty() || name.contains(".")) {
              throw new IllegalStateException(
                  module.getClass().getSimpleName()
                      + ".visitChildren: invalid name \""
                      + name
                      + "\" (names must be non-empty and contain no dot)");
            }
            if (!names.add(name)) {
              throw new IllegalStateException(
                  module.getClass().getSimpleName()
                      + ".visitChildren: the name \""
                      + name
                      + "\" is visited twice");
            }
            return true;
          }
        };
    module.visitChildren(visitor);
    if (module instanceof AbstractModule am) {
      // PyTorch deletes the replaced parameter and appends the new entries to the module's own.
      for (Reparametrization r : am.reparametrizations()) {
        params.remove(r.target());
        r.visitChildren(visitor);
      }
    }
    return new Children(params, buffers, modules);
  }

  static Map<String, Module> namedModules(Module root) {
    Map<String, Module> out = new LinkedHashMap<>();
    collectModules(root, "", Collections.newSetFromMap(new IdentityHashMap<>()), out);
    return out;
  }

  private static void collectModules(
      Module m, String prefix, Set<Module> seen, Map<String, Module> out) {
    if (!seen.add(m)) {
      return;
    }
    out.put(prefix, m);
    for (Map.Entry<String, Module> e : children(m).modules().entrySet()) {
      collectModules(e.getValue(), join(prefix, e.getKey()), seen, out);
    }
  }

  static Map<String, Parameter> namedParameters(Module root) {
    Map<String, Parameter> out = new LinkedHashMap<>();
    Set<Parameter> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Map.Entry<String, Module> m : namedModules(root).entrySet()) {
      for (Map.Entry<String, Parameter> p : children(m.getValue()).parameters().entrySet()) {
        if (seen.add(p.getValue())) {
          out.put(join(m.getKey(), p.getKey()), p.getValue());
        }
      }
    }
    return out;
  }

  static Map<String, Buffer> namedBuffers(Module root) {
    Map<String, Buffer> out = new LinkedHashMap<>();
    Set<Buffer> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Map.Entry<String, Module> m : namedModules(root).entrySet()) {
      for (Map.Entry<String, Buffer> b : children(m.getValue()).buffers().entrySet()) {
        if (seen.add(b.getValue())) {
          out.put(join(m.getKey(), b.getKey()), b.getValue());
        }
      }
    }
    return out;
  }

  static void apply(Module m, Consumer<? super Module> fn) {
    Arguments.requireNonNull(fn, "fn");
    for (Module child : children(m).modules().values()) {
      apply(child, fn);
    }
    fn.accept(m);
  }

  /** A state entry: the holder and how to read or write it. */
  private record Slot(Parameter parameter, Buffer buffer) {
    Tensor get() {
      return parameter != null ? parameter.get() : buffer.get();
    }
  }

  private static Map<String, Slot> slots(Module root) {
    Map<String, Slot> out = new LinkedHashMap<>();
    collectSlots(root, "", out);
    return out;
  }

  private static void collectSlots(Module m, String prefix, Map<String, Slot> out) {
    Children c = children(m);
    for (Map.Entry<String, Parameter> p : c.parameters().entrySet()) {
      out.put(prefix + p.getKey(), new Slot(p.getValue(), null));
    }
    for (Map.Entry<String, Buffer> b : c.buffers().entrySet()) {
      if (b.getValue().persistent()) {
        out.put(prefix + b.getKey(), new Slot(null, b.getValue()));
      }
    }
    for (Map.Entry<String, Module> child : c.modules().entrySet()) {
      collectSlots(child.getValue(), prefix + child.getKey() + ".", out);
    }
  }

  static Map<String, Tensor> stateDict(Module root) {
    Map<String, Tensor> out = new LinkedHashMap<>();
    for (Map.Entry<String, Slot> e : slots(root).entrySet()) {
      Tensor d = e.getValue().get().detach();
      StateChecks.keep(d);
      out.put(e.getKey(), d);
    }
    return out;
  }

  static Module.LoadResult loadStateDict(Module root, Map<String, Tensor> state, boolean strict) {
    Arguments.requireNonNull(state, "state").forEach((k, v) -> {
      if (k == null) {
        throw Arguments.invalid(null, "state has a null key; every entry is named");
      }
      Arguments.requireNonNull(v, "state[\"" + k + "\"]");
    });
    Map<String, Slot> slots = slots(root);
    List<String> missing = new ArrayList<>();
    List<String> mismatches = new ArrayList<>();
    for (Map.Entry<String, Slot> e : slots.entrySet()) {
      Tensor given = state.get(e.getKey());
      if (given == null) {
        missing.add(e.getKey());
      } else if (!StateChecks.sameShape(e.getValue().get(), given)) {
        mismatches.add(
            e.getKey()
                + " (model "
                + e.getValue().get().shapeOf()
                + ", state dict "
                + given.shapeOf()
                + ")");
      }
    }
    List<String> unexpected = new ArrayList<>();
    for (String key : state.keySet()) {
      if (!slots.containsKey(key)) {
        unexpected.add(key);
      }
    }
    if (!mismatches.isEmpty()) {
      throw StateChecks.stateDictMismatch(mismatches);
    }
    if (strict && !(missing.isEmpty() && unexpected.isEmpty())) {
      throw new IllegalArgumentException(
          "Module.loadStateDict: the state dict does not match the model: missing keys "
              + missing
              + ", unexpected keys "
              + unexpected
              + " (pass strict=false to load the matching entries only)");
    }
    try (var noGrad = Torch.noGrad()) {
      for (Map.Entry<String, Slot> e : slots.entrySet()) {
        Tensor given = state.get(e.getKey());
        if (given != null) {
          e.getValue().get().copy_(given);
        }
      }
    }
    return new Module.LoadResult(missing, unexpected);
  }

  /** Replaces every parameter and buffer of the tree by {@code f} of it. */
  static void replaceAll(Module root, UnaryOperator<Tensor> f, boolean floatingOnly) {
    for (Parameter p : namedParameters(root).values()) {
      if (!floatingOnly || p.get().dtype().isFloatingPoint()) {
        p.set(f.apply(p.get()));
      }
    }
    for (Buffer b : namedBuffers(root).values()) {
      if (!floatingOnly || b.get().dtype().isFloatingPoint()) {
        b.set(f.apply(b.get()));
      }
    }
  }

  static void castFloating(Module root, DType dtype) {
    if (!Arguments.requireNonNull(dtype, "dtype").isFloatingPoint()) {
      throw new IllegalArgumentException(
          "Module.to: " + dtype + " is not a floating-point dtype (modules cast only floats)");
    }
    replaceAll(root, t -> t.to(dtype), true);
  }

  static void layOut(Module root, MemoryFormat format) {
    Arguments.requireNonNull(format, "format");
    if (format == MemoryFormat.PRESERVE) {
      throw new IllegalArgumentException("Module.to: PRESERVE keeps every layout, so there is"
          + " nothing to do; give CONTIGUOUS, CHANNELS_LAST or CHANNELS_LAST_3D");
    }
    replaceAll(root, t -> appliesTo(format, t.dim()) ? t.to(format) : t, false);
  }

  private static boolean appliesTo(MemoryFormat format, int dim) {
    return format == MemoryFormat.CONTIGUOUS ? dim == 4 || dim == 5 : format.appliesTo(dim);
  }

  private static String join(String prefix, String name) {
    return prefix.isEmpty() ? name : prefix + "." + name;
  }
}
