package dev.shapetorch.differential;

import dev.shapetorch.differential.ProgramBuilder.Val;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes random straight-line programs over ShapeTorch's public API: 1 to 6 ops drawn by
 * weight from every family ({@link TensorOps}, {@link JoinOps}, {@link LayerOps}, {@link
 * SequenceOps}, {@link LossOps}), each taking the previous op's result when it fits. Half the
 * programs get one injected mistake (a wrong size) at a random op. The same seed always gives
 * the same program.
 */
final class ProgramGenerator {
  private final List<Op> ops;
  private final int totalWeight;

  ProgramGenerator() {
    this(allOps());
  }

  ProgramGenerator(List<Op> ops) {
    this.ops = List.copyOf(ops);
    this.totalWeight = ops.stream().mapToInt(Op::weight).sum();
  }

  static List<Op> allOps() {
    List<Op> all = new ArrayList<>();
    all.addAll(TensorOps.all());
    all.addAll(JoinOps.all());
    all.addAll(LayerOps.all());
    all.addAll(SequenceOps.all());
    all.addAll(LossOps.all());
    return all;
  }

  /** The seed of program {@code index} of a run with seed {@code runSeed}. */
  static long programSeed(long runSeed, long index) {
    long z = runSeed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  Program generate(int id, long seed) {
    Random rnd = new Random(seed);
    boolean withMistake = rnd.nextBoolean();
    ProgramBuilder b = new ProgramBuilder(rnd, !withMistake);
    int n = b.between(1, 6);
    int at = withMistake ? rnd.nextInt(n) : n;
    Val current = null;
    for (int i = 0; i < n; i++) {
      Op op = draw(rnd);
      b.tag("family:" + op.family());
      current = op.writer().write(b, current, i >= at && !b.hasMistake());
    }
    return b.build(id, seed);
  }

  private Op draw(Random rnd) {
    int r = rnd.nextInt(totalWeight);
    for (Op op : ops) {
      r -= op.weight();
      if (r < 0) {
        return op;
      }
    }
    throw new AssertionError();
  }
}
