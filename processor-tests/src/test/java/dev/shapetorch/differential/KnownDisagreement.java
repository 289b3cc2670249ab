package dev.shapetorch.differential;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The disagreements between checker and runtime that are known and not fixed yet (issue 12
 * tracks every one). A program that carries all the tags of an entry is left out of the CI run
 * ({@link DifferentialTest}); {@code scripts/differential-fuzz.sh} runs them all and reports
 * these apart from new ones. When a fix lands, its entry goes, and CI covers the programs again.
 */
enum KnownDisagreement {
  ;

  private final List<String> tags;
  private final String description;

  KnownDisagreement(String description, String... tags) {
    this.description = description;
    this.tags = List.of(tags);
  }

  String description() {
    return description;
  }

  boolean matches(Set<String> programTags) {
    return programTags.containsAll(tags);
  }

  /** The first known disagreement a program's tags match, if any. */
  static Optional<KnownDisagreement> of(Program p) {
    return Arrays.stream(values()).filter(k -> k.matches(p.tags())).findFirst();
  }
}
