package dev.shapetorch.checker;

import dev.shapetorch.shapes.rules.Bindings;
import dev.shapetorch.shapes.rules.DimExpr;
import dev.shapetorch.shapes.rules.DivisibilityFacts;
import dev.shapetorch.shapes.rules.ShapeMismatch;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;

/**
 * A callee's divisibility facts as preconditions of one call: each fact, with the callee's
 * variables replaced by what the call bound them to, must hold under the caller's facts
 * ({@link DivisibilityFacts#checkPrecondition}); a size the call leaves unbound or unknown is
 * not checked.
 */
final class DivisibilityPreconditions {
  private DivisibilityPreconditions() {}

  /**
   * The first fact the call breaks, or null.
   *
   * @param op the call's op name, for the message
   * @param callee the method or constructor
   * @param facts the callee's facts
   * @param renames the callee's variables renamed apart from the caller's
   * @param bound what the call bound the (renamed) callee variables to
   * @param calleeVars the (renamed) callee variables: still present after substitution, a size
   *     is unknown
   * @param caller the caller's facts
   */
  static ShapeMismatch check(String op, ExecutableElement callee, DivisibilityFacts facts,
      Map<String, String> renames, Bindings bound, Set<String> calleeVars,
      DivisibilityFacts caller) {
    Map<String, DimExpr> rename = new HashMap<>();
    renames.forEach((from, to) -> rename.put(from, DimExpr.variable(to)));
    for (DivisibilityFacts.Fact f : facts.facts()) {
      DimExpr n = instantiate(f.dividend(), rename, bound, calleeVars);
      DimExpr d = instantiate(f.divisor(), rename, bound, calleeVars);
      ShapeMismatch m = caller.checkPrecondition(op, f, n, d);
      if (m != null) {
        return m;
      }
    }
    return null;
  }

  private static DimExpr instantiate(DimExpr e, Map<String, DimExpr> rename, Bindings bound,
      Set<String> calleeVars) {
    DimExpr x = bound.substitute(rename.isEmpty() ? e : e.substitute(rename));
    for (String v : x.variables()) {
      if (calleeVars.contains(v)) {
        return DimExpr.UNKNOWN;
      }
    }
    return x;
  }
}
