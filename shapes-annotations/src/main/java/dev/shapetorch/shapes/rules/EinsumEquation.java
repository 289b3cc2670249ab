package dev.shapetorch.shapes.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * A parsed {@code einsum} equation, PyTorch's spelling: one subscript per operand, separated by
 * commas, then optionally {@code ->} and the output's subscript ({@code "bij,bjk->bik"}). A
 * subscript is letters ({@code a-z}, {@code A-Z}), each naming one dim, and at most one {@code
 * ...} standing for the dims no letter names. Spaces are ignored.
 *
 * <p>Without {@code ->} the output is implicit, as in PyTorch: the ellipsis dims first (when
 * any operand has an ellipsis), then every letter that appears exactly once in the inputs, in
 * alphabetical order with capitals first ({@code "ij,jk"} is {@code "ij,jk->ik"}, {@code "ba"}
 * is {@code "ba->ab"}).
 */
public final class EinsumEquation {

  /**
   * The subscript of one operand or of the output.
   *
   * @param labels the letters in order, without the ellipsis
   * @param ellipsis the position of {@code ...} among the letters (the number of letters
   *     before it), or -1 when there is none
   */
  public record Subscript(String labels, int ellipsis) {
    /** True if this subscript has a {@code ...}. */
    public boolean hasEllipsis() {
      return ellipsis >= 0;
    }

    /** The letters before the ellipsis (all of them when there is none). */
    String head() {
      return hasEllipsis() ? labels.substring(0, ellipsis) : labels;
    }

    /** The letters after the ellipsis (none when there is none). */
    String tail() {
      return hasEllipsis() ? labels.substring(ellipsis) : "";
    }

    @Override
    public String toString() {
      return hasEllipsis() ? head() + "..." + tail() : labels;
    }
  }

  private final String text;
  private final List<Subscript> inputs;
  private final Subscript output;
  private final boolean explicitOutput;

  private EinsumEquation(
      String text, List<Subscript> inputs, Subscript output, boolean explicitOutput) {
    this.text = text;
    this.inputs = List.copyOf(inputs);
    this.output = output;
    this.explicitOutput = explicitOutput;
  }

  /** The equation as the user wrote it. */
  public String text() {
    return text;
  }

  /** One subscript per operand, in order. */
  public List<Subscript> inputs() {
    return inputs;
  }

  /** The output's subscript: the one after {@code ->}, or the implicit one. */
  public Subscript output() {
    return output;
  }

  /** True if the equation spells its output after {@code ->}. */
  public boolean explicitOutput() {
    return explicitOutput;
  }

  @Override
  public String toString() {
    return '"' + text + '"';
  }

  /**
   * Parses an equation; a string that is no equation is a {@link MessageKeys#EINSUM_SYNTAX}
   * mismatch that names the position and what is wrong there.
   *
   * @param op the op's name for messages
   * @param text the equation
   * @param argument the equation's argument index for the mismatch
   */
  public static ShapeResult<EinsumEquation> parse(String op, String text, int argument) {
    int arrow = text.indexOf("->");
    String lhs = arrow < 0 ? text : text.substring(0, arrow);
    List<Subscript> inputs = new ArrayList<>();
    int start = 0;
    while (true) {
      int comma = lhs.indexOf(',', start);
      int end = comma < 0 ? lhs.length() : comma;
      ShapeResult<Subscript> s = subscript(op, text, start, end, "operand " + inputs.size(),
          argument);
      if (!s.isOk()) {
        return RuleSupport.failed(s);
      }
      inputs.add(s.value());
      if (comma < 0) {
        break;
      }
      start = comma + 1;
    }
    if (arrow < 0) {
      return ShapeResult.ok(new EinsumEquation(text, inputs, implicitOutput(inputs), false));
    }
    int from = arrow + 2;
    int comma = text.indexOf(',', from);
    if (comma >= 0) {
      return fail(op, text, comma, "the output has one subscript; a comma belongs before ->",
          argument);
    }
    ShapeResult<Subscript> out = subscript(op, text, from, text.length(), "the output",
        argument);
    if (!out.isOk()) {
      return RuleSupport.failed(out);
    }
    String labels = out.value().labels();
    for (int i = 0; i < labels.length(); i++) {
      char c = labels.charAt(i);
      if (labels.indexOf(c) != i) {
        return fail(op, text, -1, "the output names " + c + " twice; an output letter"
            + " appears once (sum over it by leaving it out)", argument);
      }
      if (inputs.stream().noneMatch(in -> in.labels().indexOf(c) >= 0)) {
        return fail(op, text, -1, "the output names " + c + ", which no operand has; use a"
            + " letter of the operands' subscripts", argument);
      }
    }
    return ShapeResult.ok(new EinsumEquation(text, inputs, out.value(), true));
  }

  /** PyTorch's implicit output: the ellipsis, then the letters seen once, capitals first. */
  private static Subscript implicitOutput(List<Subscript> inputs) {
    int[] counts = new int[128];
    boolean ellipsis = false;
    for (Subscript s : inputs) {
      ellipsis |= s.hasEllipsis();
      for (char c : s.labels().toCharArray()) {
        counts[c]++;
      }
    }
    TreeSet<Character> once = new TreeSet<>();
    for (char c = 0; c < counts.length; c++) {
      if (counts[c] == 1) {
        once.add(c);
      }
    }
    StringBuilder labels = new StringBuilder();
    once.forEach(labels::append);
    return new Subscript(labels.toString(), ellipsis ? 0 : -1);
  }

  private static ShapeResult<Subscript> subscript(
      String op, String text, int from, int to, String what, int argument) {
    StringBuilder labels = new StringBuilder();
    int ellipsis = -1;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c == ' ') {
        continue;
      }
      if (c == '.') {
        if (i + 2 >= to || text.charAt(i + 1) != '.' || text.charAt(i + 2) != '.') {
          return fail(op, text, i, "a '.' of " + what + " is not part of a '...'", argument);
        }
        if (ellipsis >= 0) {
          return fail(op, text, i, what + " has a second '...'; a subscript has at most one",
              argument);
        }
        ellipsis = labels.length();
        i += 2;
        continue;
      }
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
        labels.append(c);
        continue;
      }
      return fail(op, text, i, "'" + c + "' is no subscript; use letters a-z and A-Z, '...', ','"
          + " between operands and '->' before the output", argument);
    }
    return ShapeResult.ok(new Subscript(labels.toString(), ellipsis));
  }

  private static <T> ShapeResult<T> fail(
      String op, String text, int at, String detail, int argument) {
    String where = at >= 0 ? " at index " + at : "";
    return RuleSupport.fail(MessageKeys.EINSUM_SYNTAX, op,
        "the equation \"" + text + "\" is not valid" + where + ": " + detail, argument, -1);
  }
}
