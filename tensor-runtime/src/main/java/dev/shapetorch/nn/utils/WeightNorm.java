package dev.shapetorch.nn.utils;

import dev.shapetorch.nn.Module;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.Parameter;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/**
 * Weight normalization: PyTorch's {@code torch.nn.utils.weight_norm} and {@code
 * remove_weight_norm}. A parameter {@code w} is replaced by a magnitude {@code w_g} and a
 * direction {@code w_v}, and recomputed before every forward as {@code w = w_g * w_v /
 * ||w_v||}, the norm taken over every dimension but {@code dim}:
 *
 * <pre>{@code
 * Linear fc = WeightNorm.weightNorm(new Linear(20, 40));
 * fc.namedParameters().keySet();   // [bias, weight_g, weight_v]
 * }</pre>
 *
 * <p>As in PyTorch, the new parameters come after the module's others, so build the optimizer
 * after applying it.
 *
 * <p>Shape: {@code w_v} has the weight's shape; {@code w_g} has size 1 in every dimension but
 * {@code dim} ({@code [Out, 1]} for a Linear weight with {@code dim = 0}), or is a scalar for
 * {@code dim = -1}.
 */
public final class WeightNorm {
  private WeightNorm() {}

  /** {@code weightNorm(module, "weight", 0)}: PyTorch's defaults. */
  public static <M extends Module> M weightNorm(M module) {
    return weightNorm(module, "weight", 0);
  }

  /**
   * Reparametrizes parameter {@code name} of {@code module}.
   *
   * @param dim the dimension kept out of the norm (0 for output channels); -1 for a norm over
   *     the whole tensor, as PyTorch's {@code dim=None} (and its {@code dim=-1})
   * @return {@code module}
   * @throws IllegalArgumentException if the module has no such parameter, it is already
   *     reparametrized, or {@code dim} is out of range
   */
  public static <M extends Module> M weightNorm(M module, String name, int dim) {
    Norm norm = new Norm(module, name, dim);
    norm.install();
    return module;
  }

  /**
   * Undoes {@link #weightNorm}: parameter {@code "weight"} becomes a plain parameter holding
   * its current value.
   */
  public static <M extends Module> M removeWeightNorm(M module) {
    return removeWeightNorm(module, "weight");
  }

  /**
   * Undoes {@link #weightNorm} for parameter {@code name}.
   *
   * @throws IllegalArgumentException {@code weight_norm of 'name' not found in ...}
   */
  public static <M extends Module> M removeWeightNorm(M module, String name) {
    Reparametrized.find("WeightNorm.removeWeightNorm", "weight_norm",
        module, name, Norm.class).uninstall();
    return module;
  }

  /** The norm over every dimension but {@code dim}, keeping them as size 1; -1: all. */
  static Tensor normExceptDim(Tensor v, int dim) {
    if (dim == -1) {
      return v.norm();
    }
    long[] shape = v.shape();
    long[] kept = new long[shape.length];
    java.util.Arrays.fill(kept, 1);
    kept[dim] = shape[dim];
    return v.transpose(0, dim).contiguous().reshape(shape[dim], -1).norm(2, 1, true)
        .reshape(kept);
  }

  private static final class Norm extends Reparametrized {
    private final int dim;
    private final Parameter g;
    private final Parameter v;

    Norm(Module module, String name, int dim) {
      super("WeightNorm.weightNorm", module, name);
      Tensor w = replaced.get();
      int rank = w.dim();
      if (dim != -1 && (dim < 0 || dim >= rank)) {
        throw new IllegalArgumentException(
            "WeightNorm.weightNorm: dim " + dim + " is out of range for \""
            + name + "\" of shape " + w.shapeOf() + "; use a dim in [0, " + rank + ") or -1"
            + " for the norm over the whole tensor");
      }
      if (rank == 0 && dim != -1) {
        throw new IllegalArgumentException(
            "WeightNorm.weightNorm: \"" + name + "\" is a scalar; use"
            + " dim -1");
      }
      this.dim = dim;
      try (var ng = Torch.noGrad()) {
        this.g = new Parameter(normExceptDim(w, dim), replaced.requiresGrad());
      }
      this.v = new Parameter(w, replaced.requiresGrad());
    }

    @Override
    Tensor compute() {
      Tensor vv = v.get();
      return vv.mul(g.get().div(normExceptDim(vv, dim)));
    }

    @Override
    public void visitChildren(ModuleVisitor visitor) {
      visitor.parameter(name + "_g", g);
      visitor.parameter(name + "_v", v);
    }

    @Override
    public String toString() {
      return "weight_norm(dim=" + dim + ")";
    }
  }
}
