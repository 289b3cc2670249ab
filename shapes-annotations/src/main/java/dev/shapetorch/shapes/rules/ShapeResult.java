package dev.shapetorch.shapes.rules;

import java.util.Objects;
import java.util.function.Function;

/**
 * What a shape rule computes: a value (usually the output's {@link TensorShape}) or a {@link
 * ShapeMismatch}. Rules compute; they never report or throw for bad shapes.
 *
 * @param <T> the value's type
 */
public final class ShapeResult<T> {
  private final T value;
  private final ShapeMismatch mismatch;

  private ShapeResult(T value, ShapeMismatch mismatch) {
    this.value = value;
    this.mismatch = mismatch;
  }

  /** A success. */
  public static <T> ShapeResult<T> ok(T value) {
    return new ShapeResult<>(Objects.requireNonNull(value, "value"), null);
  }

  /** A failure. */
  public static <T> ShapeResult<T> mismatch(ShapeMismatch mismatch) {
    return new ShapeResult<>(null, Objects.requireNonNull(mismatch, "mismatch"));
  }

  /** A failure built from its parts. */
  public static <T> ShapeResult<T> mismatch(
      String key, String op, String detail, int argument, int dim) {
    return mismatch(new ShapeMismatch(key, op, detail, argument, dim));
  }

  /** True on success. */
  public boolean isOk() {
    return mismatch == null;
  }

  /**
   * The value.
   *
   * @throws IllegalStateException carrying the rendered mismatch, on failure
   */
  public T value() {
    if (mismatch != null) {
      throw new IllegalStateException(mismatch.render());
    }
    return value;
  }

  /** The mismatch, or null on success. */
  public ShapeMismatch mismatch() {
    return mismatch;
  }

  /** Applies {@code f} to a success; passes a failure through. */
  public <U> ShapeResult<U> map(Function<? super T, ? extends U> f) {
    return mismatch == null ? ok(f.apply(value)) : mismatch(mismatch);
  }

  /** Chains a rule that may itself fail. */
  public <U> ShapeResult<U> flatMap(Function<? super T, ShapeResult<U>> f) {
    return mismatch == null ? f.apply(value) : mismatch(mismatch);
  }

  @Override
  public String toString() {
    return mismatch == null ? "ok(" + value + ")" : mismatch.render();
  }
}
