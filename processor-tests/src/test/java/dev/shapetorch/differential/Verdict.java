package dev.shapetorch.differential;

import dev.shapetorch.differential.CheckerOutcome.Error;
import dev.shapetorch.differential.GeneratedSource.Site;

/**
 * The checker's verdict on a program against the runtime's: they agree when the checker's
 * first error is at the line where the run threw (a {@code ShapeException}, or a contract's
 * {@code IllegalArgumentException}), or there is neither. Errors after that line are not
 * judged (the runtime never reaches them).
 *
 * @param kind agreement, or the kind of disagreement
 * @param program the program
 * @param checker what the checker said
 * @param runtime what running it did
 */
record Verdict(Kind kind, Program program, CheckerOutcome checker, RuntimeOutcome runtime) {
  /** Agreement, or how they disagree. */
  enum Kind {
    /** Same verdict, same line. */
    AGREE(false),
    /**
     * The run threw where a value of unknown shape (an unannotated parameter) flows: checked at
     * run time only, by design.
     */
    GRADUAL(false),
    /** The checker reports an error at a line that runs. */
    FALSE_ERROR(true),
    /** The run threw a {@code ShapeException} at a line the checker accepts. */
    MISS(true),
    /** A constructor's contract threw ({@code IllegalArgumentException}); the checker accepts. */
    MISSED_CONTRACT(true),
    /** libtorch failed ({@code TorchException}): a shape precondition no rule holds. */
    LIBTORCH_ERROR(true),
    /** The run threw something else: a runtime bug. */
    RUNTIME_BUG(true),
    /** The checker crashed. */
    CHECKER_CRASH(true),
    /** javac rejected the program: a generator bug. */
    INVALID_PROGRAM(true);

    final boolean disagreement;

    Kind(boolean disagreement) {
      this.disagreement = disagreement;
    }
  }

  static Verdict of(Program program, CheckerOutcome checker, RuntimeOutcome runtime) {
    return new Verdict(kind(program, checker, runtime), program, checker, runtime);
  }

  private static Kind kind(Program program, CheckerOutcome checker, RuntimeOutcome runtime) {
    if (checker.invalid() != null) {
      return Kind.INVALID_PROGRAM;
    }
    if (checker.crash() != null) {
      return Kind.CHECKER_CRASH;
    }
    Error first = checker.first();
    if (runtime.kind() == RuntimeOutcome.Kind.FINISHED) {
      return first == null ? Kind.AGREE : Kind.FALSE_ERROR;
    }
    if (runtime.site() == null || runtime.site().line() == null) {
      return Kind.RUNTIME_BUG;
    }
    int thrownAt = runtime.site().ordinal();
    if (first != null && first.site().ordinal() < thrownAt) {
      return Kind.FALSE_ERROR;
    }
    boolean caught = first != null && first.site().ordinal() == thrownAt;
    switch (runtime.kind()) {
      case SHAPE:
      case ARGUMENT:
        if (caught) {
          return Kind.AGREE;
        }
        if (program.params().stream().anyMatch(p -> !p.annotated())) {
          return Kind.GRADUAL;
        }
        return runtime.kind() == RuntimeOutcome.Kind.SHAPE ? Kind.MISS : Kind.MISSED_CONTRACT;
      case TORCH:
        return Kind.LIBTORCH_ERROR;
      default:
        return Kind.RUNTIME_BUG;
    }
  }

  /** The line the disagreement is about: the checker's false error, or where the run threw. */
  Site site() {
    if (kind == Kind.FALSE_ERROR) {
      return checker.first().site();
    }
    return runtime.site();
  }

  /**
   * The disagreement's class: its kind, the op at its line and the message key (or
   * exception), e.g. {@code MISS Conv2d.forward [shape.conv.size]}.
   */
  String disagreementClass() {
    Site site = site();
    String op = site == null || site.line() == null || site.line().op() == null
        ? "-" : site.line().op();
    String why;
    switch (kind) {
      case FALSE_ERROR:
        why = checker.first().key();
        break;
      case MISS:
        why = runtime.key();
        break;
      case CHECKER_CRASH:
      case INVALID_PROGRAM:
        why = "javac";
        break;
      default:
        why = runtime.exception();
        break;
    }
    String caught = kind == Kind.LIBTORCH_ERROR && checker.first() != null
        && checker.first().site().ordinal() == site.ordinal() ? " (checker reports it)" : "";
    return kind + " " + op + " [" + why + "]" + caught;
  }
}
