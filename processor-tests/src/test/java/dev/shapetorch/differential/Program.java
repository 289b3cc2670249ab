package dev.shapetorch.differential;

import java.util.List;
import java.util.Set;

/**
 * One generated straight-line program: class-level declarations (constants, module fields), the
 * parameters of its {@code run} method (tensors of declared shapes) and its body, one call per
 * line so that a diagnostic and an exception name the same call by their line.
 *
 * @param id the program's number within its run (its nested class is {@code P<id>})
 * @param seed the seed it was generated from: the same seed gives the same program
 * @param members class-level lines (fields and constants), in order
 * @param params the tensors {@code run} takes
 * @param body {@code run}'s statements, in order
 * @param tags what the program uses (ops, spellings, the injected mistake): what {@link
 *     KnownDisagreement} matches
 * @param mistake the injected mistake ({@code op.variant}), or null for a program meant to run
 */
record Program(int id, long seed, List<Line> members, List<Param> params, List<Line> body,
    Set<String> tags, String mistake) {
  Program {
    members = List.copyOf(members);
    params = List.copyOf(params);
    body = List.copyOf(body);
    tags = Set.copyOf(tags);
  }

  /** The nested class that holds this program. */
  String className() {
    return "P" + id;
  }

  /** Lines of code, for a report. */
  int size() {
    return members.size() + body.size();
  }

  /**
   * One line of a program.
   *
   * @param code the Java code of the line
   * @param op what the line calls, for reports ({@code Tensor.view}, {@code new Conv2d}), or
   *     null for a line that calls no shape op
   */
  record Line(String code, String op) {}

  /** How a parameter's tensor is filled. */
  enum Fill {
    /** Standard normal floats. */
    NORMAL,
    /** Uniform floats in {@code [0, 1)}: probabilities, binary targets. */
    UNIT,
    /** Long indices in {@code [0, bound)}: class labels, embedding indices. */
    INDEX,
    /** Standard normal floats that require gradients (for {@code backward}). */
    GRAD
  }

  /**
   * A tensor parameter of {@code run}.
   *
   * @param name its name in the source
   * @param shape the shape the runner gives it
   * @param fill how it is filled
   * @param bound the exclusive upper bound of {@link Fill#INDEX} values
   * @param annotated whether it carries {@code @Shape} with its literal sizes (otherwise its
   *     shape is unknown to the checker)
   */
  record Param(String name, long[] shape, Fill fill, long bound, boolean annotated) {}
}
