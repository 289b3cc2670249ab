package dev.shapetorch.nn.utils;

import dev.shapetorch.nn.Buffer;
import dev.shapetorch.nn.Module;
import dev.shapetorch.nn.ModuleVisitor;
import dev.shapetorch.nn.Parameter;
import dev.shapetorch.nn.conv.ConvTranspose1d;
import dev.shapetorch.nn.conv.ConvTranspose2d;
import dev.shapetorch.nn.conv.ConvTranspose3d;
import dev.shapetorch.nn.functional.F;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/**
 * Spectral normalization: PyTorch's {@code torch.nn.utils.spectral_norm} and {@code
 * remove_spectral_norm}, as used in GAN discriminators. A parameter {@code w} is replaced by
 * {@code w_orig}, and recomputed before every forward as {@code w_orig / sigma}, {@code sigma}
 * the largest singular value of {@code w_orig} seen as a matrix (dimension {@code dim} first,
 * the others flattened), estimated by power iteration with the vectors {@code w_u} and {@code
 * w_v}, two buffers. In training mode each forward runs {@code nPowerIterations} steps and
 * updates the buffers; in evaluation mode it uses them as they are.
 *
 * <pre>{@code
 * Conv2d conv = SpectralNorm.spectralNorm(new Conv2d(3, 64, 4));
 * conv.stateDict().keySet();   // [bias, weight_orig, weight_u, weight_v]
 * }</pre>
 *
 * <p>{@code w_u} and {@code w_v} start as normalized random normal vectors (from the global
 * generator, {@code Torch.manualSeed}); the computed weight until the first forward is {@code
 * w_orig} itself, as in PyTorch.
 *
 * <p>Shape: for a weight whose dimension {@code dim} has size {@code H} and whose other sizes
 * multiply to {@code W}: {@code w_u} is {@code [H]}, {@code w_v} is {@code [W]}; {@code w_orig}
 * has the weight's shape.
 */
public final class SpectralNorm {
  private SpectralNorm() {}

  /**
   * {@code spectralNorm(module, "weight", 1, 1e-12, dim)} with PyTorch's default {@code dim}: 1
   * for a transposed convolution, 0 otherwise.
   */
  public static <M extends Module> M spectralNorm(M module) {
    return spectralNorm(module, "weight", 1, 1e-12, defaultDim(module));
  }

  /** {@link #spectralNorm(Module)} with {@code nPowerIterations} steps per forward. */
  public static <M extends Module> M spectralNorm(M module, int nPowerIterations) {
    return spectralNorm(module, "weight", nPowerIterations, 1e-12, defaultDim(module));
  }

  /**
   * Reparametrizes parameter {@code name} of {@code module}.
   *
   * @param nPowerIterations power-iteration steps per training forward, at least 1
   * @param eps added to norms when normalizing, positive
   * @param dim the dimension that becomes the matrix's rows
   * @return {@code module}
   * @throws IllegalArgumentException if the module has no such parameter, it is already
   *     reparametrized, or an argument is out of range
   */
  public static <M extends Module> M spectralNorm(M module, String name, int nPowerIterations,
      double eps, int dim) {
    new Spectral(module, name, nPowerIterations, eps, dim).install();
    return module;
  }

  /** Undoes {@link #spectralNorm} for {@code "weight"}. */
  public static <M extends Module> M removeSpectralNorm(M module) {
    return removeSpectralNorm(module, "weight");
  }

  /**
   * Undoes {@link #spectralNorm} for parameter {@code name}: it becomes a plain parameter
   * holding {@code w_orig / sigma} with the current vectors.
   *
   * @throws IllegalArgumentException {@code spectral_norm of 'name' not found in ...}
   */
  public static <M extends Module> M removeSpectralNorm(M module, String name) {
    Reparametrized.find("SpectralNorm.removeSpectralNorm", "spectral_norm",
        module, name, Spectral.class)
        .uninstall();
    return module;
  }

  private static int defaultDim(Module module) {
    return module instanceof ConvTranspose1d || module instanceof ConvTranspose2d
        || module instanceof ConvTranspose3d ? 1 : 0;
  }

  private static final class Spectral extends Reparametrized {
    private final int iterations;
    private final double eps;
    private final int dim;
    private final Parameter orig;
    private final Buffer u;
    private final Buffer v;

    Spectral(Module module, String name, int iterations, double eps, int dim) {
      super("SpectralNorm.spectralNorm", module, name);
      if (iterations <= 0) {
        throw new IllegalArgumentException(
            "SpectralNorm.spectralNorm: expected nPowerIterations to be"
            + " positive, but got nPowerIterations=" + iterations);
      }
      if (!(eps > 0) || Double.isInfinite(eps)) {
        throw new IllegalArgumentException(
            "SpectralNorm.spectralNorm: eps must be a positive finite number,"
            + " got " + eps);
      }
      Tensor w = replaced.get();
      if (w.dim() == 0 || dim < 0 || dim >= w.dim()) {
        throw new IllegalArgumentException(
            "SpectralNorm.spectralNorm: dim " + dim + " is out of range for \""
            + name + "\" of shape " + w.shapeOf() + "; use a dim in [0, " + w.dim() + ")");
      }
      this.iterations = iterations;
      this.eps = eps;
      this.dim = dim;
      this.orig = Parameter.aliasOf(replaced);
      try (var ng = Torch.noGrad()) {
        Tensor mat = matrix(w);
        long h = mat.shape()[0];
        long cols = mat.shape()[1];
        this.u = new Buffer(F.normalize(Torch.empty(h).to(w.dtype()).normal_(0, 1), 2, 0, eps));
        this.v = new Buffer(
            F.normalize(Torch.empty(cols).to(w.dtype()).normal_(0, 1), 2, 0, eps));
      }
    }

    /** The weight as a matrix: dimension {@code dim} first, the others flattened. */
    private Tensor matrix(Tensor w) {
      Tensor first = dim == 0 ? w : w.permute(dimFirst(w.dim()));
      return first.reshape(first.shape()[0], -1);
    }

    private int[] dimFirst(int rank) {
      int[] order = new int[rank];
      order[0] = dim;
      for (int i = 0, k = 1; i < rank; i++) {
        if (i != dim) {
          order[k++] = i;
        }
      }
      return order;
    }

    @Override
    Tensor initial() {
      return orig.get().detach();
    }

    @Override
    Tensor compute() {
      return computeWith(module.isTraining());
    }

    @Override
    Tensor finalValue() {
      try (var ng = Torch.noGrad()) {
        return computeWith(false).detach();
      }
    }

    private Tensor computeWith(boolean iterate) {
      Tensor w = orig.get();
      Tensor mat = matrix(w);
      Tensor uu = u.get();
      Tensor vv = v.get();
      if (iterate) {
        try (var ng = Torch.noGrad()) {
          for (int i = 0; i < iterations; i++) {
            vv.copy_(F.normalize(mat.t().mv(uu), 2, 0, eps));
            uu.copy_(F.normalize(mat.mv(vv), 2, 0, eps));
          }
          // The buffers change at the next forward; the backward of this one needs these.
          uu = uu.clone();
          vv = vv.clone();
        }
      }
      Tensor sigma = uu.dot(mat.mv(vv));
      return w.div(sigma);
    }

    @Override
    public void visitChildren(ModuleVisitor visitor) {
      visitor.parameter(name + "_orig", orig);
      visitor.buffer(name + "_u", u);
      visitor.buffer(name + "_v", v);
    }

    @Override
    public String toString() {
      return "spectral_norm(n_power_iterations=" + iterations + ", eps=" + eps + ", dim=" + dim
          + ")";
    }
  }
}
