package dev.shapetorch.nn.utils;

import dev.shapetorch.nn.AbstractModule;
import dev.shapetorch.nn.Buffer;
import dev.shapetorch.nn.Module;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.Parameter;
import dev.shapetorch.nn.Reparametrization;
import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Pruning: PyTorch's {@code torch.nn.utils.prune}. Pruning parameter {@code w} of a module
 * replaces it by {@code w_orig} (the parameter, still trained) and a buffer {@code w_mask} of
 * zeros and ones, and recomputes {@code w = w_orig * w_mask} before every forward, so pruned
 * entries stay zero and get no gradient:
 *
 * <pre>{@code
 * Prune.l1Unstructured(fc, "weight", 0.3);    // the 30% of weights smallest in magnitude
 * Prune.lnStructured(conv, "weight", 0.5, 2, 0); // half the output channels, by L2 norm
 * Prune.remove(fc, "weight");                 // make it permanent: weight is a parameter again
 * }</pre>
 *
 * <p>{@code amount} is, as in PyTorch, a fraction in {@code [0, 1]} when a {@code double} and
 * a number of entries (or channels) when an {@code int}. Pruning the same parameter again
 * prunes among what is left: an unstructured amount counts the entries not yet pruned, a
 * structured one the channels not yet entirely pruned, and the masks multiply.
 *
 * <p>Unlike PyTorch's, the mask is computed in Java from the values (a sort by magnitude),
 * which breaks ties between equal magnitudes by position; PyTorch's {@code topk} leaves them
 * unspecified.
 *
 * <p>Shape: {@code w_orig} and {@code w_mask} have the parameter's shape.
 */
public final class Prune {
  private Prune() {}

  /** The parameter {@code name} of {@code module}, for {@link #globalUnstructured}. */
  public record Target(Module module, String name) {}

  /** The methods {@link #globalUnstructured} can use. */
  public enum GlobalMethod {
    /** The entries smallest in magnitude across all the parameters (PyTorch's L1Unstructured). */
    L1,
    /** Entries chosen uniformly at random (PyTorch's RandomUnstructured). */
    RANDOM
  }

  /** Applies a mask of ones: the parameter is reparametrized, nothing is pruned. */
  public static <M extends Module> M identity(M module, String name) {
    return apply("Prune.identity", module, name, (t, size) -> ones(t), Kind.UNSTRUCTURED, -1);
  }

  /** Prunes the fraction {@code amount} of the remaining entries, chosen at random. */
  public static <M extends Module> M randomUnstructured(M module, String name, double amount) {
    return unstructured("Prune.randomUnstructured", module, name,
        Amount.of("Prune.randomUnstructured", amount), false);
  }

  /** Prunes {@code amount} of the remaining entries, chosen at random. */
  public static <M extends Module> M randomUnstructured(M module, String name, int amount) {
    return unstructured("Prune.randomUnstructured", module, name,
        Amount.of("Prune.randomUnstructured", amount), false);
  }

  /** Prunes the fraction {@code amount} of the remaining entries smallest in magnitude. */
  public static <M extends Module> M l1Unstructured(M module, String name, double amount) {
    return unstructured("Prune.l1Unstructured", module, name,
        Amount.of("Prune.l1Unstructured", amount), true);
  }

  /** Prunes the {@code amount} remaining entries smallest in magnitude. */
  public static <M extends Module> M l1Unstructured(M module, String name, int amount) {
    return unstructured("Prune.l1Unstructured", module, name,
        Amount.of("Prune.l1Unstructured", amount), true);
  }

  /** Prunes the fraction {@code amount} of the remaining channels along {@code dim}, at random. */
  public static <M extends Module> M randomStructured(M module, String name, double amount,
      int dim) {
    return structured("Prune.randomStructured", module, name,
        Amount.of("Prune.randomStructured", amount), Double.NaN, dim);
  }

  /** Prunes {@code amount} of the remaining channels along {@code dim}, at random. */
  public static <M extends Module> M randomStructured(M module, String name, int amount,
      int dim) {
    return structured("Prune.randomStructured", module, name,
        Amount.of("Prune.randomStructured", amount), Double.NaN, dim);
  }

  /**
   * Prunes the fraction {@code amount} of the remaining channels along {@code dim} with the
   * smallest L{@code n} norm ({@code n} may be {@code Double.POSITIVE_INFINITY}).
   */
  public static <M extends Module> M lnStructured(M module, String name, double amount,
      double n, int dim) {
    return structured("Prune.lnStructured", module, name,
        Amount.of("Prune.lnStructured", amount), checkN(n), dim);
  }

  /** Prunes the {@code amount} remaining channels along {@code dim} with the smallest norm. */
  public static <M extends Module> M lnStructured(M module, String name, int amount, double n,
      int dim) {
    return structured("Prune.lnStructured", module, name,
        Amount.of("Prune.lnStructured", amount), checkN(n), dim);
  }

  /**
   * Prunes with a mask of the parameter's shape, zeros where to prune; multiplies an existing
   * mask.
   *
   * @throws IllegalArgumentException if the mask's shape differs from the parameter's
   */
  public static <M extends Module> M customFromMask(M module, String name, Tensor mask) {
    if (mask == null) {
      throw new IllegalArgumentException("Prune.customFromMask: the mask is null");
    }
    return apply("Prune.customFromMask", module, name, (t, size) -> {
      if (!Arrays.equals(mask.shape(), t.shape())) {
        throw new IllegalArgumentException("Prune.customFromMask: the mask is " + mask.shapeOf()
            + " but \"" + name + "\" is " + t.shapeOf() + "; give a mask of the parameter's"
            + " shape");
      }
      return mask.to(DType.FLOAT64).toDoubleArray();
    }, Kind.GLOBAL, -1);
  }

  /**
   * Prunes the fraction {@code amount} of the entries of all the {@code parameters} together:
   * with {@link GlobalMethod#L1}, the smallest in magnitude across them, so that layers lose
   * different fractions (PyTorch's {@code global_unstructured}).
   */
  public static void globalUnstructured(List<Target> parameters, GlobalMethod method,
      double amount) {
    global(parameters, method, Amount.of("Prune.globalUnstructured", amount));
  }

  /** {@link #globalUnstructured(List, GlobalMethod, double)} with a number of entries. */
  public static void globalUnstructured(List<Target> parameters, GlobalMethod method,
      int amount) {
    global(parameters, method, Amount.of("Prune.globalUnstructured", amount));
  }

  /**
   * Makes the pruning of {@code name} permanent: the parameter holds {@code w_orig * w_mask}
   * again and {@code w_orig} and {@code w_mask} go.
   *
   * @throws IllegalArgumentException {@code Parameter 'name' of module ... has to be pruned
   *     before pruning can be removed}
   */
  public static <M extends Module> M remove(M module, String name) {
    if (!(module instanceof AbstractModule am) || !(am.reparametrization(name)
        instanceof Pruned p)) {
      throw new IllegalArgumentException("Prune.remove: parameter '" + name + "' of module "
          + (module == null ? "null" : module.getClass().getSimpleName())
          + " has to be pruned before pruning can be removed");
    }
    p.uninstall();
    return module;
  }

  /** True if a module of {@code module}'s tree has a pruned parameter. */
  public static boolean isPruned(Module module) {
    if (module == null) {
      throw new IllegalArgumentException("Prune.isPruned: the module is null");
    }
    for (Module m : module.modules()) {
      if (m instanceof AbstractModule am) {
        for (var e : am.namedParameters().keySet()) {
          if (!e.contains(".") && e.endsWith("_orig")
              && am.reparametrization(e.substring(0, e.length() - 5)) instanceof Pruned) {
            return true;
          }
        }
      }
    }
    return false;
  }

  // ---------------------------------------------------------------------------------------------

  private enum Kind { UNSTRUCTURED, STRUCTURED, GLOBAL }

  /** A mask over some values: 1 keeps, 0 prunes. {@code size} is what an amount counts. */
  @FunctionalInterface
  private interface MaskMethod {
    double[] mask(Tensor values, long size);
  }

  /** PyTorch's amount: a fraction (double) or a count (int). */
  private record Amount(double fraction, long count, boolean isCount) {
    static Amount of(String function, double fraction) {
      if (!(fraction >= 0 && fraction <= 1)) {
        throw new IllegalArgumentException(
            function + ": amount=" + fraction + " should either be a float in"
            + " the range [0, 1] or a non-negative integer");
      }
      return new Amount(fraction, 0, false);
    }

    static Amount of(String function, int count) {
      if (count < 0) {
        throw new IllegalArgumentException(
            function + ": amount=" + count + " should either be a float in the"
            + " range [0, 1] or a non-negative integer");
      }
      return new Amount(0, count, true);
    }

    /** How many of {@code size} to prune: the count, or the fraction rounded half to even. */
    long toPrune(String function, long size) {
      if (isCount) {
        if (count > size) {
          throw new IllegalArgumentException(function + ": amount=" + count + " should be"
              + " smaller than the number of parameters to prune=" + size);
        }
        return count;
      }
      return (long) Math.rint(fraction * size);
    }

    @Override
    public String toString() {
      return isCount ? Long.toString(count) : Double.toString(fraction);
    }
  }

  private static double checkN(double n) {
    if (Double.isNaN(n) || n == 0) {
      throw new IllegalArgumentException("Prune.lnStructured: n must be a positive number or"
          + " infinity, got " + n);
    }
    return n;
  }

  private static double[] ones(Tensor t) {
    double[] m = new double[(int) t.numel()];
    Arrays.fill(m, 1);
    return m;
  }

  /** Indices of {@code score} sorted ascending, ties by position. */
  private static Integer[] ascending(double[] score) {
    Integer[] order = new Integer[score.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble(i -> score[i]));
    return order;
  }

  private static <M extends Module> M unstructured(String function, M module, String name,
      Amount amount, boolean byMagnitude) {
    return apply(function, module, name, (t, size) -> {
      long k = amount.toPrune(function, size);
      double[] score = byMagnitude ? t.abs().to(DType.FLOAT64).toDoubleArray()
          : Torch.rand(t.numel()).to(DType.FLOAT64).toDoubleArray();
      double[] mask = ones(t);
      Integer[] order = ascending(score);
      for (int i = 0; i < k; i++) {
        // By magnitude the smallest go; at random the largest draws go, as PyTorch's topk.
        mask[byMagnitude ? order[i] : order[order.length - 1 - i]] = 0;
      }
      return mask;
    }, Kind.UNSTRUCTURED, -1);
  }

  private static <M extends Module> M structured(String function, M module, String name,
      Amount amount, double n, int dim) {
    // The method sees the remaining channels as rows, [K, entries per channel].
    return apply(function, module, name, (rows, channels) -> {
      long k = amount.toPrune(function, channels);
      double[] score = Double.isNaN(n) ? Torch.rand(channels).to(DType.FLOAT64).toDoubleArray()
          : rows.norm(n, 1, false).toDoubleArray();
      long per = rows.numel() / Math.max(1, channels);
      double[] mask = ones(rows);
      Integer[] order = ascending(score);
      for (int i = 0; i < k; i++) {
        // By norm the smallest go; at random the channels of the smallest draws go.
        int c = order[i];
        Arrays.fill(mask, (int) (c * per), (int) ((c + 1) * per), 0);
      }
      return mask;
    }, Kind.STRUCTURED, dim);
  }

  /** {@code t} with dimension {@code dim} first and the others flattened, as Java values. */
  private static double[] rows(Tensor t, int dim) {
    return t.to(DType.FLOAT64).transpose(0, dim).contiguous().toDoubleArray();
  }

  /** Applies {@code method} to parameter {@code name}, among what an earlier mask left. */
  private static <M extends Module> M apply(String function, M module, String name,
      MaskMethod method, Kind kind, int dim) {
    Pruned existing = module instanceof AbstractModule am && name != null
        && am.reparametrization(name) instanceof Pruned p ? p : null;
    Pruned pruned = existing != null ? existing : new Pruned(function, module, name);
    Tensor values = pruned.orig.get().detach();
    if (kind == Kind.STRUCTURED && (dim < 0 || dim >= values.dim())) {
      throw new IllegalArgumentException(function + ": dim " + dim + " is out of range for \""
          + name + "\" of shape " + values.shapeOf() + "; use a dim in [0, " + values.dim()
          + ")");
    }
    double[] old = existing != null ? existing.mask.get().to(DType.FLOAT64).toDoubleArray()
        : ones(values);
    double[] next = combine(function, kind, dim, method, values, old);
    Tensor mask = Torch.fromArray(next, values.shape()).to(values.dtype()).to(values.device());
    if (existing != null) {
      existing.mask.set(mask);
      existing.replaced.setComputed(existing.compute().detach());
    } else {
      pruned.mask.set(mask);
      pruned.install();
    }
    return module;
  }

  /** PyTorch's {@code PruningContainer._combine_masks}: a new mask among what {@code old} kept. */
  private static double[] combine(String function, Kind kind, int dim, MaskMethod method,
      Tensor values, double[] old) {
    double[] next = old.clone();
    switch (kind) {
      case GLOBAL -> {
        double[] m = method.mask(values, values.numel());
        for (int i = 0; i < next.length; i++) {
          next[i] *= m[i];
        }
      }
      case UNSTRUCTURED -> {
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < old.length; i++) {
          if (old[i] == 1) {
            kept.add(i);
          }
        }
        double[] flat = values.to(DType.FLOAT64).toDoubleArray();
        double[] sub = new double[kept.size()];
        for (int i = 0; i < sub.length; i++) {
          sub[i] = flat[kept.get(i)];
        }
        double[] m = method.mask(Torch.fromArray(sub, sub.length), sub.length);
        for (int i = 0; i < sub.length; i++) {
          next[kept.get(i)] = m[i];
        }
      }
      case STRUCTURED -> {
        long channels = values.shape()[dim];
        int per = (int) (values.numel() / channels);
        double[] oldRows = rows(Torch.fromArray(old, values.shape()), dim);
        double[] valueRows = rows(values, dim);
        List<Integer> keep = new ArrayList<>();
        for (int c = 0; c < channels; c++) {
          for (int i = 0; i < per; i++) {
            if (oldRows[c * per + i] != 0) {
              keep.add(c);
              break;
            }
          }
        }
        double[] sub = new double[keep.size() * per];
        for (int j = 0; j < keep.size(); j++) {
          System.arraycopy(valueRows, keep.get(j) * per, sub, j * per, per);
        }
        double[] m = method.mask(Torch.fromArray(sub, keep.size(), per), keep.size());
        double[] nextRows = oldRows.clone();
        for (int j = 0; j < keep.size(); j++) {
          for (int i = 0; i < per; i++) {
            nextRows[keep.get(j) * per + i] *= m[j * per + i];
          }
        }
        long[] transposed = values.transpose(0, dim).shape();
        next = Torch.fromArray(nextRows, transposed).transpose(0, dim).contiguous()
            .toDoubleArray();
      }
      default -> throw new IllegalStateException(function + ": " + kind);
    }
    return next;
  }

  private static void global(List<Target> parameters, GlobalMethod method, Amount amount) {
    if (parameters == null || parameters.isEmpty()) {
      throw new IllegalArgumentException(
          "Prune.globalUnstructured: give at least one (module, name)"
          + " target");
    }
    if (method == null) {
      throw new IllegalArgumentException("Prune.globalUnstructured: the method is null");
    }
    List<double[]> values = new ArrayList<>();
    List<double[]> masks = new ArrayList<>();
    int total = 0;
    for (Target t : parameters) {
      if (t == null || t.module() == null) {
        throw new IllegalArgumentException(
            "Prune.globalUnstructured: a target or its module is null");
      }
      Parameter p = findParameter(t);
      Tensor current = p.get().detach();   // the masked value when already pruned, as PyTorch
      values.add(current.to(DType.FLOAT64).toDoubleArray());
      Reparametrization r = ((AbstractModule) t.module()).reparametrization(t.name());
      masks.add(r instanceof Pruned pr ? pr.mask.get().to(DType.FLOAT64).toDoubleArray()
          : ones(current));
      total += values.get(values.size() - 1).length;
    }
    double[] all = new double[total];
    double[] allMask = new double[total];
    for (int i = 0, at = 0; i < values.size(); i++) {
      System.arraycopy(values.get(i), 0, all, at, values.get(i).length);
      System.arraycopy(masks.get(i), 0, allMask, at, masks.get(i).length);
      at += values.get(i).length;
    }
    String function = "Prune.globalUnstructured";
    MaskMethod m = (t, size) -> {
      long k = amount.toPrune(function, size);
      double[] score = method == GlobalMethod.L1 ? t.abs().to(DType.FLOAT64).toDoubleArray()
          : Torch.rand(t.numel()).to(DType.FLOAT64).toDoubleArray();
      double[] mask = ones(t);
      Integer[] order = ascending(score);
      for (int i = 0; i < k; i++) {
        mask[method == GlobalMethod.L1 ? order[i] : order[order.length - 1 - i]] = 0;
      }
      return mask;
    };
    double[] next = combine(function, Kind.UNSTRUCTURED, -1, m, Torch.fromArray(all, total),
        allMask);
    for (int i = 0, at = 0; i < parameters.size(); i++) {
      Target t = parameters.get(i);
      int n = values.get(i).length;
      double[] part = Arrays.copyOfRange(next, at, at + n);
      at += n;
      Tensor shapeOf = findParameter(t).get();
      customFromMask(t.module(), t.name(), Torch.fromArray(part, shapeOf.shape()));
    }
  }

  private static Parameter findParameter(Target t) {
    if (!(t.module() instanceof AbstractModule am)) {
      throw new IllegalArgumentException("Prune.globalUnstructured: "
          + t.module().getClass().getSimpleName() + " is a record module; name the layer that"
          + " owns the parameter");
    }
    Parameter p = am.ownParameter(t.name());
    if (p == null) {
      throw new IllegalArgumentException("Prune.globalUnstructured: "
          + t.module().getClass().getSimpleName() + " has no parameter \"" + t.name() + "\"");
    }
    return p;
  }

  /** A pruned parameter: {@code name_orig} and {@code name_mask}. */
  private static final class Pruned extends Reparametrized {
    final Parameter orig;
    final Buffer mask;

    Pruned(String function, Module module, String name) {
      super(function, module, name);
      Tensor w = replaced.get();
      this.orig = Parameter.aliasOf(replaced);
      this.mask = new Buffer(Torch.onesLike(w));
    }

    @Override
    Tensor compute() {
      return orig.get().mul(mask.get());
    }

    @Override
    public void visitChildren(ModuleVisitor visitor) {
      visitor.parameter(name + "_orig", orig);
      visitor.buffer(name + "_mask", mask);
    }

    @Override
    public String toString() {
      return "pruning";
    }
  }
}
