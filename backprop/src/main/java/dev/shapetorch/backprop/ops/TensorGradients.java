package dev.shapetorch.backprop.ops;

import dev.shapetorch.internal.Guard;
import dev.shapetorch.nn.Parameter;
import dev.shapetorch.shapes.rules.Rule;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Hands gradients computed by backprop to the rest of ShapeTorch: into parameters' {@code
 * .grad()}, where optimizers read them ({@code optimizer.step()}), or straight into the
 * parameters as a plain SGD step.
 *
 * <pre>{@code
 * List<Parameter> params = model.parameters();
 * var adam = new Adam(params, AdamOptions.lr(1e-3));
 * List<Tensor> grads = BVars.gradBPN(ps -> loss(ps, x, y), TensorGradients.values(params),
 *     TensorBackprop.INSTANCE);
 * adam.zeroGrad();
 * TensorGradients.accumulateParameterGrads(params, grads);   // as loss.backward() would
 * adam.step();
 * }</pre>
 *
 * <p>Shape: each gradient must have its parameter's shape.
 */
public final class TensorGradients {
  private TensorGradients() {}

  /**
   * Adds {@code gradient} to {@code parameter.grad()} (creating it when absent), exactly as
   * {@code loss.backward()} accumulates into a leaf.
   *
   * @param parameter a tensor that requires grad (a leaf, such as an optimizer's parameter)
   * @param gradient its gradient, of the same shape
   * @throws IllegalArgumentException if the parameter does not require grad
   * @throws dev.shapetorch.tensor.ShapeException if the shapes differ
   */
  public static void accumulateGrad(Tensor parameter, Tensor gradient) {
    Objects.requireNonNull(parameter, "parameter");
    Objects.requireNonNull(gradient, "gradient");
    if (!parameter.requiresGrad()) {
      throw new IllegalArgumentException("TensorGradients.accumulateGrad: the parameter does not"
          + " require grad, so it has no .grad() for an optimizer to read; create it with"
          + " requiresGrad_(true)");
    }
    Guard.declared(Rule.SAME_SHAPE, "TensorGradients.accumulateGrad",
        Guard.tensor(parameter, "parameter"), Guard.tensor(gradient, "gradient"));
    parameter.backward(gradient);
  }

  /** {@link #accumulateGrad(Tensor, Tensor)} for each parameter and its gradient, in order. */
  public static void accumulateGrad(List<Tensor> parameters, List<Tensor> gradients) {
    checkSizes("TensorGradients.accumulateGrad", parameters, gradients);
    for (int i = 0; i < parameters.size(); i++) {
      accumulateGrad(parameters.get(i), gradients.get(i));
    }
  }

  /**
   * The parameters' values, detached from autograd (same memory, no copy), to differentiate
   * with {@code BVars}: ops on tensors that require grad would make libtorch record a graph
   * nobody uses.
   */
  public static List<Tensor> values(List<Parameter> parameters) {
    List<Tensor> out = new ArrayList<>(parameters.size());
    for (Parameter p : parameters) {
      out.add(p.get().detach());
    }
    return List.copyOf(out);
  }

  /**
   * Adds {@code gradient} to the parameter's {@code .grad()}, where optimizers read it; see
   * {@link #accumulateGrad(Tensor, Tensor)}.
   */
  public static void accumulateGrad(Parameter parameter, Tensor gradient) {
    accumulateGrad(Objects.requireNonNull(parameter, "parameter").get(), gradient);
  }

  /**
   * {@link #accumulateGrad(Parameter, Tensor)} for each parameter (as {@code
   * module.parameters()} lists them) and its gradient, in order.
   */
  public static void accumulateParameterGrads(List<Parameter> parameters,
      List<Tensor> gradients) {
    if (parameters.size() != gradients.size()) {
      throw new IllegalArgumentException("TensorGradients.accumulateParameterGrads: "
          + parameters.size() + " parameters but " + gradients.size() + " gradients; pass one"
          + " gradient per parameter, in order");
    }
    for (int i = 0; i < parameters.size(); i++) {
      accumulateGrad(parameters.get(i), gradients.get(i));
    }
  }

  /**
   * One plain SGD step, in place and without recording: {@code parameter -= learningRate *
   * gradient} for each parameter and its gradient.
   *
   * @throws IllegalArgumentException if the lists differ in length
   * @throws dev.shapetorch.tensor.ShapeException if a gradient's shape differs from its parameter's
   */
  public static void sgdStep(List<Tensor> parameters, List<Tensor> gradients,
      double learningRate) {
    checkSizes("TensorGradients.sgdStep", parameters, gradients);
    try (var ng = Torch.noGrad()) {
      for (int i = 0; i < parameters.size(); i++) {
        Guard.declared(Rule.SAME_SHAPE, "TensorGradients.sgdStep",
            Guard.tensor(parameters.get(i), "parameters[" + i + "]"),
            Guard.tensor(gradients.get(i), "gradients[" + i + "]"));
        parameters.get(i).add_(gradients.get(i), -learningRate);
      }
    }
  }

  private static void checkSizes(String op, List<Tensor> parameters, List<Tensor> gradients) {
    if (parameters.size() != gradients.size()) {
      throw new IllegalArgumentException(op + ": " + parameters.size() + " parameters but "
          + gradients.size() + " gradients; pass one gradient per parameter, in order");
    }
  }
}
