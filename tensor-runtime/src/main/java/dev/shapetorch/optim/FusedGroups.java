package dev.shapetorch.optim;

import dev.shapetorch.nn.Parameter;
import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.Device;
import dev.shapetorch.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the fused optimizers share: the check PyTorch makes of a parameter before a fused step,
 * and the split of a group into runs of one device and dtype, which is what one kernel call
 * takes. Package-private.
 */
final class FusedGroups {

  private FusedGroups() {}

  /**
   * Checks every parameter as PyTorch's {@code fused=True} does: floating point, on the CPU or
   * (when {@code cudaToo}) a CUDA device.
   *
   * @throws IllegalArgumentException naming the optimizer, the parameter (its number in the
   *     group), its dtype and device, and what to do
   */
  static void check(Optimizer<?, ?> optimizer, int group, List<Parameter> params,
      boolean cudaToo) {
    for (Parameter p : params) {
      Tensor t = p.leaf();
      DType dtype = t.dtype();
      Device device = t.device();
      boolean supportedDevice = device.isCpu() || (cudaToo && device.isCuda());
      if (!dtype.isFloatingPoint() || !supportedDevice) {
        throw new IllegalArgumentException(
            optimizer.name() + ": fused=true needs floating-point parameters (float32, float64,"
                + " float16, bfloat16) on the CPU" + (cudaToo ? " or a CUDA device" : "")
                + ", but parameter " + indexIn(optimizer, group, p) + " of group " + group
                + " is " + dtype + Arrays.toString(t.shape()) + " on " + device
                + "; use withFused(false) for this group");
      }
    }
  }

  private static int indexIn(Optimizer<?, ?> optimizer, int group, Parameter p) {
    List<Parameter> all = optimizer.paramGroups().get(group).params();
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i) == p) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The positions of {@code params} split by device and dtype, in order of first appearance: one
   * run per kernel call, as PyTorch's {@code _group_tensors_by_device_and_dtype}.
   */
  static List<int[]> runs(List<Parameter> params) {
    if (params.size() == 1) {
      return List.of(new int[] {0});
    }
    Map<String, List<Integer>> byKind = new LinkedHashMap<>();
    for (int i = 0; i < params.size(); i++) {
      Tensor t = params.get(i).leaf();
      byKind.computeIfAbsent(t.device() + "/" + t.dtype(), k -> new ArrayList<>()).add(i);
    }
    List<int[]> out = new ArrayList<>(byKind.size());
    for (List<Integer> run : byKind.values()) {
      out.add(run.stream().mapToInt(Integer::intValue).toArray());
    }
    return out;
  }

  /** The elements of {@code list} at {@code positions}. */
  static <T> List<T> pick(List<T> list, int[] positions) {
    if (positions.length == list.size()) {
      return list;
    }
    List<T> out = new ArrayList<>(positions.length);
    for (int i : positions) {
      out.add(list.get(i));
    }
    return out;
  }

  /** The elements of {@code values} at {@code positions}. */
  static long[] pick(long[] values, int[] positions) {
    if (positions.length == values.length) {
      return values;
    }
    long[] out = new long[positions.length];
    for (int k = 0; k < positions.length; k++) {
      out[k] = values[positions[k]];
    }
    return out;
  }
}
