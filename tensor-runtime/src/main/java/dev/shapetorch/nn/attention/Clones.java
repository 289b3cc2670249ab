package dev.shapetorch.nn.attention;

import dev.shapetorch.nn.Module;
import dev.shapetorch.nn.Parameter;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.util.Iterator;
import java.util.Map;

/**
 * What PyTorch's {@code copy.deepcopy} does to a layer that {@code TransformerEncoder} and
 * {@code TransformerDecoder} stack: a fresh layer of the same hyperparameters gets copies of
 * the original's parameter values and gradient flags and its training mode, and shares no
 * tensor with it.
 */
final class Clones {
  private Clones() {}

  /** Makes {@code copy}'s parameters and mode those of {@code original}, of the same class. */
  static <M extends Module> M copyState(M original, M copy) {
    Map<String, Parameter> from = original.namedParameters();
    Map<String, Parameter> to = copy.namedParameters();
    Iterator<Map.Entry<String, Parameter>> it = to.entrySet().iterator();
    for (Map.Entry<String, Parameter> e : from.entrySet()) {
      Parameter target = it.next().getValue();
      Parameter source = e.getValue();
      try (var guard = Torch.noGrad()) {
        Tensor value = source.get().detach().clone();
        target.set(value);
      }
      target.requiresGrad_(source.requiresGrad());
    }
    copy.train(original.isTraining());
    return copy;
  }
}
