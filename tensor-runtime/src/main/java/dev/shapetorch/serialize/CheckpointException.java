package dev.shapetorch.serialize;

/**
 * A checkpoint file is missing, truncated, malformed or cannot be written; the message names
 * the file and what is wrong.
 */
public final class CheckpointException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** An error with this message. */
  public CheckpointException(String message) {
    super(message);
  }

  /** An error with this message and cause. */
  public CheckpointException(String message, Throwable cause) {
    super(message, cause);
  }
}
