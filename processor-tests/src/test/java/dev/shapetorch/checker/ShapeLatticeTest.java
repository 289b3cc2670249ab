package dev.shapetorch.checker;

import static com.google.common.truth.Truth.assertThat;

import dev.shapetorch.shapes.rules.ShapeParser;
import dev.shapetorch.shapes.rules.TensorShape;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The order, merge and gradual check behind the qualifier hierarchy and the visitor. */
class ShapeLatticeTest {
  private static TensorShape s(String... dims) {
    return ShapeParser.parseShape(dims);
  }

  @Test
  void subshape_knownSizeIsBelowUnknown_notAbove() {
    assertThat(ShapeLattice.isSubshape(s("2", "3"), s("_", "3"))).isTrue();
    assertThat(ShapeLattice.isSubshape(s("_", "3"), s("2", "3"))).isFalse();
  }

  @Test
  void subshape_anonymousPrefixAcceptsAnyLeadingDims_namedOneOnlyItself() {
    assertThat(ShapeLattice.isSubshape(s("4", "5", "3"), s("...", "3"))).isTrue();
    assertThat(ShapeLattice.isSubshape(s("*b", "3"), s("*b", "3"))).isTrue();
    assertThat(ShapeLattice.isSubshape(s("4", "3"), s("*b", "3"))).isFalse();
    assertThat(ShapeLattice.isSubshape(s("3"), s("...", "2", "3"))).isFalse();
  }

  @Test
  void subshape_comparesNormalForms() {
    assertThat(ShapeLattice.isSubshape(s("2*B"), s("B+B"))).isTrue();
    assertThat(ShapeLattice.isSubshape(s("B"), s("C"))).isFalse();
  }

  @Test
  void join_keepsAgreeingDims_andUnknownsTheRest() {
    assertThat(ShapeLattice.join(s("64", "10"), s("8", "10")).toString()).isEqualTo("[_, 10]");
    assertThat(ShapeLattice.join(s("4", "3", "10"), s("3", "10")).toString())
        .isEqualTo("[..., 3, 10]");
    assertThat(ShapeLattice.join(s("B", "C"), s("B", "C")).toString()).isEqualTo("[B, C]");
  }

  @Test
  void meet_prefersKnownSizes_andIsNullWhenTheyDisagree() {
    assertThat(ShapeLattice.meet(s("_", "3"), s("2", "_")).toString()).isEqualTo("[2, 3]");
    assertThat(ShapeLattice.meet(s("2", "3"), s("4", "3"))).isNull();
  }

  @Test
  void conflict_isGradual_butVariablesAreRigid() {
    assertThat(ShapeLattice.conflict(s("_", "3"), s("2", "3"))).isNull();
    assertThat(ShapeLattice.conflict(s("2", "3"), s("_", "3"))).isNull();
    assertThat(ShapeLattice.conflict(s("3", "10"), s("B", "10")))
        .isEqualTo("found [3, 10], required [B, 10] (dim 0: found 3, required B)");
    assertThat(ShapeLattice.conflict(s("2", "3", "10"), s("2", "10")))
        .isEqualTo("found [2, 3, 10], required [2, 10] (rank 3 is not 2)");
    assertThat(ShapeLattice.conflict(s("4", "10"), s("*batch", "10")))
        .isEqualTo("found [4, 10], required [*batch, 10] (leading dims [4] are not *batch)");
    assertThat(ShapeLattice.conflict(s("...", "10"), s("*batch", "10"))).isNull();
  }

  @Test
  void overrideResult_onlyWhatNoBindingReconcilesConflicts() {
    assertThat(ShapeLattice.overrideResultConflict(s("B", "5"), s("B", "10")))
        .isEqualTo("dim 1: found 5, required 10");
    assertThat(ShapeLattice.overrideResultConflict(s("B", "10", "1"), s("B", "10")))
        .isEqualTo("rank 3 is not 2");
    assertThat(ShapeLattice.overrideResultConflict(s("*b", "O"), s("*batch", "Out"))).isNull();
    assertThat(ShapeLattice.overrideResultConflict(s("B", "2"), s("B", "_"))).isNull();
    assertThat(ShapeLattice.overrideResultConflict(s("B", "N"), s("B", "10"))).isNull();
  }

  @Test
  void overrideParameter_constantWhereAnySizeIsTaken_isNarrower() {
    assertThat(ShapeLattice.overrideParameterNarrower(s("B", "C", "10"), s("B", "C", "L"),
        Set.of())).isEqualTo("dim 2 is 10 only, where the overridden parameter takes any L");
    assertThat(ShapeLattice.overrideParameterNarrower(s("B", "4"), s("B", "_"),
        Set.of())).isNotNull();
    assertThat(ShapeLattice.overrideParameterNarrower(s("N", "M"), s("*s"), Set.of()))
        .isNotNull();
    assertThat(ShapeLattice.overrideParameterNarrower(s("B", "3"), s("B", "4"),
        Set.of())).isNotNull();
  }

  @Test
  void overrideParameter_widerOrBoundElsewhere_isAccepted() {
    assertThat(ShapeLattice.overrideParameterNarrower(s("B", "_"), s("B", "4"),
        Set.of())).isNull();
    assertThat(ShapeLattice.overrideParameterNarrower(s("*s", "4"), s("B", "4"),
        Set.of())).isNull();
    assertThat(ShapeLattice.overrideParameterNarrower(s("*b", "I"), s("*batch", "In"),
        Set.of())).isNull();
    // In is bound by the receiver (a module's in-features): a subclass may fix it.
    assertThat(ShapeLattice.overrideParameterNarrower(s("B", "784"), s("B", "In"),
        Set.of("In"))).isNull();
  }
}
