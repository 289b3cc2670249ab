package dev.shapetorch.backprop.internal;

import dev.shapetorch.backprop.Backprop;
import java.util.Arrays;
import java.util.Objects;

/**
 * A Wengert list: the entries (inputs and op results) of one backprop run, in the order they
 * were created. See the package documentation.
 */
public final class Tape {
  private static final int INITIAL_CAPACITY = 64;

  private Object[] values = new Object[INITIAL_CAPACITY];
  private Backprop<?>[] algebras = new Backprop<?>[INITIAL_CAPACITY];
  private Node[] nodes = new Node[INITIAL_CAPACITY];
  private int size;
  private boolean recording = true;

  /** An empty tape that is recording. */
  public Tape() {}

  /**
   * Appends an input (an entry without a node).
   *
   * @param value the input's value
   * @param algebra its gradient algebra
   * @return the entry's index
   */
  public int leaf(Object value, Backprop<?> algebra) {
    return push(value, algebra, null);
  }

  /**
   * Appends an op's result.
   *
   * @param value the result
   * @param algebra its gradient algebra
   * @param node how its gradient reaches its inputs
   * @return the entry's index
   * @throws IllegalStateException when the tape has stopped recording
   */
  public int push(Object value, Backprop<?> algebra, Node node) {
    if (!recording) {
      throw new IllegalStateException("[backprop.tape.closed] a BVar was used after the backprop"
          + " run that created it returned; a BVar is only valid inside the function passed to"
          + " BVars.backprop/gradBP/... (compute with its value() or run again instead)");
    }
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(algebra, "algebra");
    if (size == values.length) {
      int capacity = size * 2;
      values = Arrays.copyOf(values, capacity);
      algebras = Arrays.copyOf(algebras, capacity);
      nodes = Arrays.copyOf(nodes, capacity);
    }
    values[size] = value;
    algebras[size] = algebra;
    nodes[size] = node;
    return size++;
  }

  /** Stops recording: later {@link #push}es fail; sweeps still work. */
  public void stopRecording() {
    recording = false;
  }

  /** Whether entries can still be appended. */
  public boolean isRecording() {
    return recording;
  }

  /** The number of entries. */
  public int size() {
    return size;
  }

  /** The value of entry {@code index}. */
  public Object value(int index) {
    return values[Objects.checkIndex(index, size)];
  }

  /** The algebra of entry {@code index}. */
  public Backprop<?> algebra(int index) {
    return algebras[Objects.checkIndex(index, size)];
  }

  /**
   * The backward pass: seeds entry {@code output} with {@code seed} and propagates down to
   * entry 0. Entries after {@code output} cannot influence it and are ignored.
   *
   * @param output the index of the differentiated result
   * @param seed its gradient (usually its algebra's {@code one})
   * @return the gradients of every entry up to {@code output}
   */
  public Sweep backward(int output, Object seed) {
    Objects.checkIndex(output, size);
    Sweep sweep = new Sweep(this, output + 1);
    sweep.accumulate(output, Objects.requireNonNull(seed, "seed"));
    for (int i = output; i >= 0; i--) {
      Object gradient = sweep.settle(i);
      if (gradient != null && nodes[i] != null) {
        nodes[i].backward(gradient, sweep);
      }
    }
    return sweep;
  }
}
