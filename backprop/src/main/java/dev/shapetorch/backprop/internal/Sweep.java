package dev.shapetorch.backprop.internal;

import dev.shapetorch.backprop.Backprop;
import java.util.Objects;

/**
 * The gradients being collected by one backward pass over a {@link Tape}. Nodes add their
 * inputs' contributions with {@link #accumulate} (a whole gradient) or {@link #accumulatePart}
 * (the gradient of one part of a split value, e.g. one element of a list); the sweep adds them
 * with each entry's algebra.
 */
public final class Sweep {
  private final Tape tape;
  private final Object[] gradients;

  Sweep(Tape tape, int entries) {
    this.tape = tape;
    this.gradients = new Object[entries];
  }

  /**
   * Adds a contribution to the gradient of entry {@code index}.
   *
   * @param index an entry before the one whose node is running
   * @param contribution a gradient shaped like that entry's value
   */
  public void accumulate(int index, Object contribution) {
    Objects.requireNonNull(contribution, "contribution");
    Object current = gradients[index];
    if (current == null) {
      gradients[index] = contribution;
    } else if (current instanceof Parts) {
      Parts parts = (Parts) current;
      parts.whole = parts.whole == null ? contribution : add(index, parts.whole, contribution);
    } else {
      gradients[index] = add(index, current, contribution);
    }
  }

  /**
   * Adds a contribution to one part of the gradient of entry {@code index}, without building
   * the whole gradient (so that splitting a list of n elements costs O(n), not O(n^2)).
   *
   * @param index the entry that was split
   * @param part which part, in {@code [0, partCount)}
   * @param partCount how many parts the entry was split into
   * @param contribution the part's gradient
   * @param partAlgebra the part's algebra, to add contributions to the same part
   * @param assembler builds the whole gradient from the parts once the sweep reaches the entry
   */
  public void accumulatePart(int index, int part, int partCount, Object contribution,
      Backprop<?> partAlgebra, PartAssembler assembler) {
    Objects.requireNonNull(contribution, "contribution");
    Object current = gradients[index];
    Parts parts;
    if (current instanceof Parts && ((Parts) current).assembler == assembler) {
      parts = (Parts) current;
    } else {
      parts = new Parts(partCount, assembler);
      parts.whole = current instanceof Parts ? ((Parts) current).settle(tape.value(index), this,
          index) : current;
      gradients[index] = parts;
    }
    Object old = parts.parts[part];
    parts.parts[part] = old == null ? contribution : addWith(partAlgebra, old, contribution);
  }

  /**
   * The final gradient of entry {@code index}, or {@code null} when no gradient reached it
   * (its gradient is then its algebra's zero). Entries created after the swept output cannot
   * influence it and have no gradient.
   */
  public Object gradient(int index) {
    if (index >= gradients.length) {
      return null;
    }
    return settle(index);
  }

  /** Turns collected parts into the whole gradient (once) and returns the entry's gradient. */
  Object settle(int index) {
    Object current = gradients[index];
    if (current instanceof Parts) {
      current = ((Parts) current).settle(tape.value(index), this, index);
      gradients[index] = current;
    }
    return current;
  }

  private Object add(int index, Object x, Object y) {
    return addWith(tape.algebra(index), x, y);
  }

  @SuppressWarnings("unchecked") // the tape stores each entry's algebra next to its value
  private static Object addWith(Backprop<?> algebra, Object x, Object y) {
    return ((Backprop<Object>) algebra).add(x, y);
  }

  /** Per-part contributions of one entry, plus any whole-value contributions. */
  private static final class Parts {
    final Object[] parts;
    final PartAssembler assembler;
    Object whole;

    Parts(int count, PartAssembler assembler) {
      this.parts = new Object[count];
      this.assembler = assembler;
    }

    Object settle(Object wholeValue, Sweep sweep, int index) {
      Object assembled = assembler.assemble(wholeValue, parts);
      return whole == null ? assembled : sweep.add(index, whole, assembled);
    }
  }
}
