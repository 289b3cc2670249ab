package dev.shapetorch.differential;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The disagreements between checker and runtime that are known and not fixed yet; issue 12
 * tracks every one. Each is named by the tags of the programs that show it ({@link
 * ProgramBuilder}'s spellings, ops and injected mistakes): a program that carries all the tags
 * of an entry is left out of the CI run ({@link DifferentialTest}); {@code
 * scripts/differential-fuzz.sh} runs them all and reports these apart from new ones. When a fix
 * lands, its entry goes, and CI covers those programs again.
 */
enum KnownDisagreement {
  // ---- False errors (the checker rejects a program that runs): none known. Sizes kept in locals
  // and expand of an unknown shape were fixed (issue 12).

  // ---- Shapes lost, so a later mistake is missed. (split/chunk(...).get(i) and a loss module's
  // result were fixed, issue 12: constant pieces are exact, a loss module's type holds its
  // reduction.)

  // MaxPool2d's full constructor now gives its exact output (its ceil mode is the type's C), and
  // the constructor contracts of Conv2d, GroupNorm and MultiheadAttention are compile errors with
  // constant arguments, from the rule their Spec runs (issue 12).

  // ---- Bad shapes that reach libtorch: none known. (backward() of a tensor of several elements,
  // unbatched recurrent input, a convolution's bias were fixed, issue 12; nllLoss with a target
  // of the input's rank is a shape error of its rule now.)

  // ---- Dtypes, which the checker's types do not hold yet (issue 15).

  /**
   * {@code F.crossEntropy(x[2, 1], labels[2, 1])} with integer labels: a target of the input's
   * shape is read as class probabilities, which must be floating. The runtime refuses it before
   * libtorch ({@code IllegalArgumentException} saying both spellings); the checker sees the
   * shapes, which are right for probabilities, and not the dtype, until issue 15 puts dtypes in
   * the type.
   */
  CROSS_ENTROPY_INTEGER_PROBABILITIES(Verdict.Kind.MISSED_CONTRACT,
      "F.crossEntropy: an integer target of the input's shape is taken for class probabilities,"
      + " which must be floating: a dtype, not in the checker's types until issue 15",
      "mistake:classificationLoss.targetLikeInput");

  private final Verdict.Kind kind;
  private final String description;
  private final List<String> tags;

  KnownDisagreement(Verdict.Kind kind, String description, String... tags) {
    this.kind = kind;
    this.description = description;
    this.tags = List.of(tags);
  }

  /** The kind of disagreement it causes. */
  Verdict.Kind kind() {
    return kind;
  }

  /** The class, as the report names it, and why. */
  String description() {
    return description;
  }

  /** The tags a program carries when it shows this disagreement. */
  List<String> tags() {
    return tags;
  }

  boolean matches(Set<String> programTags) {
    return programTags.containsAll(tags);
  }

  /** The first known disagreement a program's tags match, if any: what leaves it out of CI. */
  static Optional<KnownDisagreement> of(Program p) {
    return Arrays.stream(values()).filter(k -> k.matches(p.tags())).findFirst();
  }

  /**
   * The known disagreement that explains a verdict: the first whose tags the program carries
   * and whose kind is the verdict's, else the first whose tags it carries.
   */
  static Optional<KnownDisagreement> explaining(Verdict v) {
    Optional<KnownDisagreement> sameKind = Arrays.stream(values())
        .filter(k -> k.kind == v.kind() && k.matches(v.program().tags())).findFirst();
    return sameKind.isPresent() ? sameKind : of(v.program());
  }
}
