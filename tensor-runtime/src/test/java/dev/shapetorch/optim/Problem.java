package dev.shapetorch.optim;

import dev.shapetorch.nn.Parameter;
import dev.shapetorch.tensor.Tensor;

/**
 * The fixed problem of the golden trajectories: parameters w [2, 3] and b [3], loss {@code
 * ((tanh(x @ w + b) - y)^2).mean()} over fixed x [4, 2] and y [4, 3].
 */
final class Problem {

  static final Golden DATA = Golden.read("problem.txt");

  final Parameter w = new Parameter(DATA.tensor("w"));
  final Parameter b = new Parameter(DATA.tensor("b"));
  private final Tensor x = DATA.tensor("x").retain();
  private final Tensor y = DATA.tensor("y").retain();

  Tensor loss() {
    return x.matmul(w.get()).add(b.get()).tanh().sub(y).pow(2.0).mean();
  }

  /** Zeroes the gradients, computes the loss and back-propagates it. */
  void backward() {
    w.get().zeroGrad_();
    b.get().zeroGrad_();
    loss().backward();
  }

  /** A closure for {@code LBFGS.step}: zeroes the gradients, back-propagates, returns the loss. */
  double closure() {
    w.get().zeroGrad_();
    b.get().zeroGrad_();
    Tensor loss = loss();
    loss.backward();
    return loss.item();
  }
}
