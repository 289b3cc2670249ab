package dev.shapetorch.tensor;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The named results of one {@link KernelCase} on one path (forward values, gradients, optimizer
 * states), copied out as doubles in row-major order, each with what its comparison allows.
 */
final class KernelOutputs {

  /** One result and how it is compared. */
  record Output(double[] values, long[] shape, boolean exact, double scale, double floor) {}

  private final Map<String, Output> outputs = new LinkedHashMap<>();

  /** A floating-point result, compared with the relative tolerance at its own magnitude. */
  KernelOutputs add(String name, Tensor t) {
    return add(name, t, 0, 0);
  }

  /**
   * A floating-point result whose error may reach {@code 1e-5 * scale} where the result itself
   * is smaller (an output formed by cancellation, e.g. a normalisation's input gradient), and
   * {@code floor} in absolute terms (rounding the kernel cannot avoid, e.g. storing a parameter).
   */
  KernelOutputs add(String name, Tensor t, double scale, double floor) {
    outputs.put(name, new Output(t.to(DType.FLOAT64).toDoubleArray(), t.shape(), false, scale,
        floor));
    return this;
  }

  /** Values computed in double already (e.g. a parameter's change over several steps). */
  KernelOutputs add(String name, double[] values, long[] shape, double scale, double floor) {
    outputs.put(name, new Output(values, shape, false, scale, floor));
    return this;
  }

  /** A result that every path must reproduce exactly (indices, step counts). */
  KernelOutputs addExact(String name, Tensor t) {
    outputs.put(name, new Output(t.to(DType.FLOAT64).toDoubleArray(), t.shape(), true, 0, 0));
    return this;
  }

  /** A result that every path must reproduce exactly, given as numbers. */
  KernelOutputs addExact(String name, double... values) {
    outputs.put(name, new Output(values, new long[] {values.length}, true, 0, 0));
    return this;
  }

  Map<String, Output> all() {
    return outputs;
  }
}
