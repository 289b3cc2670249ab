package dev.shapetorch.nn;

/**
 * A {@link Module} that keeps its own training flag, as PyTorch's {@code nn.Module} does. Every
 * built-in layer extends it; a user's class-based model may too (a record cannot, and reports
 * its submodules' mode instead).
 *
 * <p>Shape: none of its own; subclasses document their hyperparameters.
 */
public abstract class AbstractModule implements Module {
  private boolean training = true;

  /** A module in training mode. */
  protected AbstractModule() {}

  @Override
  public boolean isTraining() {
    return training;
  }

  @Override
  public void setOwnTraining(boolean mode) {
    training = mode;
  }
}
