package dev.shapetorch.tensor;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.shapes.rules.ShapeMismatch;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An op with a Java forward and a Java backward that libtorch's autograd engine runs, as PyTorch's
 * {@code torch.autograd.Function}. Subclass it, then call {@link #apply}:
 *
 * <pre>{@code
 * final class Exp extends AutogradFunction {
 *   protected List<Tensor> forward(FunctionContext ctx, List<Tensor> inputs) {
 *     Tensor result = inputs.get(0).exp();
 *     ctx.saveForBackward(result);
 *     return List.of(result);
 *   }
 *   protected List<Tensor> backward(FunctionContext ctx, List<Tensor> gradOutputs) {
 *     return List.of(gradOutputs.get(0).mul(ctx.savedTensors().get(0)));
 *   }
 * }
 * Tensor y = new Exp().apply(x).get(0);   // y.backward() runs Exp.backward
 * }</pre>
 *
 * <p>{@link #forward} runs with autograd off; its results join the graph of the inputs. When the
 * backward pass reaches them, {@link #backward} gets one gradient per result (zeros for a result
 * that the loss does not use) and returns one gradient per input: a tensor of the input's shape,
 * or null for an input that needs none. Results that are not floating point (indices, masks)
 * are returned as they are, outside the graph. An exception thrown by {@code backward} is thrown
 * by {@code loss.backward()} as it was.
 *
 * <p>How it is built: libtorch's C++ {@code Function} is a template that Java cannot
 * instantiate, so {@code apply} joins each result to the inputs through an exact no-op (the
 * result times one plus the sum of an empty slice of each input: the same values, NaN and -0.0
 * included) and registers gradient hooks ({@link Tensor#registerHook}) on both ends: the
 * results' hooks collect the gradients, the inputs' ends replace the no-op's zero gradients with
 * what {@code backward} returns. Gradients of gradients ({@code createGraph}) are those of the
 * ops {@code backward} runs.
 *
 * <p>Shape: each gradient {@code backward} returns has its input's shape ({@code
 * [shape.mismatch.function]} otherwise).
 */
public abstract class AutogradFunction {

  /** For subclasses. */
  protected AutogradFunction() {}

  /**
   * Computes the results from {@code inputs}, with autograd off, and saves what the backward
   * needs in {@code ctx}.
   *
   * @return the results, at least one, none null
   */
  protected abstract List<Tensor> forward(FunctionContext ctx, List<Tensor> inputs);

  /**
   * Computes the gradient of each input from the gradient of each result.
   *
   * @param gradOutputs one gradient per floating-point result of {@link #forward}, in order
   * @return one gradient per input of {@code apply}, in order: a tensor of the input's shape, or
   *     null for an input that needs no gradient
   */
  protected abstract List<Tensor> backward(FunctionContext ctx, List<Tensor> gradOutputs);

  /** The function's name in messages: its class's simple name. */
  protected String name() {
    String simple = getClass().getSimpleName();
    return simple.isEmpty() ? getClass().getName() : simple;
  }

  /**
   * Runs {@link #forward} on {@code inputs} and, when an input requires gradient and autograd
   * records, joins the results to the graph so that the backward pass runs {@link #backward}.
   *
   * @return the results of {@code forward}, in order
   * @throws IllegalArgumentException if an input is null, or {@code forward} returns no result or
   *     a null one
   */
  public final List<Tensor> apply(Tensor... inputs) {
    String op = name() + ".apply";
    Arguments.requireNonNullElements(inputs, "inputs");
    List<Tensor> in = List.of(inputs);
    List<Boolean> needs = new ArrayList<>(in.size());
    boolean any = false;
    for (Tensor t : in) {
      boolean n = t.requiresGrad();
      needs.add(n);
      any |= n;
    }
    boolean record = any && Torch.isGradEnabled();
    FunctionContext ctx = new FunctionContext(needs);
    List<Tensor> outputs;
    try (var ng = Torch.noGrad()) {
      outputs = forward(ctx, in);
    }
    if (outputs == null || outputs.isEmpty()) {
      throw new IllegalArgumentException(op + ": forward returned no result; return at least one"
          + " tensor");
    }
    for (int j = 0; j < outputs.size(); j++) {
      if (outputs.get(j) == null) {
        throw new IllegalArgumentException(op + ": forward returned null as result " + j
            + "; return tensors only");
      }
    }
    if (!record) {
      return List.copyOf(outputs);
    }
    return link(ctx, in, outputs);
  }

  /** Joins the results to the inputs' graph and hooks both ends; see the class comment. */
  private List<Tensor> link(FunctionContext ctx, List<Tensor> inputs, List<Tensor> outputs) {
    Tensor joint = null;
    List<Tensor> ends = new ArrayList<>(Collections.nCopies(inputs.size(), null));
    for (int i = 0; i < inputs.size(); i++) {
      Tensor x = inputs.get(i);
      if (!x.requiresGrad()) {
        continue;
      }
      Tensor end = x.expand(x.shape()); // a view whose gradient is the input's
      ends.set(i, end);
      Tensor empty = end.flatten().narrow(0, 0, 0).sum(); // exactly 0, whatever x holds
      joint = joint == null ? empty : joint.add(empty);
    }
    Tensor one = joint.add(1.0);
    List<Tensor> results = new ArrayList<>(outputs.size());
    List<Integer> differentiable = new ArrayList<>();
    for (Tensor out : outputs) {
      if (out.dtype().isFloatingPoint()) {
        differentiable.add(results.size());
        results.add(out.detach().mul(one.to(out.dtype())));
      } else {
        results.add(out);
      }
    }
    Backward pass = new Backward(ctx, inputs, outputs, differentiable);
    for (int k = 0; k < differentiable.size(); k++) {
      int slot = k;
      results.get(differentiable.get(k)).registerHook(g -> {
        pass.collect(slot, g);
        return null;
      });
    }
    for (int i = 0; i < ends.size(); i++) {
      if (ends.get(i) != null) {
        int input = i;
        ends.get(i).registerHook(g -> pass.gradientOf(input));
      }
    }
    return Collections.unmodifiableList(results);
  }

  /** One backward pass of one application: the gradients collected, then handed out. */
  private final class Backward {
    private final FunctionContext ctx;
    private final List<Tensor> inputs;
    private final List<Tensor> outputs;
    private final List<Integer> differentiable;
    final Tensor[] gradOutputs;
    private List<Tensor> gradInputs;

    Backward(FunctionContext ctx, List<Tensor> inputs, List<Tensor> outputs,
        List<Integer> differentiable) {
      this.ctx = ctx;
      this.inputs = inputs;
      this.outputs = outputs;
      this.differentiable = differentiable;
      this.gradOutputs = new Tensor[differentiable.size()];
    }

    /**
     * Keeps the gradient of differentiable result {@code slot}. The results' hooks run before any
     * input's in every pass (the joint that reaches the inputs depends on all results), so the
     * first of them starts a new pass: what an earlier pass left is dropped.
     */
    void collect(int slot, Tensor g) {
      if (gradInputs != null) {
        for (Tensor left : gradInputs) {
          if (left != null) {
            left.close();
          }
        }
        gradInputs = null;
      }
      if (gradOutputs[slot] != null) {
        gradOutputs[slot].close();
      }
      gradOutputs[slot] = TensorCore.wrapBorrowed(g.h()).retain(); // a handle of our own
    }

    /** The gradient of input {@code i}: runs {@link #backward} at the first input's turn. */
    Tensor gradientOf(int i) {
      if (gradInputs == null) {
        gradInputs = runBackward();
      }
      Tensor own = gradInputs.get(i);
      gradInputs.set(i, null);
      if (own == null) {
        return Torch.zerosLike(inputs.get(i));
      }
      TensorScope.adopt(own); // freed with the hook's scope, once the engine holds its handle
      DType want = inputs.get(i).dtype();
      return own.dtype() == want ? own : own.to(want);
    }

    private List<Tensor> runBackward() {
      List<Tensor> grads = new ArrayList<>(gradOutputs.length);
      for (int k = 0; k < gradOutputs.length; k++) {
        Tensor g = gradOutputs[k];
        grads.add(g != null ? g : Torch.zerosLike(outputs.get(differentiable.get(k))));
        gradOutputs[k] = null;
      }
      try {
        List<Tensor> returned = backward(ctx, Collections.unmodifiableList(grads));
        String op = name() + ".backward";
        if (returned == null || returned.size() != inputs.size()) {
          throw new IllegalArgumentException(op + ": returned "
              + (returned == null ? "null" : returned.size() + " gradients") + " for "
              + inputs.size() + " inputs; return one gradient (or null) per input");
        }
        for (int k = 0; k < returned.size(); k++) {
          Tensor g = returned.get(k);
          if (g != null && !g.shapeOf().equals(inputs.get(k).shapeOf())) {
            throw new ShapeException(ShapeMismatch.of("shape.mismatch.function", op,
                "the gradient of input " + k + " is " + g.shapeOf() + " but the input is "
                    + inputs.get(k).shapeOf() + "; return each input's gradient in its shape"));
          }
        }
        List<Tensor> kept = new ArrayList<>(returned.size());
        for (int k = 0; k < returned.size(); k++) {
          Tensor g = returned.get(k);
          // A handle of our own, outside every scope, until the input's hook hands it out.
          kept.add(g == null || !inputs.get(k).requiresGrad() ? null
              : TensorCore.wrapBorrowed(g.h()).retain());
        }
        return kept;
      } finally {
        for (Tensor g : grads) {
          g.close();
        }
      }
    }
  }
}
