package dev.shapetorch.nn.utils;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.nn.Parameter;
import dev.shapetorch.tensor.Device;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.util.ArrayList;
import java.util.List;

/**
 * A module's parameters as one flat vector and back, as PyTorch's {@code
 * torch.nn.utils.parameters_to_vector} and {@code vector_to_parameters}: for optimisers and
 * analyses that see a model as a point in {@code R^N} (evolution strategies, line searches,
 * Hessian-vector products, weight averaging by hand).
 *
 * <pre>{@code
 * Tensor theta = ParameterVectors.parametersToVector(model.parameters());   // [N]
 * ParameterVectors.vectorToParameters(theta.add(step), model.parameters());
 * }</pre>
 *
 * <p>Shape: {@code parametersToVector}: the parameters, in their order, {@code -> [N]}, {@code N}
 * their element count in all; {@code vectorToParameters}: {@code [N]} and the parameters.
 */
public final class ParameterVectors {

  private ParameterVectors() {}

  /**
   * The parameters' values flattened and concatenated in their order, as {@code
   * parameters_to_vector(parameters)}. The result is a new tensor (in the current scope) that
   * stays in the autograd graph: gradients of a function of it reach the parameters. Unlike
   * PyTorch, whose {@code view(-1)} refuses them, parameters in another memory format
   * (channels-last weights) are flattened too, in their logical order.
   *
   * <p>Shape: {@code -> [N]}, {@code N} the parameters' element count in all.
   *
   * @throws IllegalArgumentException if there is no parameter, one is null, or two are on
   *     different devices
   */
  public static Tensor parametersToVector(Iterable<Parameter> parameters) {
    String op = "ParameterVectors.parametersToVector";
    List<Parameter> params = checked(op, parameters);
    if (params.isEmpty()) {
      throw new IllegalArgumentException(op + ": no parameters; pass a module's parameters()"
          + " (PyTorch's torch.cat also refuses an empty list)");
    }
    List<Tensor> flat = new ArrayList<>(params.size());
    for (Parameter p : params) {
      flat.add(p.get().reshape(-1));
    }
    return Torch.cat(flat, 0);
  }

  /**
   * Makes each parameter the next slice of {@code vec}, viewed in the parameter's shape, as
   * {@code vector_to_parameters(vec, parameters)}: like PyTorch's {@code param.data = ...}, the
   * parameters then share {@code vec}'s memory, so a later in-place change of {@code vec} shows in
   * them. Each parameter stays a leaf and keeps whether it requires a gradient; optimisers that
   * hold the parameters see the new values at their next step.
   *
   * <p>Shape: {@code vec} is {@code [N]}, {@code N} the parameters' element count in all.
   *
   * @throws IllegalArgumentException if {@code vec} is not 1-D, its length is not the parameters'
   *     element count, a parameter is null, or the parameters and {@code vec} are not all on one
   *     device
   */
  public static void vectorToParameters(Tensor vec, Iterable<Parameter> parameters) {
    String op = "ParameterVectors.vectorToParameters";
    Arguments.requireNonNull(vec, "vec");
    List<Parameter> params = checked(op, parameters);
    long total = 0;
    for (Parameter p : params) {
      total += p.get().numel();
    }
    if (vec.dim() != 1 || vec.size(0) != total) {
      throw new IllegalArgumentException(op + ": vec has shape " + vec.shapeOf() + " but the "
          + params.size() + " parameters hold " + total + " elements in all; pass a vector ["
          + total + "] (parametersToVector of the same parameters has that shape)");
    }
    if (!params.isEmpty() && !vec.device().equals(params.get(0).get().device())) {
      throw new IllegalArgumentException(op + ": vec is on " + vec.device()
          + " but the parameters are on " + params.get(0).get().device()
          + "; move vec there first");
    }
    long offset = 0;
    for (Parameter p : params) {
      long n = p.get().numel();
      p.set(vec.narrow(0, offset, n).view(p.shape()));
      offset += n;
    }
  }

  /** The parameters, in order, checked non-null and on one device. */
  private static List<Parameter> checked(String op, Iterable<Parameter> parameters) {
    Arguments.requireNonNull(parameters, "parameters");
    List<Parameter> params = new ArrayList<>();
    Device device = null;
    for (Parameter p : parameters) {
      if (p == null) {
        throw new IllegalArgumentException(op + ": parameter " + params.size() + " is null");
      }
      Device d = p.get().device();
      if (device == null) {
        device = d;
      } else if (!device.equals(d)) {
        throw new IllegalArgumentException(op + ": parameter " + params.size() + " is on " + d
            + " but parameter 0 is on " + device + "; move the module to one device first"
            + " (model.to(device))");
      }
      params.add(p);
    }
    return params;
  }
}
