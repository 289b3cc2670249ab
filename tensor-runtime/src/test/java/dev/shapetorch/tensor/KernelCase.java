package dev.shapetorch.tensor;

import java.util.function.Function;

/**
 * One random configuration of a kernel for {@link KernelDifferentialTest}: a description that
 * reproduces it, and its outputs computed on each of the three paths that are compared.
 */
interface KernelCase {

  /** The three computations of a case. */
  enum Path {
    /** float32 as a user gets it: libtorch's defaults (oneDNN enabled), fused optimizer kernels. */
    FAST,
    /** float32 on libtorch's reference path: oneDNN disabled, single-tensor optimizer updates. */
    REFERENCE,
    /** The reference path in float64, on the same (float32-representable) inputs. */
    FLOAT64
  }

  /** The op name, for the per-op counts of the summary. */
  String op();

  /** Everything needed to reproduce the case: op, sizes, parameters, layouts. */
  String describe();

  /** The case's outputs on {@code path}, copied out of the tensors that computed them. */
  KernelOutputs run(Path path);

  /**
   * A case of a tensor op, computed in float32 on the fast and reference paths and in float64 on
   * the last ({@link KernelSweep} switches oneDNN off around the reference paths).
   */
  static KernelCase op(String op, String description, Function<DType, KernelOutputs> compute) {
    return new KernelCase() {
      @Override
      public String op() {
        return op;
      }

      @Override
      public String describe() {
        return op + " " + description;
      }

      @Override
      public KernelOutputs run(Path path) {
        return compute.apply(path == Path.FLOAT64 ? DType.FLOAT64 : DType.FLOAT32);
      }
    };
  }
}
