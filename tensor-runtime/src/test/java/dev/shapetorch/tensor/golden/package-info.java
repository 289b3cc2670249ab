/**
 * Golden-value tests of every tensor op: the specification of what each op computes.
 *
 * <p>{@code src/test/python/make_golden.py} runs the same calls in PyTorch 1.13 on inputs it writes
 * out explicitly and records inputs and results in {@code src/test/resources/golden/} (one JSON
 * file per family). {@link dev.shapetorch.tensor.golden.GoldenFixture} reads a family; each {@code
 * *GoldenTest} maps a case's {@code op} to the ShapeTorch call and asserts the exact shape, dtype
 * and values (float64 within 1e-12, float32 within 1e-6, relative to the size of the expected
 * value). The tests never run Python: to change a case, edit the script, rerun it with {@code
 * /usr/bin/python3} and commit both.
 *
 * <p>The {@code *ShapeErrorGoldenTest} classes are the other half: every op with a shape contract
 * rejects a mismatching call with a {@link dev.shapetorch.tensor.ShapeException} whose message
 * starts with the rule's {@code [key]} and names the op and the shapes.
 */
package dev.shapetorch.tensor.golden;
