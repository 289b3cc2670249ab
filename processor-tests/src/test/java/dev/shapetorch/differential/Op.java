package dev.shapetorch.differential;

import dev.shapetorch.differential.ProgramBuilder.Val;

/**
 * One kind of call the generator writes: it takes the program's current value (or a fresh
 * parameter when the current one does not fit), writes the call's lines and returns the value
 * it expects the call to produce.
 *
 * @param name the op's name in tags and reports ({@code matmul}, {@code conv2d.layer})
 * @param family the family it belongs to ({@code linalg}, {@code conv}, ...)
 * @param weight how often it is drawn, relative to the others
 * @param writer writes it
 */
record Op(String name, String family, int weight, Writer writer) {
  /** Writes one op into a program. */
  @FunctionalInterface
  interface Writer {
    /**
     * @param b the program being written
     * @param in the current value, or null at the start
     * @param mistake whether to inject a wrong size into this op (it calls {@link
     *     ProgramBuilder#mistake} when it does; an op without a possible mistake ignores it)
     * @return the value the op produces
     */
    Val write(ProgramBuilder b, Val in, boolean mistake);
  }
}
