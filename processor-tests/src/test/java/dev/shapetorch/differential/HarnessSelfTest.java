package dev.shapetorch.differential;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.shapetorch.differential.Program.Fill;
import dev.shapetorch.differential.Program.Line;
import dev.shapetorch.differential.Program.Param;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The harness fails on a real disagreement: hand-written programs whose checker verdict and run
 * differ through stubs (a method whose declared shape is narrower than what it accepts, one
 * that forgets its shape, one that throws libtorch's error) are judged as such, and programs on
 * which both agree are judged agreeing. All are compiled in one javac run, as the fuzzer does.
 */
class HarnessSelfTest {
  private static List<Verdict> verdicts;

  private static Program program(int id, List<Line> members, List<Line> body, long[]... shapes) {
    List<Param> params = new java.util.ArrayList<>();
    for (int i = 0; i < shapes.length; i++) {
      params.add(new Param("p" + i, shapes[i], Fill.NORMAL, 0, true));
    }
    return new Program(id, id, members, params, body, Set.of(), null);
  }

  private static Line line(String code, String op) {
    return new Line(code, op);
  }

  @BeforeAll
  static void judge() {
    verdicts = DifferentialRun.judge(List.of(
        // 0: runs, and the checker accepts it.
        program(0, List.of(), List.of(
            line("var m = new Linear(4, 3);", "new Linear"),
            line("var t = m.forward(p0);", "Linear.forward")), new long[] {2, 4}),
        // 1: both reject the same call.
        program(1, List.of(), List.of(
            line("var m = new Linear(5, 3);", "new Linear"),
            line("var t = m.forward(p0);", "Linear.forward")), new long[] {2, 4}),
        // 2: a stub declares [3] but takes anything: the checker's error is false.
        program(2, List.of(line("@SuppressWarnings(\"shape\") static @Shape({\"3\"}) Tensor"
                + " onlyThree(@Shape({\"3\"}) Tensor x) { return x; }", null)),
            List.of(line("var t = onlyThree(p0);", "onlyThree")), new long[] {4}),
        // 3: a stub forgets the shape; the run's ShapeException is a miss.
        program(3, List.of(line("static Tensor forget(Tensor x) { return x; }", null)),
            List.of(line("var t = forget(p0);", "forget"),
                line("var u = Shapes.require(t, 5);", "Shapes.require")), new long[] {4}),
        // 4: a stub fails as libtorch does.
        program(4, List.of(line("static Tensor fail(Tensor x) { throw new TorchException("
                + "\"stub\", \"libtorch failed\", \"x\", null); }", null)),
            List.of(line("var t = fail(p0);", "fail")), new long[] {4}),
        // 5: not Java: a generator bug.
        program(5, List.of(), List.of(line("var t = p0.noSuchOp();", "noSuchOp")),
            new long[] {4})));
  }

  private static Verdict verdict(int id) {
    return verdicts.stream().filter(v -> v.program().id() == id).findFirst().orElseThrow();
  }

  @Test
  void programThatRunsAndChecks_agrees() {
    assertWithMessage("%s", Report.example(verdict(0))).that(verdict(0).kind())
        .isEqualTo(Verdict.Kind.AGREE);
  }

  @Test
  void mistakeBothReportAtTheSameCall_agrees() {
    Verdict v = verdict(1);
    assertWithMessage("%s", Report.example(v)).that(v.kind()).isEqualTo(Verdict.Kind.AGREE);
    assertThat(v.runtime().kind()).isEqualTo(RuntimeOutcome.Kind.SHAPE);
    assertThat(v.checker().first().site()).isEqualTo(v.runtime().site());
  }

  @Test
  void errorAtACallThatRuns_isAFalseError() {
    Verdict v = verdict(2);
    assertWithMessage("%s", Report.example(v)).that(v.kind())
        .isEqualTo(Verdict.Kind.FALSE_ERROR);
    assertThat(v.disagreementClass()).startsWith("FALSE_ERROR onlyThree [shape.");
  }

  @Test
  void shapeExceptionAtACallTheCheckerAccepts_isAMiss() {
    Verdict v = verdict(3);
    assertWithMessage("%s", Report.example(v)).that(v.kind()).isEqualTo(Verdict.Kind.MISS);
    assertThat(v.disagreementClass()).startsWith("MISS Shapes.require [shape.");
  }

  @Test
  void torchException_isALibtorchError() {
    Verdict v = verdict(4);
    assertWithMessage("%s", Report.example(v)).that(v.kind())
        .isEqualTo(Verdict.Kind.LIBTORCH_ERROR);
  }

  @Test
  void programJavacRejects_isInvalid() {
    Verdict v = verdict(5);
    assertWithMessage("%s", Report.example(v)).that(v.kind())
        .isEqualTo(Verdict.Kind.INVALID_PROGRAM);
  }

  @Test
  void disagreements_failTheDifferentialTestsAssertion() {
    assertThat(Report.disagreements(verdicts).stream().map(v -> v.program().id()).toList())
        .containsExactly(2, 3, 4, 5);
    assertThat(Report.of(verdicts, "self-test")).contains("4 (0 known, 4 new)");
  }
}
