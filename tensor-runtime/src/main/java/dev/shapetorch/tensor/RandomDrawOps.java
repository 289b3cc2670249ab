package dev.shapetorch.tensor;

import dev.shapetorch.internal.MemoryChecks;
import dev.shapetorch.internal.NativeLibrary;
import dev.shapetorch.internal.UserCall;
import dev.shapetorch.shapes.Dim;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.shapes.Variant;
import dev.shapetorch.shapes.Variants;
import org.bytedeco.pytorch.GeneratorOptional;
import org.bytedeco.pytorch.TensorOptions;
import org.bytedeco.pytorch.global.torch;

/**
 * Random permutations and coin flips: {@code randperm}, as {@code torch.randperm}, and {@code
 * bernoulli}, {@code bernoulli_}, as {@code torch.bernoulli} and {@code x.bernoulli_}. Each
 * draws from the default generator ({@link Torch#manualSeed(long)}) or, in the forms that take
 * one, from a {@link Generator} of its own.
 *
 * <p>Shape: {@code randperm(n)} is {@code [n]}; {@code bernoulli} keeps its input's shape.
 */
final class RandomDrawOps {

  static {
    NativeLibrary.ensureLoaded();
  }

  private RandomDrawOps() {}

  /**
   * The numbers {@code 0 .. n-1} (int64) in a random order, as {@code torch.randperm(n)}.
   *
   * <p>Shape: {@code [n]}.
   *
   * @throws IllegalArgumentException if {@code n} is negative or the result would not fit in
   *     this machine's memory ({@link MemoryLimit})
   */
  @Variants(Variant.FUNCTION)
  static @Shape({"n"}) Tensor randperm(@Dim long n) {
    return randperm("Torch.randperm", n, null);
  }

  /**
   * As {@link #randperm(long)}, drawing from {@code generator}, as {@code torch.randperm(n,
   * generator=generator)}: the same seed gives the same permutation.
   *
   * <p>Shape: {@code [n]}.
   *
   * @throws IllegalArgumentException as {@link #randperm(long)}, or if {@code generator} is null
   */
  @Variants(Variant.FUNCTION)
  static @Shape({"n"}) Tensor randperm(@Dim long n, Generator generator) {
    requireGenerator(generator, "randperm(n)");
    return randperm("Torch.randperm", n, generator);
  }

  private static Tensor randperm(String op, long n, Generator generator) {
    if (n < 0) {
      throw new IllegalArgumentException(UserCall.attribute(op) + ": n must be >= 0, got " + n
          + "; randperm(n) permutes 0 .. n-1");
    }
    MemoryChecks.check(op, "the result", new long[] {n}, DType.INT64.itemSize());
    TensorOptions o = Natives.options(DType.INT64);
    try (GeneratorOptional g = generator == null ? new GeneratorOptional() : generator.optional()) {
      return Tensor.wrap(torch.randperm(n, g, o));
    } catch (RuntimeException e) {
      throw Natives.fail(op, e);
    } finally {
      Natives.release(o);
    }
  }

  /**
   * A 0 or a 1 for each element of {@code probs}, 1 with the element's probability, as {@code
   * torch.bernoulli(probs)}: of {@code probs}' floating dtype.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   *
   * @throws IllegalArgumentException if {@code probs} is not floating point or holds a value
   *     outside {@code [0, 1]} (or NaN)
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static @Shape({"*s"}) Tensor bernoulli(@Shape({"*s"}) Tensor probs) {
    return draw("Torch.bernoulli", probs, null);
  }

  /**
   * As {@link #bernoulli(Tensor)}, drawing from {@code generator}, as {@code
   * torch.bernoulli(probs, generator=generator)}.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   *
   * @throws IllegalArgumentException as {@link #bernoulli(Tensor)}, or if {@code generator} is
   *     null
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static @Shape({"*s"}) Tensor bernoulli(@Shape({"*s"}) Tensor probs, Generator generator) {
    requireGenerator(generator, "bernoulli(probs)");
    return draw("Torch.bernoulli", probs, generator);
  }

  /**
   * A 0 or a 1 for each element of {@code x}, each 1 with probability {@code p}, as {@code
   * torch.bernoulli(x, p)}: of {@code x}'s floating dtype; {@code x}'s values are not read.
   *
   * <p>Shape: {@code [*s] -> [*s]}.
   *
   * @throws IllegalArgumentException if {@code x} is not floating point or {@code p} is outside
   *     {@code [0, 1]}
   */
  @Variants({Variant.FUNCTION, Variant.METHOD})
  static @Shape({"*s"}) Tensor bernoulli(@Shape({"*s"}) Tensor x, double p) {
    String op = "Torch.bernoulli";
    org.bytedeco.pytorch.Tensor h = Natives.h(x, "x");
    requireFloating(op, x, "x");
    requireProbability(op, p);
    try (GeneratorOptional g = new GeneratorOptional()) {
      return Natives.call(op, () -> torch.bernoulli(h, p, g), x);
    }
  }

  /**
   * Overwrites every element with a 0 or a 1, 1 with probability {@code p}, as {@code
   * x.bernoulli_(p)}; returns this tensor.
   *
   * <p>Shape: unchanged.
   *
   * @throws IllegalArgumentException if this tensor is not floating point or {@code p} is
   *     outside {@code [0, 1]}
   */
  @Variants(Variant.METHOD)
  static Tensor bernoulli_(Tensor self, double p) {
    return fill("Tensor.bernoulli_", self, p, null);
  }

  /**
   * As {@link Tensor#bernoulli_(double)}, drawing from {@code generator}, as {@code
   * x.bernoulli_(p, generator=generator)}.
   *
   * <p>Shape: unchanged.
   *
   * @throws IllegalArgumentException as {@link Tensor#bernoulli_(double)}, or if {@code
   *     generator} is null
   */
  @Variants(Variant.METHOD)
  static Tensor bernoulli_(Tensor self, double p, Generator generator) {
    requireGenerator(generator, "bernoulli_(p)");
    return fill("Tensor.bernoulli_", self, p, generator);
  }

  private static Tensor fill(String op, Tensor self, double p, Generator generator) {
    org.bytedeco.pytorch.Tensor h = Natives.h(self, "self");
    requireFloating(op, self, "this tensor");
    requireProbability(op, p);
    try (GeneratorOptional g = generator == null ? new GeneratorOptional() : generator.optional()) {
      h.bernoulli_(p, g);
    } catch (RuntimeException e) {
      throw Natives.fail(op, e, self);
    }
    return self;
  }

  private static Tensor draw(String op, Tensor probs, Generator generator) {
    org.bytedeco.pytorch.Tensor h = Natives.h(probs, "probs");
    requireFloating(op, probs, "probs");
    if (probs.numel() > 0) {
      boolean inRange = Natives.run(op, () -> {
        try (TensorScope scope = TensorScope.open()) {
          double min = Tensor.wrap(h.min()).item();
          double max = Tensor.wrap(h.max()).item();
          return min >= 0 && max <= 1; // false for NaN, which min and max propagate
        }
      }, probs);
      if (!inRange) {
        throw new IllegalArgumentException(UserCall.attribute(op) + ": probs must hold"
            + " probabilities in [0, 1], " + probs.describe() + " holds a value outside (or NaN);"
            + " squash them first, e.g. probs.sigmoid() or probs.clamp(0, 1)");
      }
    }
    try (GeneratorOptional g = generator == null ? new GeneratorOptional() : generator.optional()) {
      return Tensor.wrap(torch.bernoulli(h, g));
    } catch (RuntimeException e) {
      throw Natives.fail(op, e, probs);
    }
  }

  private static void requireFloating(String op, Tensor x, String what) {
    if (!x.dtype().isFloatingPoint()) {
      throw new IllegalArgumentException(UserCall.attribute(op) + ": " + what
          + " must be floating point, got " + x.describe() + "; convert it with"
          + " to(DType.FLOAT32)");
    }
  }

  private static void requireProbability(String op, double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException(UserCall.attribute(op) + ": p must be a probability in"
          + " [0, 1], got " + p);
    }
  }

  private static void requireGenerator(Generator generator, String without) {
    if (generator == null) {
      throw UserCall.nullParameter("generator",
          "a Generator (Generator.seeded(seed)), or call " + without + " without one");
    }
  }
}
