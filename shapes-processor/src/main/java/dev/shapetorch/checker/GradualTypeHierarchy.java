package dev.shapetorch.checker;

import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.type.TypeKind;
import org.checkerframework.common.basetype.BaseTypeChecker;
import org.checkerframework.framework.type.AnnotatedTypeMirror;
import org.checkerframework.framework.type.AnnotatedTypeMirror.AnnotatedArrayType;
import org.checkerframework.framework.type.AnnotatedTypeMirror.AnnotatedDeclaredType;
import org.checkerframework.framework.type.DefaultTypeHierarchy;
import org.checkerframework.framework.type.QualifierHierarchy;
import org.checkerframework.javacutil.TypesUtils;

/**
 * Subtyping made gradual for shapes, in type arguments too: {@code BVar<Tensor>} (unknown) and
 * {@code BVar<@Shape({"*s"}) Tensor>} are interchangeable, as a value and a variable are; {@code
 * List<@Shape({"3"}) Tensor>} and {@code List<@Shape({"4"}) Tensor>} still differ. Everything
 * else is the Checker Framework's default. (The qualifier hierarchy itself stays a strict order,
 * so that dataflow keeps the more precise of two shapes.)
 */
final class GradualTypeHierarchy extends DefaultTypeHierarchy {
  private final ShapeQualifiers q;
  private final ScalarTypeHierarchy dtypes;

  GradualTypeHierarchy(
      BaseTypeChecker checker, QualifierHierarchy qualifiers, ShapeQualifiers q,
      ScalarTypeHierarchy dtypes, boolean ignoreRawTypeArguments, boolean invariantArrays) {
    super(checker, qualifiers, ignoreRawTypeArguments, invariantArrays);
    this.q = q;
    this.dtypes = dtypes;
  }

  /**
   * Primary qualifiers are compared gradually: an unknown shape (or an unknown size) on either
   * side is accepted, so {@code List<Tensor>} may be added to a {@code List<@Shape({"3"})
   * Tensor>}. (Top-level assignments are checked, and reported, by the visitor first.)
   */
  @Override
  protected boolean isPrimarySubtype(AnnotatedTypeMirror subtype, AnnotatedTypeMirror supertype) {
    return super.isPrimarySubtype(subtype, supertype)
        || (consistent(subtype.getPrimaryAnnotationInHierarchy(q.top),
            supertype.getPrimaryAnnotationInHierarchy(q.top))
            && dtypes.consistent(subtype.getPrimaryAnnotationInHierarchy(dtypes.top),
                supertype.getPrimaryAnnotationInHierarchy(dtypes.top)));
  }

  @Override
  protected boolean isContainedBy(
      AnnotatedTypeMirror inside, AnnotatedTypeMirror outside, boolean canBeCovariant) {
    if (super.isContainedBy(inside, outside, canBeCovariant)) {
      return true;
    }
    if (outside.getKind() == TypeKind.WILDCARD
        || TypesUtils.isCapturedTypeVariable(outside.getUnderlyingType())) {
      return false;
    }
    return graduallyEqual(inside, outside);
  }

  /** Equal up to shapes, and consistent where both know a shape. */
  private boolean graduallyEqual(AnnotatedTypeMirror a, AnnotatedTypeMirror b) {
    if (!consistent(a.getPrimaryAnnotationInHierarchy(q.top),
        b.getPrimaryAnnotationInHierarchy(q.top))
        || !dtypes.consistent(a.getPrimaryAnnotationInHierarchy(dtypes.top),
            b.getPrimaryAnnotationInHierarchy(dtypes.top))) {
      return false;
    }
    if (a instanceof AnnotatedDeclaredType da && b instanceof AnnotatedDeclaredType db) {
      if (!da.getUnderlyingType().asElement().equals(db.getUnderlyingType().asElement())) {
        return false;
      }
      List<? extends AnnotatedTypeMirror> x = da.getTypeArguments();
      List<? extends AnnotatedTypeMirror> y = db.getTypeArguments();
      if (x.size() != y.size()) {
        return false;
      }
      for (int i = 0; i < x.size(); i++) {
        if (!isContainedBy(x.get(i), y.get(i), false)) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof AnnotatedArrayType aa && b instanceof AnnotatedArrayType ab) {
      return graduallyEqual(aa.getComponentType(), ab.getComponentType());
    }
    return false;
  }

  /** Unknown (or absent) on either side is consistent with anything; known shapes must agree. */
  private boolean consistent(AnnotationMirror x, AnnotationMirror y) {
    if (x == null || y == null || q.isTop(x) || q.isTop(y) || q.isBottom(x) || q.isBottom(y)) {
      return true;
    }
    if (SampleShapes.isSample(x) || SampleShapes.isSample(y)) {
      return SampleShapes.isSample(x) == SampleShapes.isSample(y)
          && q.samples.conflict(x, y) == null && q.samples.conflict(y, x) == null;
    }
    var sx = q.shapeOf(x);
    var sy = q.shapeOf(y);
    return ShapeLattice.conflict(sx, sy) == null && ShapeLattice.conflict(sy, sx) == null;
  }
}
