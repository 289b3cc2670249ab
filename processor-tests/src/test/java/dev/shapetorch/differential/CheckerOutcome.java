package dev.shapetorch.differential;

import dev.shapetorch.differential.GeneratedSource.Site;
import java.util.Comparator;
import java.util.List;

/**
 * What the Shape Checker said about one program: its shape errors (by line), or that it
 * crashed, or that the program is not valid Java (a generator bug). Warnings, {@code
 * shape.unknown} among them, are not errors and are not kept.
 *
 * @param errors the {@code [shape...]} errors, in source order
 * @param crash the checker's crash message, or null
 * @param invalid javac's own error (the program does not compile), or null
 */
record CheckerOutcome(List<Error> errors, String crash, String invalid) {
  CheckerOutcome {
    errors = errors.stream().sorted(Comparator.comparingInt(e -> e.site().ordinal())).toList();
  }

  /**
   * One error.
   *
   * @param site the program line it is on
   * @param key its message key ({@code shape.mismatch.matmul})
   * @param message its whole message
   */
  record Error(Site site, String key, String message) {
    @Override
    public String toString() {
      return "[" + key + "] at \"" + site.line().code().strip() + "\": " + message;
    }
  }

  /** The first error, or null. */
  Error first() {
    return errors.isEmpty() ? null : errors.get(0);
  }
}
