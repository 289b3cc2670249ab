package dev.shapetorch.optim;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.internal.NativeLibrary;
import dev.shapetorch.internal.NativeTensors;
import dev.shapetorch.shapes.rules.ShapeMismatch;
import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.ShapeException;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import dev.shapetorch.tensor.TorchException;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.pytorch.Dispatcher;
import org.bytedeco.pytorch.GenericList;
import org.bytedeco.pytorch.IValue;
import org.bytedeco.pytorch.IValueVector;
import org.bytedeco.pytorch.OperatorHandle;
import org.bytedeco.pytorch.TensorList;

/**
 * libtorch's fused multi-tensor optimizer steps, PyTorch's {@code torch._fused_adam_}, {@code
 * _fused_adamw_}, {@code _fused_sgd_} and {@code _fused_adagrad_}: one native call updates every
 * parameter of a list in place, reading and writing each element once, instead of the eight or
 * so tensor ops per parameter of the single-tensor path. They are what {@code
 * torch.optim.Adam(..., fused=True)} runs; {@link SGD}, {@link Adam}, {@link AdamW} and {@link
 * Adagrad} call them (through {@link FusedAdam} and {@link FusedGroups}) when their options say
 * {@code withFused(true)}. Package-private; errors name the kernel ({@code
 * FusedOptimizerKernels.adam_: ...}).
 *
 * <pre>{@code
 * try (NoGradScope noGrad = Torch.noGrad()) {
 *   for (Tensor t : steps) {
 *     t.add_(1.0);   // the kernel reads step t from its counter: count first, as PyTorch does
 *   }
 *   FusedOptimizerKernels.adam_(params, grads, expAvgs, expAvgSqs, List.of(), steps,
 *       1e-3, 0.9, 0.999, 0, 1e-8, false, false);
 * }
 * }</pre>
 *
 * <p>Parameters that require gradients are updated only inside {@link Torch#noGrad()} (the
 * kernels record nothing for autograd; outside it they throw {@link IllegalStateException}, as
 * libtorch's in-place ops do for such leaves). The math is PyTorch's single-tensor update in one
 * pass; results agree with it to float rounding. Gradients are read, never written. Tensors need
 * not be contiguous (a non-contiguous one is updated through a contiguous copy). libtorch has CPU
 * kernels for all four and CUDA kernels for all but Adagrad.
 *
 * <p>Shape: list {@code i} of each argument holds one tensor per parameter; the gradient and
 * every state tensor of parameter {@code i} have its shape ({@code [*s_i]}), its dtype and its
 * device; {@code stateSteps[i]} is a 0-d float32 tensor on that device; nothing changes shape.
 * A mismatch raises {@link ShapeException} {@code [shape.mismatch.optimizer]} naming the op, the
 * list, the index and both shapes.
 */
final class FusedOptimizerKernels {

  /** The key of the shape error for a gradient or state tensor unlike its parameter. */
  static final String SHAPE_KEY = "shape.mismatch.optimizer";

  private static final String ADAM = "FusedOptimizerKernels.adam_";
  private static final String ADAMW = "FusedOptimizerKernels.adamw_";
  private static final String SGD = "FusedOptimizerKernels.sgd_";
  private static final String ADAGRAD = "FusedOptimizerKernels.adagrad_";

  private FusedOptimizerKernels() {}

  /**
   * One Adam step for every parameter, as {@code torch._fused_adam_}: with {@code g} the gradient
   * (negated when maximising) plus {@code weightDecay * p}, {@code m = beta1 m + (1 - beta1) g},
   * {@code v = beta2 v + (1 - beta2) g^2}, with AMSGrad {@code vmax = max(vmax, v)} used for
   * {@code v}, then {@code p -= lr / (1 - beta1^t) * m / (sqrt(v) / sqrt(1 - beta2^t) + eps)},
   * where {@code t} is read from {@code stateSteps[i]} (increment it before the call).
   *
   * <p>Shape: {@code grads[i]}, {@code expAvgs[i]}, {@code expAvgSqs[i]} and {@code
   * maxExpAvgSqs[i]} are {@code params[i]}'s shape {@code [*s_i]}; {@code stateSteps[i]} is
   * {@code []}; every tensor keeps its shape.
   *
   * @param maxExpAvgSqs one per parameter with {@code amsgrad}, else empty
   * @throws ShapeException {@code [shape.mismatch.optimizer]} if a tensor's shape is not its
   *     parameter's
   * @throws IllegalArgumentException if the lists differ in length, a parameter is not floating
   *     point, or a tensor's dtype or device is not its parameter's
   * @throws IllegalStateException if a parameter requires grad outside {@link Torch#noGrad()},
   *     or a tensor has been freed
   * @throws TorchException if libtorch refuses the call
   */
  static void adam_(List<Tensor> params, List<Tensor> grads, List<Tensor> expAvgs,
      List<Tensor> expAvgSqs, List<Tensor> maxExpAvgSqs, List<Tensor> stateSteps, double lr,
      double beta1, double beta2, double weightDecay, double eps, boolean amsgrad,
      boolean maximize) {
    adamFamily(Kernel.ADAM, ADAM, params, grads, expAvgs, expAvgSqs, maxExpAvgSqs, stateSteps, lr,
        beta1, beta2, weightDecay, eps, amsgrad, maximize);
  }

  /**
   * One AdamW step for every parameter, as {@code torch._fused_adamw_}: {@link #adam_}'s update
   * without weight decay in the gradient, after {@code p *= 1 - lr * weightDecay}.
   *
   * <p>Shape: as {@link #adam_}: every tensor of row {@code i} has {@code params[i]}'s shape
   * {@code [*s_i]}, {@code stateSteps[i]} is {@code []}; nothing changes shape.
   *
   * @param maxExpAvgSqs one per parameter with {@code amsgrad}, else empty
   * @throws ShapeException {@code [shape.mismatch.optimizer]} if a tensor's shape is not its
   *     parameter's
   * @throws IllegalArgumentException as {@link #adam_}
   * @throws TorchException if libtorch refuses the call
   */
  static void adamw_(List<Tensor> params, List<Tensor> grads, List<Tensor> expAvgs,
      List<Tensor> expAvgSqs, List<Tensor> maxExpAvgSqs, List<Tensor> stateSteps, double lr,
      double beta1, double beta2, double weightDecay, double eps, boolean amsgrad,
      boolean maximize) {
    adamFamily(Kernel.ADAMW, ADAMW, params, grads, expAvgs, expAvgSqs, maxExpAvgSqs, stateSteps,
        lr, beta1, beta2, weightDecay, eps, amsgrad, maximize);
  }

  /**
   * One SGD step for every parameter, as {@code torch._fused_sgd_}: with {@code g} the gradient
   * (negated when maximising) plus {@code weightDecay * p}; with momentum, {@code buf = g} when
   * {@code isFirstStep}, else {@code buf = momentum buf + (1 - dampening) g}, and {@code g = g +
   * momentum buf} (Nesterov) or {@code g = buf}; then {@code p -= lr g}.
   *
   * <p>Shape: {@code grads[i]} and {@code momentumBuffers[i]} are {@code params[i]}'s shape
   * {@code [*s_i]}; nothing changes shape.
   *
   * @param momentumBuffers one per parameter when {@code momentum != 0} (their values are
   *     overwritten when {@code isFirstStep}), else empty
   * @throws ShapeException {@code [shape.mismatch.optimizer]} if a tensor's shape is not its
   *     parameter's
   * @throws IllegalArgumentException as {@link #adam_}
   * @throws TorchException if libtorch refuses the call
   */
  static void sgd_(List<Tensor> params, List<Tensor> grads, List<Tensor> momentumBuffers,
      double weightDecay, double momentum, double lr, double dampening, boolean nesterov,
      boolean maximize, boolean isFirstStep) {
    int n = requireList(SGD, params, "params").size();
    Rows rows = new Rows(SGD, params);
    rows.add("grads", grads, n, false);
    rows.add("momentumBuffers", momentumBuffers, momentum != 0 ? n : 0, true);
    rows.call(Kernel.SGD, IValues.of(weightDecay), IValues.of(momentum), IValues.of(lr),
        IValues.of(dampening), IValues.of(nesterov), IValues.of(maximize),
        IValues.of(isFirstStep));
  }

  /**
   * One Adagrad step for every parameter, as {@code torch._fused_adagrad_}: with {@code g} the
   * gradient (negated when maximising) plus {@code weightDecay * p}, {@code sum += g^2} and {@code
   * p -= lr / (1 + (t - 1) lrDecay) * g / (sqrt(sum) + eps)}, where {@code t} is read from {@code
   * stateSteps[i]} (increment it before the call). libtorch has no CUDA kernel for it.
   *
   * <p>Shape: {@code grads[i]} and {@code stateSums[i]} are {@code params[i]}'s shape {@code
   * [*s_i]}; {@code stateSteps[i]} is {@code []}; nothing changes shape.
   *
   * @throws ShapeException {@code [shape.mismatch.optimizer]} if a tensor's shape is not its
   *     parameter's
   * @throws IllegalArgumentException as {@link #adam_}
   * @throws TorchException if libtorch refuses the call
   */
  static void adagrad_(List<Tensor> params, List<Tensor> grads, List<Tensor> stateSums,
      List<Tensor> stateSteps, double lr, double lrDecay, double weightDecay, double eps,
      boolean maximize) {
    int n = requireList(ADAGRAD, params, "params").size();
    Rows rows = new Rows(ADAGRAD, params);
    rows.add("grads", grads, n, false);
    rows.add("stateSums", stateSums, n, true);
    rows.addSteps(stateSteps);
    rows.call(Kernel.ADAGRAD, IValues.of(lr), IValues.of(lrDecay), IValues.of(weightDecay),
        IValues.of(eps), IValues.of(maximize));
  }

  private static void adamFamily(Kernel kernel, String op, List<Tensor> params,
      List<Tensor> grads, List<Tensor> expAvgs, List<Tensor> expAvgSqs,
      List<Tensor> maxExpAvgSqs, List<Tensor> stateSteps, double lr, double beta1, double beta2,
      double weightDecay, double eps, boolean amsgrad, boolean maximize) {
    int n = requireList(op, params, "params").size();
    Rows rows = new Rows(op, params);
    rows.add("grads", grads, n, false);
    rows.add("expAvgs", expAvgs, n, true);
    rows.add("expAvgSqs", expAvgSqs, n, true);
    rows.add("maxExpAvgSqs", maxExpAvgSqs, amsgrad ? n : 0, true);
    rows.addSteps(stateSteps);
    rows.call(kernel, IValues.of(lr), IValues.of(beta1), IValues.of(beta2),
        IValues.of(weightDecay), IValues.of(eps), IValues.of(amsgrad), IValues.of(maximize));
  }

  /**
   * {@code list}, or an exception naming {@code op} and the list if it is null (the kernels are
   * package-private: the stack names no op of the user's that could say it).
   */
  private static List<Tensor> requireList(String op, List<Tensor> list, String name) {
    if (list == null) {
      throw Arguments.invalid(op, name + " is null; pass a value");
    }
    return list;
  }

  /** The four operators, each looked up in libtorch's dispatcher on first use. */
  private enum Kernel {
    ADAM("aten::_fused_adam_"),
    ADAMW("aten::_fused_adamw_"),
    SGD("aten::_fused_sgd_"),
    ADAGRAD("aten::_fused_adagrad_");

    private final String schema;
    private volatile OperatorHandle handle;

    Kernel(String schema) {
      this.schema = schema;
    }

    OperatorHandle handle() {
      OperatorHandle h = handle;
      if (h == null) {
        synchronized (this) {
          h = handle;
          if (h == null) {
            NativeLibrary.ensureLoaded();
            try {
              h = Dispatcher.singleton().findSchemaOrThrow(schema, "");
            } catch (RuntimeException e) {
              throw new UnsupportedOperationException(
                  "this libtorch has no operator " + schema + ": " + NativeTensors.firstLine(
                      e.getMessage()), e);
            }
            handle = h;
          }
        }
      }
      return h;
    }
  }

  /**
   * The tensor-list arguments of one call: checked row by row against the parameters when added;
   * made into libtorch lists only by {@link #call}, with contiguous stand-ins for non-contiguous
   * tensors (copied back after the call when the kernel writes them).
   */
  private static final class Rows {
    private final String op;
    private final List<Tensor> params;
    private final List<List<Tensor>> tensorLists = new ArrayList<>();
    private final List<Boolean> writtenLists = new ArrayList<>();

    Rows(String op, List<Tensor> params) {
      this.op = op;
      this.params = params;
      boolean recording = Torch.isGradEnabled();
      for (int i = 0; i < params.size(); i++) {
        Tensor p = present(params.get(i), "params", i);
        if (recording && p.requiresGrad()) {
          throw new IllegalStateException(NativeTensors.attribute(op) + ": params[" + i
              + "] requires grad and autograd is recording; update parameters inside"
              + " Torch.noGrad(), as Optimizer.step() does");
        }
        if (!p.dtype().isFloatingPoint()) {
          throw Arguments.invalid(op, "params[" + i + "] is " + NativeTensors.describe(p)
              + "; the fused kernels update floating-point tensors (float32, float64, float16,"
              + " bfloat16)");
        }
      }
      tensorLists.add(params);
      writtenLists.add(true);
    }

    /**
     * {@code t}, element {@code i} of the list {@code name}, when it is neither null nor freed
     * (the kernels are package-private: the errors name the kernel, not a caller's op).
     */
    private Tensor present(Tensor t, String name, int i) {
      if (t == null) {
        throw Arguments.invalid(op, name + "[" + i + "] is null");
      }
      NativeTensors.handle(t, op, name + "[" + i + "]");
      return t;
    }

    /** A list of {@code expected} tensors, each like its parameter. */
    void add(String name, List<Tensor> tensors, int expected, boolean written) {
      count(name, tensors, expected);
      for (int i = 0; i < tensors.size(); i++) {
        Tensor t = present(tensors.get(i), name, i);
        Tensor p = params.get(i);
        if (!t.shapeOf().equals(p.shapeOf())) {
          throw new ShapeException(ShapeMismatch.of(SHAPE_KEY, op,
              name + "[" + i + "] is " + t.shapeOf() + " but params[" + i + "] is "
                  + p.shapeOf() + "; each gradient and state tensor has its parameter's shape"));
        }
        if (t.dtype() != p.dtype() || !t.device().equals(p.device())) {
          throw Arguments.invalid(op, name + "[" + i + "] is " + NativeTensors.describe(t)
              + " on " + t.device() + " but params[" + i + "] is " + NativeTensors.describe(p)
              + " on " + p.device()
              + "; each gradient and state tensor has its parameter's dtype and device");
        }
      }
      tensorLists.add(tensors);
      writtenLists.add(written);
    }

    /** The step counters: one 0-d float32 tensor per parameter, on its device. */
    void addSteps(List<Tensor> steps) {
      count("stateSteps", steps, params.size());
      for (int i = 0; i < steps.size(); i++) {
        Tensor s = steps.get(i);
        Tensor p = params.get(i);
        if (s != null) {
          present(s, "stateSteps", i);
        }
        if (s == null || s.dim() != 0 || s.dtype() != DType.FLOAT32
            || !s.device().equals(p.device())) {
          throw Arguments.invalid(op, "stateSteps[" + i + "] is "
              + (s == null ? "null" : NativeTensors.describe(s) + " on " + s.device())
              + "; each step counter is a 0-d float32 tensor on its parameter's device ("
              + p.device() + ")");
        }
      }
      tensorLists.add(steps);
      writtenLists.add(false);
    }

    private void count(String name, List<Tensor> tensors, int expected) {
      if (requireList(op, tensors, name).size() != expected) {
        throw Arguments.invalid(op, params.size() + " params but " + tensors.size() + " " + name
            + " (expected " + expected + ")");
      }
    }

    /**
     * Calls {@code kernel} with the lists, then {@code scalars}, then {@code grad_scale} and
     * {@code found_inf} absent; frees every native object it made.
     */
    void call(Kernel kernel, IValue... scalars) {
      List<TensorList> lists = new ArrayList<>(tensorLists.size());
      List<org.bytedeco.pytorch.Tensor> stand = new ArrayList<>();
      List<org.bytedeco.pytorch.Tensor> writeBack = new ArrayList<>();
      IValue[] args = new IValue[tensorLists.size() + scalars.length + 2];
      System.arraycopy(scalars, 0, args, tensorLists.size(), scalars.length);
      args[args.length - 2] = IValues.none();
      args[args.length - 1] = IValues.none();
      try {
        OperatorHandle handle = kernel.handle();
        for (int k = 0; k < tensorLists.size(); k++) {
          TensorList list = new TensorList();
          lists.add(list);
          for (Tensor t : tensorLists.get(k)) {
            org.bytedeco.pytorch.Tensor h = NativeTensors.handle(t, op, "t");
            if (!h.is_contiguous()) {
              org.bytedeco.pytorch.Tensor c = h.contiguous();
              stand.add(c);
              writeBack.add(writtenLists.get(k) ? h : null);
              h = c;
            }
            list.push_back(h);
          }
          // c10::List<Tensor> and c10::List<IValue> (GenericList) are the same object, one
          // pointer to a ListImpl that knows its element type: view the list as a GenericList
          // instead of boxing each tensor into an IValue of its own
          args[k] = new IValue(new GenericList(list));
        }
        try (IValueVector stack = new IValueVector(args)) {
          handle.callBoxed(stack);
        }
        for (int i = 0; i < stand.size(); i++) {
          if (writeBack.get(i) != null) {
            writeBack.get(i).copy_(stand.get(i));
          }
        }
      } catch (RuntimeException e) {
        throw NativeTensors.fail(op, e, params.toArray(new Tensor[0]));
      } finally {
        for (IValue v : args) {
          IValues.release(v);
        }
        for (TensorList l : lists) {
          l.close();
        }
        for (org.bytedeco.pytorch.Tensor c : stand) {
          c.close();
        }
      }
    }
  }

  /** Argument values; the constant ones are shared and never freed. */
  private static final class IValues {
    private static final IValue NONE;
    private static final IValue TRUE;
    private static final IValue FALSE;

    static {
      NativeLibrary.ensureLoaded();
      NONE = new IValue();
      TRUE = new IValue(true);
      FALSE = new IValue(false);
    }

    private IValues() {}

    static IValue of(double v) {
      return new IValue(v);
    }

    static IValue of(boolean v) {
      return v ? TRUE : FALSE;
    }

    static IValue none() {
      return NONE;
    }

    static void release(IValue v) {
      if (v != null && v != NONE && v != TRUE && v != FALSE) {
        v.close();
      }
    }
  }
}
