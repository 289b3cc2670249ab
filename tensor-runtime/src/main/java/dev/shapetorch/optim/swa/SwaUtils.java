package dev.shapetorch.optim.swa;

import dev.shapetorch.data.Sample;
import dev.shapetorch.internal.Arguments;
import dev.shapetorch.nn.Module;
import dev.shapetorch.nn.UnaryModule;
import dev.shapetorch.nn.normalization.BatchNorm;
import dev.shapetorch.tensor.NoGradScope;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * PyTorch's {@code torch.optim.swa_utils} functions; {@link AveragedModel} and {@link
 * dev.shapetorch.optim.lr.SWALR} are its classes.
 *
 * <pre>{@code
 * swa.updateParameters(model);               // each SWA epoch
 * SwaUtils.updateBn(trainLoader, swa);       // at the end: batch-norm statistics for the average
 * }</pre>
 *
 * <p>Shape: {@link #updateBn} feeds each batch's input to the model's {@code forward} as it is.
 */
public final class SwaUtils {
  private SwaUtils() {}

  /**
   * Recomputes the running statistics of every batch-norm layer of {@code model} from one pass
   * over {@code loader}, as PyTorch's {@code update_bn(loader, model)}: an averaged model's
   * parameters never ran forward, so its running statistics must be estimated again. Each
   * layer's statistics are reset, its momentum set to null (a cumulative average over the
   * pass), every batch's input run through {@code model.forward} in training mode, then each
   * layer's momentum and the model's mode restored. Gradients are not recorded. A model without
   * batch norm is left alone, and the loader is then not iterated.
   *
   * @param loader the batches: tensors, {@link Sample}s (their input is used) or lists whose
   *     first element is the input, as PyTorch takes {@code input[0]} of a list or tuple
   * @param model the model
   * @throws IllegalArgumentException for a null argument, or a batch of another kind (naming it)
   */
  public static void updateBn(Iterable<?> loader, UnaryModule model) {
    Arguments.requireNonNull(model, "model");
    updateBn(loader, model, model::forward);
  }

  /**
   * {@link #updateBn(Iterable, UnaryModule)} for an averaged model, the usual case: its copy's
   * batch-norm layers are updated through {@link AveragedModel#forward}.
   *
   * @throws IllegalArgumentException for a null argument, or a batch of another kind
   * @throws UnsupportedOperationException if the averaged module is not a {@link UnaryModule}
   *     (use {@link #updateBn(Iterable, Module, Consumer)})
   */
  public static void updateBn(Iterable<?> loader, AveragedModel<?> model) {
    Arguments.requireNonNull(model, "model");
    updateBn(loader, model, model::forward);
  }

  /**
   * {@link #updateBn(Iterable, UnaryModule)} for any module: {@code forward} runs the model on a
   * batch's input (for a module whose forward takes more than one tensor, or returns several).
   *
   * @throws IllegalArgumentException for a null argument, or a batch of another kind
   */
  public static void updateBn(Iterable<?> loader, Module model, Consumer<Tensor> forward) {
    Arguments.requireNonNull(loader, "loader");
    Arguments.requireNonNull(model, "model");
    Arguments.requireNonNull(forward, "forward");
    Map<BatchNorm, Double> momenta = new LinkedHashMap<>();
    for (Module m : model.modules()) {
      if (m instanceof BatchNorm bn) {
        momenta.put(bn, bn.spec().momentum());
      }
    }
    if (momenta.isEmpty()) {
      return;
    }
    boolean wasTraining = model.isTraining();
    momenta.keySet().forEach(BatchNorm::resetRunningStats);
    model.train();
    try {
      momenta.keySet().forEach(bn -> bn.setMomentum(null));
      try (NoGradScope ng = Torch.noGrad()) {
        int k = 0;
        for (Object batch : loader) {
          forward.accept(inputOf(batch, k++));
        }
      }
    } finally {
      momenta.forEach(BatchNorm::setMomentum);
      model.train(wasTraining);
    }
  }

  private static Tensor inputOf(Object batch, int k) {
    if (batch instanceof Tensor t) {
      return t;
    }
    if (batch instanceof Sample s) {
      return s.input();
    }
    if (batch instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Tensor t) {
      return t;
    }
    throw new IllegalArgumentException("SwaUtils.updateBn: batch " + k + " of the loader is "
        + (batch == null ? "null" : "a " + batch.getClass().getName())
        + "; give batches that are tensors, Samples or lists whose first element is the input");
  }
}
