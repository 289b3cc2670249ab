package dev.shapetorch.backprop;

/**
 * Thrown when a gradient is asked of an op that was built without one ({@link Op#noGrad1},
 * {@link Op#noGrad}).
 *
 * <p>Such an op evaluates normally ({@link Op#evalOp}, {@link BVars#evalBP}); it only fails when
 * the value being differentiated depends on its result. The message names the op and says what
 * to do.
 */
public final class NoGradientException extends UnsupportedOperationException {
  private static final long serialVersionUID = 1L;

  private final String op;

  /**
   * An exception for the op called {@code op}.
   *
   * @param op the op's name as the user gave it, e.g. {@code "argmax"}
   */
  public NoGradientException(String op) {
    super("[backprop.noGradient] " + op + ": this op has no gradient (it was built with"
        + " Op.noGrad1/Op.noGrad), but the value being differentiated depends on its result;"
        + " keep its result out of the differentiated value (BVar.constant of its value), or"
        + " give the op a gradient with Op.op1/op2/op3");
    this.op = op;
  }

  /** The name of the op that has no gradient. */
  public String op() {
    return op;
  }
}
