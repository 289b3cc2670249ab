package dev.shapetorch.optim;

import dev.shapetorch.tensor.Arguments;
import dev.shapetorch.nn.Parameter;
import java.util.List;

/**
 * Parameters that share hyperparameters: one entry of PyTorch's {@code optimizer.param_groups}.
 *
 * <pre>{@code
 * var adam = Adam.ofGroups(List.of(
 *     new ParamGroup<>(model.backbone().parameters(), AdamOptions.lr(1e-4)),
 *     new ParamGroup<>(model.head().parameters(), AdamOptions.lr(1e-3))));
 * }</pre>
 *
 * @param params the parameters (at least one, each once)
 * @param options their hyperparameters
 * @param <O> the optimizer's options type
 */
public record ParamGroup<O extends OptimizerOptions<O>>(List<Parameter> params, O options) {

  /**
   * Copies the list and checks it.
   *
   * @throws IllegalArgumentException if the group is empty or lists a parameter twice
   */
  public ParamGroup {
    params = List.copyOf(params);
    Arguments.requireNonNull(options, "options");
    if (params.isEmpty()) {
      throw new IllegalArgumentException("ParamGroup: a parameter group needs parameters");
    }
    for (int i = 0; i < params.size(); i++) {
      for (int j = 0; j < i; j++) {
        if (params.get(i) == params.get(j)) {
          throw new IllegalArgumentException(
              "ParamGroup: parameter " + i + " appears twice in the group (also at " + j + ")");
        }
      }
    }
  }

  /** A copy with other options. */
  public ParamGroup<O> withOptions(O newOptions) {
    return new ParamGroup<>(params, newOptions);
  }
}
