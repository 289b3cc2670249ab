package dev.shapetorch.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The leak detector of the memory tests, on resident-set samples measured in child JVMs (kB,
 * before the first window and after each of 10 windows of 20,000 steps).
 */
class ResidentSetGrowthTest {

  /** No leak: the JIT grows the set by 2 and 15 MB, then gives 10 MB back; then it is flat. */
  private static final long[] NOISE =
      {285660, 288068, 302672, 292992, 292992, 292992, 292992, 292992, 292992, 292992, 292992};

  /** One boxed double leaked per step (33 bytes), behind the same kind of JIT jumps. */
  private static final long[] LEAK =
      {283112, 285432, 299368, 303256, 303884, 304536, 305184, 305828, 306476, 307120, 307752};

  @Test
  void jumpsInAFewWindows_doNotMoveTheMedian() {
    ResidentSetGrowth g = ResidentSetGrowth.of(NOISE);
    assertEquals(0.0, g.medianIncrementKb());
    g.assertNoLeak(20_000, 8, "noise");
  }

  @Test
  void aSteadyClimb_isALeak_evenBehindTheJumps() {
    ResidentSetGrowth g = ResidentSetGrowth.of(LEAK);
    assertEquals(33.2, g.medianBytesPerStep(20_000), 0.1);
    AssertionError e = assertThrows(AssertionError.class, () -> g.assertNoLeak(20_000, 8, "leak"));
    assertTrue(e.getMessage().startsWith("leak: the resident set grows by 33.2 bytes per step"),
        e.getMessage());
    assertTrue(e.getMessage().contains("growth per window: [2320, 13936, 3888, 628,"),
        e.getMessage());
  }

  @Test
  void aClimbInMostWindows_isALeak_evenIfSomeWindowsGiveMemoryBack() {
    long[] kb = new long[11];
    for (int i = 1; i < kb.length; i++) {
      kb[i] = kb[i - 1] + (i % 4 == 0 ? -5_000 : 1_000);
    }
    assertEquals(1_000.0, ResidentSetGrowth.of(kb).medianIncrementKb());
  }

  @Test
  void parse_readsTheChildsLine_amongOtherOutput() {
    ResidentSetGrowth g = ResidentSetGrowth.parse("libtorch says hi\nrssKb=10,12,15,15\ncheck=3\n");
    assertArrayEquals(new long[] {2, 3, 0}, g.incrementsKb());
    assertEquals(2.0, g.medianIncrementKb());
  }

  @Test
  void parse_withoutSamples_failsNamingTheOutput() {
    AssertionError e =
        assertThrows(AssertionError.class, () -> ResidentSetGrowth.parse("Killed\n"));
    assertTrue(e.getMessage().contains("Killed"), e.getMessage());
  }

  @Test
  void tooFewWindows_areRefused() {
    assertThrows(IllegalArgumentException.class, () -> ResidentSetGrowth.of(1, 2, 3));
  }
}
