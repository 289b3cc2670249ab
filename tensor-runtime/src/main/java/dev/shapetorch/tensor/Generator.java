package dev.shapetorch.tensor;

import dev.shapetorch.internal.NativeLibrary;
import org.bytedeco.pytorch.GeneratorOptional;
import org.bytedeco.pytorch.global.torch;

/**
 * A CPU random number generator of its own, as PyTorch's {@code torch.Generator()}: ops that
 * draw random numbers and take one ({@link Torch#multinomial(Tensor, long, boolean, Generator)})
 * draw from it instead of from the default generator that {@link Torch#manualSeed(long)} seeds,
 * so that a program can repeat one stream of draws whatever else draws random numbers.
 *
 * <pre>
 * Generator g = Generator.seeded(42);
 * Tensor next = Torch.multinomial(probs, 1, false, g);   // the same every run
 * </pre>
 *
 * <p>A generator is not thread-safe: one thread draws from it at a time. Its native state is
 * freed when the generator is garbage collected.
 */
public final class Generator {

  static {
    NativeLibrary.ensureLoaded();
  }

  private final org.bytedeco.pytorch.Generator handle;

  private Generator(org.bytedeco.pytorch.Generator handle) {
    this.handle = handle;
  }

  /**
   * A new CPU generator started from {@code seed}, as {@code torch.Generator().manual_seed(seed)}.
   */
  public static Generator seeded(long seed) {
    return new Generator(torch.createCPUGenerator(seed));
  }

  /**
   * Restarts this generator from {@code seed}, as {@code generator.manual_seed(seed)}: the draws
   * that follow are those of a new {@code Generator.seeded(seed)}.
   *
   * @return this generator
   */
  public Generator manualSeed(long seed) {
    handle.set_current_seed(seed);
    return this;
  }

  /** The seed this generator was last started from, as {@code generator.initial_seed()}. */
  public long initialSeed() {
    return handle.current_seed();
  }

  /** The generator as libtorch's optional argument, for a kernel's call; close it after. */
  GeneratorOptional optional() {
    return new GeneratorOptional(handle);
  }

  @Override
  public String toString() {
    return "Generator(cpu, seed " + handle.current_seed() + ")";
  }
}
