package dev.shapetorch.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link AutogradFunction}, PyTorch's {@code torch.autograd.Function}: a Java forward and
 * backward run by libtorch's engine give the gradients libtorch's own ops give (and finite
 * differences), pass values through exactly, handle several inputs and results, unused results,
 * inputs that need no gradient, and report a wrong backward by the function's name.
 */
class AutogradFunctionTest {

  /** exp, with the result saved for the backward. */
  static final class Exp extends AutogradFunction {
    int backwardCalls;

    @Override
    protected List<Tensor> forward(FunctionContext ctx, List<Tensor> inputs) {
      Tensor result = inputs.get(0).exp();
      ctx.saveForBackward(result);
      return List.of(result);
    }

    @Override
    protected List<Tensor> backward(FunctionContext ctx, List<Tensor> gradOutputs) {
      backwardCalls++;
      return List.of(gradOutputs.get(0).mul(ctx.savedTensors().get(0)));
    }
  }

  /** (a * b, a + b): two inputs, two results. */
  static final class MulAndAdd extends AutogradFunction {
    List<Boolean> needs = new ArrayList<>();

    @Override
    protected List<Tensor> forward(FunctionContext ctx, List<Tensor> inputs) {
      ctx.saveForBackward(inputs.get(0), inputs.get(1));
      return List.of(inputs.get(0).mul(inputs.get(1)), inputs.get(0).add(inputs.get(1)));
    }

    @Override
    protected List<Tensor> backward(FunctionContext ctx, List<Tensor> g) {
      needs = List.of(ctx.needsInputGrad(0), ctx.needsInputGrad(1));
      Tensor a = ctx.savedTensors().get(0);
      Tensor b = ctx.savedTensors().get(1);
      Tensor ga = ctx.needsInputGrad(0) ? g.get(0).mul(b).add(g.get(1)) : null;
      Tensor gb = ctx.needsInputGrad(1) ? g.get(0).mul(a).add(g.get(1)) : null;
      return Arrays.asList(ga, gb);
    }
  }

  @Test
  void customExp_givesLibtorchsGradient_andCallsBackwardOnce() {
    try (TensorScope scope = TensorScope.open()) {
      Tensor x = Torch.tensor(0.5, -1.0, 2.0).requiresGrad_(true);
      Exp exp = new Exp();
      Tensor y = exp.apply(x).get(0);
      assertTrue(y.requiresGrad());
      assertArrayEquals(x.detach().exp().toDoubleArray(), y.toDoubleArray(), 0.0);
      y.mul(y).sum().backward();                     // d/dx exp(x)^2 = 2 exp(2x)
      Tensor reference = Torch.tensor(0.5, -1.0, 2.0).requiresGrad_(true);
      reference.exp().mul(reference.exp()).sum().backward();
      assertArrayEquals(reference.grad().toDoubleArray(), x.grad().toDoubleArray(), 1e-12);
      assertEquals(1, exp.backwardCalls);
    }
  }

  @Test
  void twoInputsTwoResults_matchFiniteDifferences() {
    try (TensorScope scope = TensorScope.open()) {
      double[] av = {0.3, -1.2, 2.0};
      double[] bv = {1.5, 0.7, -0.4};
      Tensor a = Torch.fromArray(av, 3).requiresGrad_(true); // float64
      Tensor b = Torch.fromArray(bv, 3).requiresGrad_(true);
      List<Tensor> r = new MulAndAdd().apply(a, b);
      // loss = sum(sin(ab)) + sum((a+b)^2)
      r.get(0).sin().sum().add(r.get(1).pow(2.0).sum()).backward();
      double h = 1e-6;
      for (int i = 0; i < 3; i++) {
        double da = (loss(plus(av, i, h), bv) - loss(plus(av, i, -h), bv)) / (2 * h);
        double db = (loss(av, plus(bv, i, h)) - loss(av, plus(bv, i, -h))) / (2 * h);
        assertEquals(da, a.grad().toDoubleArray()[i], 1e-6, "d/da[" + i + "]");
        assertEquals(db, b.grad().toDoubleArray()[i], 1e-6, "d/db[" + i + "]");
      }
    }
  }

  private static double loss(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += Math.sin(a[i] * b[i]) + (a[i] + b[i]) * (a[i] + b[i]);
    }
    return s;
  }

  private static double[] plus(double[] v, int i, double h) {
    double[] c = v.clone();
    c[i] += h;
    return c;
  }

  @Test
  void anUnusedResultGetsZeroGradient_andAnInputWithoutGradIsNotAsked() {
    try (TensorScope scope = TensorScope.open()) {
      Tensor a = Torch.tensor(2.0, 3.0).requiresGrad_(true);
      Tensor b = Torch.tensor(5.0, 7.0);
      MulAndAdd f = new MulAndAdd();
      List<Tensor> r = f.apply(a, b);
      r.get(0).sum().backward();                     // only a*b is used: d/da = b
      assertArrayEquals(new double[] {5.0, 7.0}, a.grad().toDoubleArray(), 0.0);
      assertEquals(List.of(true, false), f.needs);
      assertTrue(b.grad() == null);
    }
  }

  @Test
  void valuesPassThroughExactly_nanInfinityAndNegativeZeroIncluded() {
    try (TensorScope scope = TensorScope.open()) {
      Tensor x = Torch.tensor(Double.NaN, Double.POSITIVE_INFINITY, -0.0, 1.0)
          .requiresGrad_(true);
      AutogradFunction identity = new AutogradFunction() {
        @Override
        protected List<Tensor> forward(FunctionContext ctx, List<Tensor> in) {
          return List.of(in.get(0).clone());
        }

        @Override
        protected List<Tensor> backward(FunctionContext ctx, List<Tensor> g) {
          return List.of(g.get(0));
        }
      };
      double[] y = identity.apply(x).get(0).toDoubleArray();
      assertTrue(Double.isNaN(y[0]));
      assertEquals(Double.POSITIVE_INFINITY, y[1]);
      assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(y[2]));
      assertEquals(1.0, y[3]);
      identity.apply(x).get(0).sum().backward();
      assertArrayEquals(new double[] {1, 1, 1, 1}, x.grad().toDoubleArray(), 0.0,
          "a NaN input does not poison the gradient");
    }
  }

  @Test
  void withoutGradOrInsideNoGrad_theResultsAreForwardsOwn() {
    try (TensorScope scope = TensorScope.open()) {
      Exp exp = new Exp();
      Tensor plain = Torch.tensor(1.0);
      assertFalse(exp.apply(plain).get(0).requiresGrad());
      Tensor x = Torch.tensor(1.0).requiresGrad_(true);
      try (var ng = Torch.noGrad()) {
        assertFalse(exp.apply(x).get(0).requiresGrad());
      }
    }
  }

  @Test
  void aBackwardOfTheWrongShape_isAShapeExceptionNamingTheFunction() {
    try (TensorScope scope = TensorScope.open()) {
      Tensor x = Torch.tensor(1.0, 2.0).requiresGrad_(true);
      AutogradFunction wrong = new AutogradFunction() {
        @Override
        protected List<Tensor> forward(FunctionContext ctx, List<Tensor> in) {
          return List.of(in.get(0).mul(2.0));
        }

        @Override
        protected List<Tensor> backward(FunctionContext ctx, List<Tensor> g) {
          return List.of(Torch.ones(3).to(DType.FLOAT64));
        }

        @Override
        protected String name() {
          return "Double";
        }
      };
      Tensor loss = wrong.apply(x).get(0).sum();
      ShapeException e = assertThrows(ShapeException.class, loss::backward);
      assertEquals("[shape.mismatch.function] Double.backward: the gradient of input 0 is [3] but"
          + " the input is [2]; return each input's gradient in its shape", e.getMessage());
    }
  }

  @Test
  void anExceptionInBackward_isThrownByBackwardAsItWas() {
    try (TensorScope scope = TensorScope.open()) {
      Tensor x = Torch.tensor(1.0).requiresGrad_(true);
      UnsupportedOperationException thrown = new UnsupportedOperationException("no backward");
      AutogradFunction failing = new AutogradFunction() {
        @Override
        protected List<Tensor> forward(FunctionContext ctx, List<Tensor> in) {
          return List.of(in.get(0).mul(2.0));
        }

        @Override
        protected List<Tensor> backward(FunctionContext ctx, List<Tensor> g) {
          throw thrown;
        }
      };
      Tensor loss = failing.apply(x).get(0).sum();
      assertSame(thrown, assertThrows(RuntimeException.class, loss::backward));
    }
  }

  @Test
  void aRetainedGraph_runsBackwardOncePerPass() {
    try (TensorScope scope = TensorScope.open()) {
      Tensor x = Torch.tensor(1.0, 2.0).requiresGrad_(true);
      Exp exp = new Exp();
      Tensor loss = exp.apply(x).get(0).sum();
      loss.backward(Torch.onesLike(loss), true, false);
      loss.backward(Torch.onesLike(loss), false, false);
      assertEquals(2, exp.backwardCalls);
      double[] g = x.grad().toDoubleArray();
      assertEquals(2 * Math.exp(1.0), g[0], 1e-5, "float32: two passes accumulate 2 exp(x)");
      assertEquals(2 * Math.exp(2.0), g[1], 1e-5);
    }
  }

  @Test
  void forwardReturningNothing_isRefusedNamingTheFunction() {
    AutogradFunction empty = new AutogradFunction() {
      @Override
      protected List<Tensor> forward(FunctionContext ctx, List<Tensor> in) {
        return List.of();
      }

      @Override
      protected List<Tensor> backward(FunctionContext ctx, List<Tensor> g) {
        return List.of();
      }

      @Override
      protected String name() {
        return "Empty";
      }
    };
    try (TensorScope scope = TensorScope.open()) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> empty.apply(Torch.ones(1)));
      assertEquals("Empty.apply: forward returned no result; return at least one tensor",
          e.getMessage());
    }
  }
}
