/**
 * The differential test of the Shape Checker against the runtime (issue 12): random
 * straight-line programs over ShapeTorch's public API, compiled with the checker in-process and
 * then run, whose verdicts must agree call by call.
 *
 * <ul>
 *   <li>{@link dev.shapetorch.differential.ProgramGenerator} writes the programs ({@link
 *       dev.shapetorch.differential.Program}), op by op from the families in {@link
 *       dev.shapetorch.differential.TensorOps}, {@link dev.shapetorch.differential.JoinOps},
 *       {@link dev.shapetorch.differential.LayerOps}, {@link
 *       dev.shapetorch.differential.SequenceOps} and {@link dev.shapetorch.differential.LossOps},
 *       through {@link dev.shapetorch.differential.ProgramBuilder}, which also varies how sizes,
 *       dims and modules are spelled.
 *   <li>{@link dev.shapetorch.differential.GeneratedSource} renders many programs as one file
 *       (one nested class each, one call per line); {@link
 *       dev.shapetorch.differential.CheckerRun} compiles many such files in one javac run with
 *       the checker; {@link dev.shapetorch.differential.ProgramRunner} runs the classes of that
 *       same compilation.
 *   <li>{@link dev.shapetorch.differential.Verdict} compares the two by line; {@link
 *       dev.shapetorch.differential.Report} groups the disagreements into classes; {@link
 *       dev.shapetorch.differential.KnownDisagreement} lists those not fixed yet.
 *   <li>{@link dev.shapetorch.differential.DifferentialTest} is CI's run; {@link
 *       dev.shapetorch.differential.DifferentialFuzz} is {@code scripts/differential-fuzz.sh}'s.
 * </ul>
 */
package dev.shapetorch.differential;
