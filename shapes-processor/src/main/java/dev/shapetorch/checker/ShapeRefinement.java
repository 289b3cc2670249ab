package dev.shapetorch.checker;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import dev.shapetorch.shapes.rules.DimExpr;
import dev.shapetorch.shapes.rules.ShapeParser;
import dev.shapetorch.shapes.rules.ShapeResult;
import dev.shapetorch.shapes.rules.TensorShape;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import org.checkerframework.common.value.ValueAnnotatedTypeFactory;
import org.checkerframework.common.value.ValueCheckerUtils;
import org.checkerframework.javacutil.TreeUtils;

/**
 * {@code Shapes.require(t, "B", 784)}: the runtime-checked way from an unknown shape to a known
 * one (as the Regex Checker treats {@code RegexUtil.asRegex}). The checker trusts the result's
 * shape: the dims written in the call, in the shape language ({@code "B"}, {@code "C*H*W"},
 * {@code "_"}, a leading {@code "..."}), where names are the caller's; an int or a string the
 * Value Checker cannot know is {@code _}.
 */
final class ShapeRefinement {
  /** The refining method, by its class's qualified name and its name. */
  static final String OWNER = "dev.shapetorch.tensor.Shapes";

  static final String METHOD = "require";

  private ShapeRefinement() {}

  /** True for a call of {@code Shapes.require}. */
  static boolean isRefinement(ExecutableElement callee) {
    return callee.getSimpleName().contentEquals(METHOD)
        && callee.getEnclosingElement() instanceof TypeElement owner
        && owner.getQualifiedName().contentEquals(OWNER)
        && callee.getParameters().size() == 2
        && callee.isVarArgs();
  }

  /** The shape the call promises: its dims parsed, or the syntax error as a mismatch. */
  static ShapeResult<TensorShape> shape(
      MethodInvocationTree call, ValueAnnotatedTypeFactory values, SizeExpressions sizes) {
    List<? extends ExpressionTree> args = call.getArguments();
    if (!TreeUtils.isVarargsCall(call)) {
      return ShapeResult.ok(TensorShape.unknownRank());
    }
    List<String> dims = new ArrayList<>();
    for (ExpressionTree arg : args.subList(1, args.size())) {
      String text = ValueCheckerUtils.getExactStringValue(arg, values);
      if (text == null) {
        DimExpr size = sizes.sizeOf(arg);
        text = size.isConstant() ? size.toString() : "_";
      }
      dims.add(text);
    }
    ShapeResult<TensorShape> parsed = ShapeParser.tryParseShape(dims.toArray(new String[0]));
    return parsed.isOk()
        ? parsed
        : ShapeResult.mismatch(parsed.mismatch().withOp("Shapes.require"));
  }
}
