package dev.shapetorch.tensor.golden;

import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * What ShapeTorch cannot do yet that these tests specify, each with the reason. A listed fixture
 * case or test is reported as skipped with its reason, never silently dropped, and is not run (a
 * gap may be a missing method or a native crash that would take the test JVM down). Remove an entry
 * when the runtime is fixed, and the case runs again.
 */
final class GoldenGaps {
  private GoldenGaps() {}

  /** {@code family/caseId} (fixture cases) or {@code TestClass#method} to the reason. */
  private static final Map<String, String> GAPS = Map.of();

  /** Skips the running fixture case, with the reason, if it is a known gap. */
  static void skipIfKnownGap(String family, GoldenCase c) {
    skipIfKnownGap(family + "/" + c.id());
  }

  /** Skips the running test, with the reason, if {@code key} is a known gap. */
  static void skipIfKnownGap(String key) {
    String reason = GAPS.get(key);
    Assumptions.assumeTrue(reason == null, () -> "known gap in the runtime: " + reason);
  }

  /** The listed gaps. */
  static Map<String, String> all() {
    return GAPS;
  }
}
