package dev.shapetorch.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shapetorch.nn.linear.Linear;
import dev.shapetorch.tensor.RemovableHandle;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Module hooks as PyTorch runs them: order, replacement of arguments and outputs, removal, and
 * the full backward hooks' gradients, checked against autograd's own gradients of the same
 * computation (grad_output of a Linear is the loss's gradient, grad_input is grad_output times
 * the weight).
 */
class ModuleHooksTest {

  /** A user module of two arguments returning a record, made hookable with runForward. */
  record Pair(Tensor sum, Tensor product) {}

  static final class Combine extends AbstractModule {
    Pair forward(Tensor a, Tensor b) {
      return runForward(args -> {
        Tensor x = (Tensor) args.get(0);
        Tensor y = (Tensor) args.get(1);
        return new Pair(x.add(y), x.mul(y));
      }, a, b);
    }

    @Override
    public void visitChildren(ModuleVisitor visitor) {}
  }

  @Test
  void hooksRunInPyTorchsOrder_andRemoveThemselves() {
    Linear fc = new Linear(3, 2);
    List<String> calls = new ArrayList<>();
    RemovableHandle a = fc.registerForwardPreHook((m, args) -> {
      calls.add("pre1");
      return null;
    });
    fc.registerForwardPreHook((m, args) -> {
      calls.add("pre0");
      return null;
    }, true);
    RemovableHandle f = fc.registerForwardHook((m, args, out) -> {
      calls.add("fwd");
      assertSame(fc, m);
      return null;
    });
    fc.forward(Torch.randn(1, 3));
    assertEquals(List.of("pre0", "pre1", "fwd"), calls);
    a.remove();
    f.remove();
    f.remove();
    calls.clear();
    fc.forward(Torch.randn(1, 3));
    assertEquals(List.of("pre0"), calls);
  }

  @Test
  void preHookReplacesTheInput_forwardHookReplacesTheOutput() {
    Linear fc = new Linear(3, 2);
    Tensor x = Torch.randn(4, 3);
    Tensor onZeros = fc.forward(Torch.zeros(4, 3));
    try (RemovableHandle h = fc.registerForwardPreHook((m, args) -> List.of(Torch.zeros(4, 3)))) {
      assertTrue(fc.forward(x).equal(onZeros));
    }
    Tensor marker = Torch.ones(4, 2);
    try (RemovableHandle h = fc.registerForwardHook((m, args, out) -> marker)) {
      assertSame(marker, fc.forward(x));
    }
    assertTrue(fc.forward(x).allclose(x.matmul(fc.weight().get().t()).add(fc.bias().get())));
  }

  @Test
  void hooksThatReturnTheWrongThing_areNamedInTheError() {
    Linear fc = new Linear(3, 2);
    fc.registerForwardPreHook((m, args) -> List.of(Torch.zeros(1, 3), Torch.zeros(1, 3)));
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> fc.forward(Torch.zeros(1, 3)));
    assertEquals("Linear: a forward pre-hook returned 2 arguments but forward takes 1; return one"
        + " per argument, or null to keep them", e.getMessage());
    Linear g = new Linear(3, 2);
    g.registerForwardHook((m, args, out) -> "not a tensor");
    IllegalStateException o = assertThrows(IllegalStateException.class,
        () -> g.forward(Torch.zeros(1, 3)));
    assertTrue(o.getMessage().startsWith("Linear: a forward hook returned a String but forward"
        + " returns a "), o.getMessage());
  }

  @Test
  void fullBackwardHook_seesGradOutputAndGradInput_asAutogradComputesThem() {
    Linear fc = new Linear(3, 2);
    List<Tensor> gradIn = new ArrayList<>();
    List<Tensor> gradOut = new ArrayList<>();
    fc.registerFullBackwardHook((m, gi, go) -> {
      gradIn.addAll(gi);
      gradOut.addAll(go);
      return null;
    });
    Tensor x = Torch.randn(4, 3).requiresGrad_(true);
    Tensor y = fc.forward(x);
    Tensor w = Torch.randn(4, 2);
    y.mul(w).sum().backward();
    assertEquals(1, gradOut.size());
    assertTrue(gradOut.get(0).allclose(w), "grad_output is dLoss/dy");
    assertEquals(1, gradIn.size());
    assertTrue(gradIn.get(0).allclose(w.matmul(fc.weight().get()), 1e-5, 1e-6));
    assertTrue(x.grad().allclose(gradIn.get(0)), "unchanged when the hook returns null");
  }

  @Test
  void fullBackwardHook_replacesTheInputGradient() {
    Linear fc = new Linear(3, 2);
    fc.registerFullBackwardHook((m, gi, go) -> List.of(gi.get(0).mul(0).add(7)));
    Tensor x = Torch.randn(2, 3).requiresGrad_(true);
    fc.forward(x).sum().backward();
    assertTrue(x.grad().equal(Torch.full(new long[] {2, 3}, 7.0)));
  }

  @Test
  void fullBackwardHook_onAFirstLayer_getsNullForTheData_andParametersStillTrain() {
    Linear fc = new Linear(3, 2);
    List<List<Tensor>> seen = new ArrayList<>();
    fc.registerFullBackwardHook((m, gi, go) -> {
      seen.add(gi);
      return null;
    });
    fc.forward(Torch.randn(2, 3)).sum().backward();
    assertEquals(1, seen.size(), "called once, from the output side");
    assertEquals(1, seen.get(0).size());
    assertNull(seen.get(0).get(0));
    assertTrue(fc.weight().grad() != null);
  }

  @Test
  void backwardPreHook_replacesTheOutputGradient() {
    Linear fc = new Linear(3, 2);
    fc.registerFullBackwardPreHook((m, go) -> List.of(go.get(0).mul(2)));
    Tensor x = Torch.randn(2, 3).requiresGrad_(true);
    fc.forward(x).sum().backward();
    Tensor expected = Torch.ones(2, 2).mul(2).matmul(fc.weight().get());
    assertTrue(x.grad().allclose(expected, 1e-5, 1e-6));
  }

  @Test
  void severalArguments_andARecordOutput() {
    Combine c = new Combine();
    List<Integer> argCounts = new ArrayList<>();
    c.registerForwardHook((m, args, out) -> {
      argCounts.add(args.size());
      return null;
    });
    List<List<Tensor>> grads = new ArrayList<>();
    c.registerFullBackwardHook((m, gi, go) -> {
      grads.add(gi);
      grads.add(go);
      return null;
    });
    Tensor a = Torch.randn(3).requiresGrad_(true);
    Tensor b = Torch.randn(3);
    Pair p = c.forward(a, b);
    assertEquals(List.of(2), argCounts);
    p.sum().add(p.product()).sum().backward();
    assertEquals(2, grads.get(0).size(), "one entry per tensor argument");
    assertNull(grads.get(0).get(1), "b needs no gradient");
    assertTrue(grads.get(0).get(0).allclose(b.add(1)), "d(a+b + a*b)/da = 1 + b");
    assertEquals(2, grads.get(1).size(), "one per component of the record");
    assertTrue(a.grad().allclose(b.add(1)));
  }

  @Test
  void noHooks_noOverhead_inTheGraph() {
    Linear fc = new Linear(3, 2);
    Tensor y = fc.forward(Torch.randn(1, 3));
    assertTrue(y.gradFnName().contains("Addmm"), y.gradFnName());
  }
}
