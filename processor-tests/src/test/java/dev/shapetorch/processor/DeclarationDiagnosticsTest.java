package dev.shapetorch.processor;

import static com.google.common.truth.Truth.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs {@link ShapeDeclarationProcessor} over every source under {@code processor/declarations/}
 * (one folder per feature; {@code valid/} expects nothing) and compares its diagnostics with the
 * {@code // :: error: (key)} comments in the source.
 */
class DeclarationDiagnosticsTest {
  private static final String ROOT = "processor/declarations";

  @TestFactory
  Stream<DynamicTest> eachSourceReportsExactlyItsExpectedDiagnostics() {
    return DiagnosticsDriver.eachSource(
        ROOT, () -> List.of(new ShapeDeclarationProcessor()), TestSources.support());
  }

  @Test
  void theSuiteCoversAtLeastFortyMalformedDeclarations() {
    assertThat(DiagnosticsDriver.expectedErrors(ROOT)).isAtLeast(40L);
  }
}
