package dev.shapetorch.differential;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** {@link ProgramGenerator}: reproducible, and the CI's seed set reaches every op it knows. */
class ProgramGeneratorTest {
  private final ProgramGenerator generator = new ProgramGenerator();

  private List<Program> ciPrograms() {
    return IntStream.range(0, DifferentialTest.PROGRAMS)
        .mapToObj(i -> generator.generate(i,
            ProgramGenerator.programSeed(DifferentialTest.SEED, i)))
        .toList();
  }

  @Test
  void sameSeed_sameProgram() {
    long seed = ProgramGenerator.programSeed(7, 3);
    String once = GeneratedSource.standalone(generator.generate(3, seed));
    String twice = GeneratedSource.standalone(new ProgramGenerator().generate(3, seed));
    assertThat(twice).isEqualTo(once);
  }

  @Test
  void ciSeedSet_drawsEveryOp_andInjectsMistakesIntoSomeProgramsButNotAll() {
    Set<String> families = new HashSet<>();
    int mistakes = 0;
    for (Program p : ciPrograms()) {
      p.tags().stream().filter(t -> t.startsWith("family:")).forEach(families::add);
      if (p.mistake() != null) {
        mistakes++;
      }
      assertThat(p.body().size() + p.members().size()).isAtLeast(1);
    }
    for (Op op : ProgramGenerator.allOps()) {
      assertWithMessage("family of op %s", op.name()).that(families)
          .contains("family:" + op.family());
    }
    assertThat(mistakes).isGreaterThan(0);
    assertThat(mistakes).isLessThan(DifferentialTest.PROGRAMS);
  }
}
