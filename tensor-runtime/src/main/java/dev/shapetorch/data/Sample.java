package dev.shapetorch.data;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.tensor.Tensor;

/**
 * One supervised example, or a batch of them: an input and its target (PyTorch's {@code (x, y)}
 * tuple). The vision datasets yield samples of an image {@code [C, H, W]} and a class index
 * {@code []} (int64); {@link Collate#stack()} and batched datasets turn them into batches {@code
 * [B, C, H, W]} and {@code [B]}.
 *
 * <p>Shape: whatever the dataset documents; a batch adds a leading dimension to both.
 *
 * <p>Type: {@code @SampleShape(input = {...}, target = {...}) Sample}, the two tensors' shapes:
 * {@code new Sample(x, y)} has {@code x}'s and {@code y}'s, {@link #input()} and {@link
 * #target()} give them back, {@link #withInput} and {@link #withTarget} replace one. The batches
 * of a {@link DataLoader} have the loader's (see {@link DataLoader#of(Dataset, LoaderOptions)}).
 *
 * @param input the model's input
 * @param target what the model should predict (a class index, a value, ...)
 */
public record Sample(Tensor input, Tensor target) {

  /** Checks that both tensors are present. */
  public Sample {
    Arguments.requireNonNull(input, "input");
    Arguments.requireNonNull(target, "target");
  }

  /** A copy with another input (e.g. after a transform). */
  public Sample withInput(Tensor newInput) {
    return new Sample(Arguments.requireNonNull(newInput, "newInput"), target);
  }

  /** A copy with another target. */
  public Sample withTarget(Tensor newTarget) {
    return new Sample(input, Arguments.requireNonNull(newTarget, "newTarget"));
  }
}
