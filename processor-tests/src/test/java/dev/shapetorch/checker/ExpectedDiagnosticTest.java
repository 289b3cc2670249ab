package dev.shapetorch.checker;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** How the test sources write their expected diagnostics. */
class ExpectedDiagnosticTest {

  @Test
  void expectation_appliesToTheNextLineOfCode_withItsTextFragment() {
    String src = String.join("\n",
        "class A {",
        "  // :: error: (shape.broadcast) cannot be broadcast",
        "  // :: warning: (shape.unknown)",
        "  Object x = null;",
        "}");
    assertThat(ExpectedDiagnostic.parse(src)).containsExactly(
        new ExpectedDiagnostic(4, "error", "shape.broadcast", "cannot be broadcast"),
        new ExpectedDiagnostic(4, "warning", "shape.unknown", ""));
  }

  @Test
  void ordinaryComments_expectNothing() {
    assertThat(ExpectedDiagnostic.parse("// error: (shape.rank)\nclass A {}\n")).isEmpty();
  }

  @Test
  void expectationWithoutCodeAfterIt_isRejected() {
    assertThrows(IllegalArgumentException.class,
        () -> ExpectedDiagnostic.parse("class A {}\n// :: error: (shape.rank)"));
  }

  @Test
  void withoutFragment_namesLineKindAndKey() {
    assertThat(new ExpectedDiagnostic(7, "error", "shape.rank", "x").withoutFragment())
        .isEqualTo("line 7: error: (shape.rank)");
  }
}
