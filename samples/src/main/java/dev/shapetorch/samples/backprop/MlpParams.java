package dev.shapetorch.samples.backprop;

import dev.shapetorch.backprop.BackpropRecord;
import dev.shapetorch.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * The whole classifier's parameters, a record of two {@link Dense} layers: Haskell's {@code
 * data Model = Model { hidden :: Layer, output :: Layer }}. The {@link BackpropRecord} processor
 * generates {@code MlpParamsBackprop}, whose algebra nests the layers' generated ones, so the
 * gradient of a loss with respect to an {@code MlpParams} is an {@code MlpParams} of gradients.
 *
 * <p>Shape: {@code hidden [H, 784]}, {@code output [10, H]}.
 *
 * @param hidden 784 pixels to {@code H} hidden features
 * @param output {@code H} hidden features to 10 class scores
 */
@BackpropRecord
public record MlpParams(Dense hidden, Dense output) {

  /** A freshly initialised 784-{@code hidden}-10 classifier ({@link Dense#init}). */
  public static MlpParams init(int hidden) {
    return new MlpParams(Dense.init(784, hidden), Dense.init(hidden, 10));
  }

  /** The four tensors in a fixed order (hidden weight, hidden bias, output weight, output bias). */
  public List<Tensor> tensors() {
    List<Tensor> all = new ArrayList<>(hidden.tensors());
    all.addAll(output.tensors());
    return all;
  }

  /** The number of parameters (784 H + H + 10 H + 10). */
  public long count() {
    long n = 0;
    for (Tensor t : tensors()) {
      n += t.numel();
    }
    return n;
  }
}
