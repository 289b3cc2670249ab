package dev.shapetorch.checker;

import dev.shapetorch.shapes.rules.TensorShape;
import javax.lang.model.element.AnnotationMirror;
import org.checkerframework.framework.type.GenericAnnotatedTypeFactory;
import org.checkerframework.framework.type.QualifierHierarchy;
import org.checkerframework.javacutil.AnnotationMirrorSet;

/**
 * The shape qualifier hierarchy, built in code because the qualifiers live in a JDK-only module
 * without the Checker Framework's meta-annotations.
 *
 * <pre>
 *              @UnknownShape                 (top, the default)
 *        /           |            \
 *  @Shape({"...","3"})  ...  @Shape({"B","_"})      ordered by {@link ShapeLattice#isSubshape}
 *        |           |            |
 *  @Shape({"2","3"}) ...   @Shape({"B","784"})
 *         \          |           /
 *               @ShapeBottom                (bottom, the type of null)
 * </pre>
 *
 * <p>{@code @SampleShape} pairs sit under the top too, incomparable with every {@code @Shape},
 * ordered and merged componentwise ({@link SampleShapes}).
 *
 * <p>Merges keep agreeing dims and turn the others into {@code _} ({@link ShapeLattice#join}).
 *
 * <p>It is also the composite of the checker's two hierarchies: the dtype qualifiers ({@code
 * @ScalarType} and friends) are dispatched to {@link ScalarTypeHierarchy}.
 */
final class ShapeQualifierHierarchy extends QualifierHierarchy {
  private final ShapeQualifiers q;
  private final AnnotationMirrorSet tops;
  private final AnnotationMirrorSet bottoms;
  // Dtypes: the second hierarchy.
  private final ScalarTypeHierarchy dtypes;

  ShapeQualifierHierarchy(ShapeQualifiers q, ScalarTypeHierarchy dtypes,
      GenericAnnotatedTypeFactory<?, ?, ?, ?> factory) {
    super(factory);
    this.q = q;
    this.dtypes = dtypes;
    this.tops = new AnnotationMirrorSet(java.util.List.of(q.top, dtypes.top));
    this.bottoms = new AnnotationMirrorSet(java.util.List.of(q.bottom, dtypes.bottom));
  }

  @Override
  public AnnotationMirrorSet getTopAnnotations() {
    return tops;
  }

  @Override
  public AnnotationMirror getTopAnnotation(AnnotationMirror qualifier) {
    if (dtypes.owns(qualifier)) {
      return dtypes.top;
    }
    return q.top;
  }

  @Override
  public AnnotationMirrorSet getBottomAnnotations() {
    return bottoms;
  }

  @Override
  public AnnotationMirror getBottomAnnotation(AnnotationMirror qualifier) {
    if (dtypes.owns(qualifier)) {
      return dtypes.bottom;
    }
    return q.bottom;
  }

  @Override
  public AnnotationMirror getPolymorphicAnnotation(AnnotationMirror qualifier) {
    return null;
  }

  @Override
  public boolean isPolymorphicQualifier(AnnotationMirror qualifier) {
    return false;
  }

  @Override
  protected boolean isSubtypeQualifiers(AnnotationMirror subAnno, AnnotationMirror superAnno) {
    if (dtypes.owns(subAnno) || dtypes.owns(superAnno)) {
      // Qualifiers of different hierarchies are unrelated.
      return dtypes.owns(subAnno) && dtypes.owns(superAnno)
          && dtypes.isSubtype(subAnno, superAnno);
    }
    if (q.isTop(superAnno) || q.isBottom(subAnno)) {
      return true;
    }
    if (SampleShapes.isSample(subAnno) || SampleShapes.isSample(superAnno)) {
      return q.samples.isSubtype(subAnno, superAnno); // the data pipeline's pairs
    }
    if (q.isTop(subAnno) || q.isBottom(superAnno)) {
      return isTopLike(subAnno) && !q.isBottom(superAnno) && isTopLike(superAnno);
    }
    TensorShape sup = q.shapeOf(superAnno);
    return ShapeQualifiers.isUnknownRank(sup) || ShapeLattice.isSubshape(q.shapeOf(subAnno), sup);
  }

  /** Top, or a {@code @Shape({"..."})} that says nothing more. */
  private boolean isTopLike(AnnotationMirror a) {
    return q.isTop(a) || (q.isShape(a) && ShapeQualifiers.isUnknownRank(q.shapeOf(a)));
  }

  @Override
  protected AnnotationMirror leastUpperBoundQualifiers(AnnotationMirror a1, AnnotationMirror a2) {
    if (dtypes.owns(a1) != dtypes.owns(a2)) {
      return null; // different hierarchies: the Checker Framework pairs every two
    }
    if (dtypes.owns(a1)) {
      return dtypes.lub(a1, a2);
    }
    if (q.isBottom(a1)) {
      return a2;
    }
    if (q.isBottom(a2)) {
      return a1;
    }
    if (q.isTop(a1) || q.isTop(a2)) {
      return q.top;
    }
    if (SampleShapes.isSample(a1) || SampleShapes.isSample(a2)) {
      return q.samples.lub(a1, a2); // the data pipeline's pairs
    }
    return q.toAnnotation(ShapeLattice.join(q.shapeOf(a1), q.shapeOf(a2)));
  }

  @Override
  public AnnotationMirror greatestLowerBoundQualifiers(AnnotationMirror a1, AnnotationMirror a2) {
    if (dtypes.owns(a1) != dtypes.owns(a2)) {
      return null; // different hierarchies: the Checker Framework pairs every two
    }
    if (dtypes.owns(a1)) {
      return dtypes.glb(a1, a2);
    }
    if (q.isTop(a1)) {
      return a2;
    }
    if (q.isTop(a2)) {
      return a1;
    }
    if (q.isBottom(a1) || q.isBottom(a2)) {
      return q.bottom;
    }
    if (SampleShapes.isSample(a1) || SampleShapes.isSample(a2)) {
      return q.samples.glb(a1, a2); // the data pipeline's pairs
    }
    TensorShape meet = ShapeLattice.meet(q.shapeOf(a1), q.shapeOf(a2));
    return meet == null ? q.bottom : q.toAnnotation(meet);
  }
}
