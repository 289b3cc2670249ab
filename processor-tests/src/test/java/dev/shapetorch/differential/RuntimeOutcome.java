package dev.shapetorch.differential;

import dev.shapetorch.differential.GeneratedSource.Site;

/**
 * What running one program did: it finished, or threw at a line.
 *
 * @param kind how it ended
 * @param site the program line that threw (null when it finished, or when no frame of the
 *     program is on the exception's stack)
 * @param exception the exception's class name, or null
 * @param key the {@code ShapeException}'s key, or null
 * @param message the exception's message, or null
 */
record RuntimeOutcome(Kind kind, Site site, String exception, String key, String message) {
  static final RuntimeOutcome FINISHED = new RuntimeOutcome(Kind.FINISHED, null, null, null, null);

  /** How a run ended. */
  enum Kind {
    /** It ran to the end. */
    FINISHED,
    /** ShapeTorch's {@code ShapeException}: a shape rule rejected a call. */
    SHAPE,
    /** An {@code IllegalArgumentException} that is not a {@code ShapeException}: a contract. */
    ARGUMENT,
    /** libtorch's own error ({@code TorchException}): a bad shape that no rule caught. */
    TORCH,
    /** Anything else: a runtime bug. */
    OTHER
  }

  @Override
  public String toString() {
    if (kind == Kind.FINISHED) {
      return "finished";
    }
    return exception + (site == null || site.line() == null ? "" : " at \""
        + site.line().code().strip() + "\"") + ": " + message;
  }
}
