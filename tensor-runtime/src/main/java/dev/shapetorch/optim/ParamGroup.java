package dev.shapetorch.optim;

import dev.shapetorch.internal.Arguments;
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
   * <p>The optimizers' one-list constructors ({@code new SGD(params, options)}) make their group
   * here, so the messages name the op the user called ({@code SGD: params is empty; ...}).
   *
   * @throws IllegalArgumentException if the group is empty or lists a parameter twice, or if
   *     {@code params}, one of its elements or {@code options} is null
   */
  public ParamGroup {
    params = List.copyOf(Arguments.requireNonNullElements(params, "params"));
    Arguments.requireNonNull(options, "options");
    if (params.isEmpty()) {
      throw Arguments.invalid(null, "params is empty; a parameter group needs at least one"
          + " parameter (e.g. model.parameters())");
    }
    for (int i = 0; i < params.size(); i++) {
      for (int j = 0; j < i; j++) {
        if (params.get(i) == params.get(j)) {
          throw Arguments.invalid(null, "params[" + i + "] is params[" + j + "] again; list each"
              + " parameter once");
        }
      }
    }
  }

  /** A copy with other options. */
  public ParamGroup<O> withOptions(O newOptions) {
    return new ParamGroup<>(params, newOptions);
  }
}
