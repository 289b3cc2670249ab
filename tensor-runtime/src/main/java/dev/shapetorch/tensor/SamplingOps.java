package dev.shapetorch.tensor;

import dev.shapetorch.internal.MemoryChecks;
import dev.shapetorch.internal.NativeLibrary;
import dev.shapetorch.internal.UserCall;
import dev.shapetorch.shapes.Dim;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.shapes.Variant;
import dev.shapetorch.shapes.Variants;
import org.bytedeco.pytorch.GeneratorOptional;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.ScalarTypeOptional;
import org.bytedeco.pytorch.global.torch;

/**
 * Drawing from distributions that a tensor describes: {@code multinomial}, as {@code
 * torch.multinomial}. Call it as {@code Torch.multinomial(probs, 1, false)} or {@code
 * probs.multinomial(1, false)}; give it a {@link Generator} to draw from a stream of its own.
 *
 * <p>Shape: {@code [C] -> [numSamples]} and {@code [N, C] -> [N, numSamples]}: the last dim,
 * the categories, becomes the number of samples; a probability tensor has 1 or 2 dims.
 */
final class SamplingOps {

  static {
    NativeLibrary.ensureLoaded();
  }

  private SamplingOps() {}

  /**
   * {@code numSamples} category indices (int64) drawn from each row of {@code probs}, as {@code
   * torch.multinomial(probs, numSamples, replacement)}: index {@code i} with probability {@code
   * probs[i] / sum(probs)} (the rows need not sum to 1). Without {@code replacement} a row's
   * indices are distinct, each drawn from the categories not yet drawn. Draws from the default
   * generator ({@link Torch#manualSeed(long)}).
   *
   * <p>Shape: {@code [*b, C] -> [*b, numSamples]}, where {@code probs} has 1 or 2 dims.
   *
   * @throws IllegalArgumentException if {@code probs} is not floating point or not 1-D or 2-D,
   *     {@code numSamples} is less than 1, an entry is negative, infinite or NaN, a row sums to
   *     0, (without replacement) a row has fewer than {@code numSamples} nonzero entries, or
   *     the result would not fit in this machine's memory ({@link MemoryLimit})
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static @Shape({"*b", "numSamples"}) Tensor multinomial(
      @Shape({"*b", "C"}) Tensor probs, @Dim long numSamples, boolean replacement) {
    return draw("Torch.multinomial", probs, numSamples, replacement, null);
  }

  /**
   * As {@link #multinomial(Tensor, long, boolean)}, drawing from {@code generator}, as {@code
   * torch.multinomial(probs, numSamples, replacement, generator=generator)}.
   *
   * <p>Shape: {@code [*b, C] -> [*b, numSamples]}, where {@code probs} has 1 or 2 dims.
   *
   * @throws IllegalArgumentException as {@link #multinomial(Tensor, long, boolean)}, or if
   *     {@code generator} is null
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static @Shape({"*b", "numSamples"}) Tensor multinomial(@Shape({"*b", "C"}) Tensor probs,
      @Dim long numSamples, boolean replacement, Generator generator) {
    if (generator == null) {
      throw UserCall.nullParameter("generator",
          "a Generator (Generator.seeded(seed)), or call the form without one");
    }
    return draw("Torch.multinomial", probs, numSamples, replacement, generator);
  }

  private static Tensor draw(String op, Tensor probs, long numSamples, boolean replacement,
      Generator generator) {
    org.bytedeco.pytorch.Tensor h = Natives.h(probs, "probs");
    String at = UserCall.attribute(op);
    if (probs.dim() < 1 || probs.dim() > 2) {
      throw new IllegalArgumentException(at + ": probs must have 1 or 2 dims ([C] or [N, C]), got "
          + probs.describe() + "; reshape it to [N, C]");
    }
    if (!probs.dtype().isFloatingPoint()) {
      throw new IllegalArgumentException(at + ": probs must be floating point, got "
          + probs.describe() + "; convert it with .to(DType.FLOAT32)");
    }
    long categories = probs.size(-1);
    if (numSamples < 1) {
      throw new IllegalArgumentException(
          at + ": numSamples must be 1 or more, got " + numSamples);
    }
    if (!replacement && numSamples > categories) {
      throw new IllegalArgumentException(at + ": cannot draw " + numSamples
          + " samples without replacement from " + categories + " categories ("
          + probs.describe() + "); draw at most " + categories + " or pass replacement = true");
    }
    long[] result = probs.dim() == 1 ? new long[] {numSamples}
        : new long[] {probs.size(0), numSamples};
    MemoryChecks.check(op, "the result", result, DType.INT64.itemSize());
    checkDistribution(op, at, probs, h, numSamples, replacement);
    try (GeneratorOptional g = generator == null ? new GeneratorOptional() : generator.optional()) {
      return Tensor.wrap(torch.multinomial(h, numSamples, replacement, g));
    } catch (RuntimeException e) {
      throw Natives.fail(op, e, probs);
    }
  }

  /**
   * Refuses a row that is no distribution: a negative, infinite or NaN entry, a zero sum, or
   * (without replacement) fewer nonzero entries than samples. libtorch checks the same, but in
   * words that name neither the op nor the row.
   */
  private static void checkDistribution(String op, String at, Tensor probs,
      org.bytedeco.pytorch.Tensor h, long numSamples, boolean replacement) {
    boolean[] finite;
    boolean[] negative;
    long[] nonzero;
    try (TensorScope scope = TensorScope.open();
        Scalar zero = new Scalar(0.0);
        ScalarTypeOptional keep = new ScalarTypeOptional()) {
      org.bytedeco.pytorch.Tensor rows = h.dim() == 1 ? h.unsqueeze(0) : h.alias();
      finite = Tensor.wrap(torch.isfinite(rows).all(1)).toBooleanArray();
      negative = Tensor.wrap(rows.lt(zero).any(1)).toBooleanArray();
      nonzero = Tensor.wrap(rows.gt(zero).sum(new long[] {1}, false, keep)).toLongArray();
    } catch (RuntimeException e) {
      throw Natives.fail(op, e, probs);
    }
    for (int i = 0; i < finite.length; i++) {
      String row = probs.dim() == 1 ? "probs" : "row " + i + " of probs";
      if (!finite[i]) {
        throw new IllegalArgumentException(at + ": " + row + " has an infinite or NaN entry ("
            + probs.describe() + "); pass finite probabilities, e.g. softmax(logits)");
      }
      if (negative[i]) {
        throw new IllegalArgumentException(at + ": " + row + " has a negative entry ("
            + probs.describe() + "); probabilities must be >= 0, e.g. softmax(logits)");
      }
      if (nonzero[i] == 0) {
        throw new IllegalArgumentException(at + ": " + row + " sums to 0 (" + probs.describe()
            + "); give each row at least one positive entry");
      }
      if (!replacement && nonzero[i] < numSamples) {
        throw new IllegalArgumentException(at + ": " + row + " has " + nonzero[i]
            + " nonzero entries, fewer than the " + numSamples + " samples to draw without"
            + " replacement (" + probs.describe() + "); pass replacement = true or draw at most "
            + nonzero[i]);
      }
    }
  }
}
