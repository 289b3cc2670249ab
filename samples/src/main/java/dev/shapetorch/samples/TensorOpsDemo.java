package dev.shapetorch.samples;

import dev.shapetorch.shapes.Shape;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/**
 * A few seconds' tour of typed tensors, for a smoke test: factories, broadcasting, a matrix
 * product, a reduction, autograd, printing.
 *
 * <pre>
 * mvn -q -B -pl samples -am compile exec:exec -Dsample.main=dev.shapetorch.samples.TensorOpsDemo
 * </pre>
 */
public final class TensorOpsDemo {

  private TensorOpsDemo() {}

  /** Prints the tour; exits with status 1 if a result is not what it should be. */
  public static void main(String[] args) {
    @Shape({"2", "3"}) Tensor a = Torch.fromArray(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
    @Shape({"3", "2"}) Tensor b = a.t();
    @Shape({"2", "2"}) Tensor c = a.mm(b);
    System.out.println("a =\n" + a);
    System.out.println("a @ a.T =\n" + c);
    Tensor shifted = a.add(Torch.fromArray(new float[] {10, 20, 30}, 3));
    System.out.println("a + [10, 20, 30] =\n" + shifted);
    Tensor w = Torch.ones(3).requiresGrad_(true);
    Tensor loss = a.matmul(w).pow(2.0).sum();
    loss.backward();
    System.out.println("d/dw sum((a @ w)^2) = " + w.grad());
    boolean ok = c.toFloatArray()[0] == 14f && c.toFloatArray()[3] == 77f
        && w.grad().toFloatArray()[0] == 2 * (6 + 4 * 15);
    System.out.println(ok ? "OK" : "UNEXPECTED RESULT");
    if (!ok) {
      System.exit(1);
    }
  }
}
