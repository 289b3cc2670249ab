package dev.shapetorch.optim;

/**
 * The hyperparameters of one parameter group, as an immutable record with {@code withX} copies
 * ({@link SGDOptions}, {@link AdamOptions}, ...). Learning-rate schedulers read and replace the
 * learning rate and the momentum through this interface.
 *
 * <p>The record's components are the group's hyperparameters; {@link Optimizer#stateDict()}
 * saves them by component name. Components must be {@code double}, {@code int}, {@code long},
 * {@code boolean} or an enum (saved as its ordinal).
 *
 * @param <O> the record type itself
 */
public interface OptimizerOptions<O extends OptimizerOptions<O>> {

  /** The learning rate. */
  double lr();

  /** A copy with another learning rate. */
  O withLr(double lr);

  /**
   * True if the optimizer has a momentum-like term that {@code OneCycleLR} may cycle: SGD's and
   * RMSprop's {@code momentum}, Adam's and AdamW's {@code beta1}. False for Adagrad.
   */
  default boolean hasMomentumTerm() {
    return false;
  }

  /**
   * SGD's and RMSprop's {@code momentum}, Adam's and AdamW's {@code beta1}.
   *
   * @throws UnsupportedOperationException if {@link #hasMomentumTerm()} is false
   */
  default double momentumTerm() {
    throw new UnsupportedOperationException(
        getClass().getSimpleName() + " has no momentum or beta1 to read");
  }

  /**
   * A copy with another {@link #momentumTerm()}.
   *
   * @throws UnsupportedOperationException if {@link #hasMomentumTerm()} is false
   */
  default O withMomentumTerm(double value) {
    throw new UnsupportedOperationException(
        getClass().getSimpleName() + " has no momentum or beta1 to set");
  }
}
