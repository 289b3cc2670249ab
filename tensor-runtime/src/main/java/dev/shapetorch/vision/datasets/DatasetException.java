package dev.shapetorch.vision.datasets;

/**
 * A dataset's files are missing, truncated or corrupt, or could not be downloaded. The message
 * names the file and says what to do.
 */
public final class DatasetException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** An error with this message. */
  public DatasetException(String message) {
    super(message);
  }

  /** An error with this message and the exception that caused it. */
  public DatasetException(String message, Throwable cause) {
    super(message, cause);
  }
}
