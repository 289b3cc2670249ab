package dev.shapetorch.backprop.ops;

import dev.shapetorch.backprop.Op;
import dev.shapetorch.backprop.OpResult;
import dev.shapetorch.backprop.T1;
import dev.shapetorch.backprop.T2;
import dev.shapetorch.backprop.TN;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The bridge to libtorch autograd: an {@link Op} for any function of tensors, whose forward pass
 * runs the function on fresh autograd leaves and whose gradient is computed by libtorch's
 * {@code backward}. No gradient needs to be written by hand.
 *
 * <pre>{@code
 * // softplus through autograd, used like any other op
 * Op<T1<Tensor>, Tensor> softplus = AutogradOp.of1(x -> x.exp().add(1.0).log());
 * BVar<Tensor> y = BVars.liftOp1(softplus, x, TensorBackprop.INSTANCE);
 * }</pre>
 *
 * <p>The inputs are detached copies (the caller's tensors are not modified and need not require
 * grad); the result is detached from the recorded graph, which the gradient continuation keeps
 * alive and may run any number of times. Autograd must be enabled (not inside {@code
 * Torch.noGrad()}) when the op runs forward. A function that does not depend on an input gives it
 * a zero gradient.
 *
 * <p>Shape: whatever {@code f} does; each gradient has its input's shape.
 */
public final class AutogradOp {
  private AutogradOp() {}

  /** An op of one tensor computed by {@code f}. */
  public static Op<T1<Tensor>, Tensor> of1(Function<? super Tensor, ? extends Tensor> f) {
    Objects.requireNonNull(f, "f");
    return Op.op1(x -> {
      Recorded r = Recorded.run(List.of(x), leaves -> f.apply(leaves.get(0)));
      return OpResult.of(r.value(), g -> r.gradients(g).get(0));
    });
  }

  /** An op of two tensors computed by {@code f}. */
  public static Op<T2<Tensor, Tensor>, Tensor> of2(
      BiFunction<? super Tensor, ? super Tensor, ? extends Tensor> f) {
    Objects.requireNonNull(f, "f");
    return Op.op2((x, y) -> {
      Recorded r = Recorded.run(List.of(x, y), leaves -> f.apply(leaves.get(0), leaves.get(1)));
      return OpResult.of(r.value(), g -> {
        List<Tensor> gs = r.gradients(g);
        return T2.of(gs.get(0), gs.get(1));
      });
    });
  }

  /** An op of a pair of tensors computed by {@code f}, taking the pair itself. */
  public static Op<T2<Tensor, Tensor>, Tensor> of(
      Function<? super T2<Tensor, Tensor>, ? extends Tensor> f) {
    Objects.requireNonNull(f, "f");
    return of2((x, y) -> f.apply(T2.of(x, y)));
  }

  /** An op of any number of tensors computed by {@code f}. */
  public static Op<TN<Tensor>, Tensor> ofN(Function<? super List<Tensor>, ? extends Tensor> f) {
    Objects.requireNonNull(f, "f");
    return xs -> {
      Recorded r = Recorded.run(xs.values(), leaves -> f.apply(leaves));
      return OpResult.of(r.value(), g -> new TN<>(r.gradients(g)));
    };
  }

  /** One forward pass recorded by autograd. */
  private static final class Recorded {
    private final List<Tensor> leaves;
    private final Tensor output;
    private final Tensor value;

    private Recorded(List<Tensor> leaves, Tensor output) {
      this.leaves = leaves;
      this.output = output;
      this.value = output.detach();
    }

    static Recorded run(List<Tensor> inputs, Function<List<Tensor>, ? extends Tensor> f) {
      if (!Torch.isGradEnabled()) {
        throw new IllegalStateException("AutogradOp: autograd is disabled on this thread (inside"
            + " Torch.noGrad()); run the op with autograd enabled so that libtorch can record"
            + " the function it differentiates");
      }
      List<Tensor> leaves = new ArrayList<>(inputs.size());
      for (Tensor x : inputs) {
        leaves.add(x.detach().requiresGrad_(true));
      }
      List<Tensor> view = List.copyOf(leaves);
      Tensor out = Objects.requireNonNull(f.apply(view), "AutogradOp: the function returned null");
      return new Recorded(view, out);
    }

    Tensor value() {
      return value;
    }

    /** Runs libtorch's backward from the output with gradient {@code g}. */
    List<Tensor> gradients(Tensor g) {
      List<Tensor> grads = new ArrayList<>(leaves.size());
      if (!output.requiresGrad()) {
        for (Tensor leaf : leaves) {
          grads.add(Torch.zerosLike(leaf));
        }
        return grads;
      }
      for (Tensor leaf : leaves) {
        if (leaf.grad() != null) {
          leaf.zeroGrad_();
        }
      }
      output.backward(g, true, false);
      for (Tensor leaf : leaves) {
        Tensor grad = leaf.grad();
        grads.add(grad == null ? Torch.zerosLike(leaf) : grad.clone());
      }
      return grads;
    }
  }
}
