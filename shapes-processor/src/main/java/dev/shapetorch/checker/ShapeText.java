package dev.shapetorch.checker;

import dev.shapetorch.shapes.rules.TensorShape;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import org.checkerframework.framework.type.AnnotatedTypeMirror;
import org.checkerframework.javacutil.TypesUtils;

/** How the checker's notes and diagnostics print a shape and the source they quote. */
final class ShapeText {
  private ShapeText() {}

  /**
   * A tensor's shape as {@code [B, 128]} (then its dtype where known: {@code [B, 128]
   * float32}), a module's hyperparameters as {@code Linear[784,
   * 128]}, {@code ?} for unknown and {@code (no value)} for the bottom type.
   */
  static String render(ShapeAnnotatedTypeFactory factory, AnnotatedTypeMirror type,
      TypeMirror java) {
    ShapeQualifiers q = factory.qualifiers();
    AnnotationMirror a = type.getPrimaryAnnotationInHierarchy(q.top);
    String shape;
    if (SampleShapes.isSample(a)) {
      return q.samples.render(a); // the data pipeline's pair of shapes
    }
    if (a == null || !q.isShape(a)) {
      shape = a != null && q.isBottom(a) ? "(no value)" : "?";
    } else {
      TensorShape s = q.shapeOf(a);
      shape = s == null || ShapeQualifiers.isUnknownRank(s) ? "?"
          : SampleShapes.readable(s.toString());
    }
    if (!isTensor(java) && java instanceof DeclaredType d) {
      return d.asElement().getSimpleName() + shape;
    }
    // Dtypes: a known dtype follows the shape ({@code [B, 16] float32}).
    String dtype = factory.dtypeInference().dtypeOf(type);
    return dtype == null ? shape : shape + " " + dtype;
  }

  static boolean isTensor(TypeMirror t) {
    return t.getKind() == TypeKind.DECLARED
        && TypesUtils.isDeclaredOfName(t, SizeExpressions.TENSOR);
  }

  /** Tensors, and the module types whose {@code @Shape} holds hyperparameters. */
  static boolean carriesShape(TypeMirror t) {
    if (isTensor(t)) {
      return true;
    }
    return t.getKind() == TypeKind.DECLARED
        && ((DeclaredType) t).asElement().toString().startsWith("dev.shapetorch.nn.");
  }

  /** Source on one line, at most 60 characters. */
  static String abbreviate(String source) {
    String one = source.replaceAll("\\s+", " ");
    return one.length() <= 60 ? one : one.substring(0, 57) + "...";
  }
}
