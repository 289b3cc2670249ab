package dev.shapetorch.checker;

import dev.shapetorch.shapes.ScalarType;
import dev.shapetorch.shapes.ScalarTypeBottom;
import dev.shapetorch.shapes.UnknownScalarType;
import dev.shapetorch.shapes.rules.ScalarTypes;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import org.checkerframework.javacutil.AnnotationBuilder;
import org.checkerframework.javacutil.AnnotationUtils;
import org.checkerframework.javacutil.TreeUtils;

/**
 * The dtype hierarchy, the second qualifier hierarchy of the Shape Checker next to the shapes'
 * ({@link ShapeQualifierHierarchy} dispatches to it by annotation kind):
 *
 * <pre>
 *            @UnknownScalarType              (top, the default)
 *         /                    \
 *  @ScalarType("floating")   @ScalarType("integral")        @ScalarType("bool")
 *    |      ...      |          |      ...      |
 *  "float32" ...  "float64"   "uint8" ...   "int64"
 *         \          |           /
 *            @ScalarTypeBottom               (bottom, the type of null)
 * </pre>
 *
 * <p>The order is {@link ScalarTypes#isSubtype}; joins are {@link ScalarTypes#join} (the common
 * category, else unknown). A {@code @ScalarType} whose value is no dtype reads as unknown here;
 * the visitor reports it where it is written.
 */
final class ScalarTypeHierarchy {
  /** {@code @UnknownScalarType}, the top. */
  final AnnotationMirror top;
  /** {@code @ScalarTypeBottom}, the bottom. */
  final AnnotationMirror bottom;

  private final ProcessingEnvironment env;
  private final ExecutableElement value;
  private final Map<String, AnnotationMirror> built = new ConcurrentHashMap<>();

  ScalarTypeHierarchy(ProcessingEnvironment env) {
    this.env = env;
    this.top = AnnotationBuilder.fromClass(env.getElementUtils(), UnknownScalarType.class);
    this.bottom = AnnotationBuilder.fromClass(env.getElementUtils(), ScalarTypeBottom.class);
    this.value = TreeUtils.getMethod(ScalarType.class, "value", 0, env);
  }

  /** True for the three dtype qualifiers: the annotations this hierarchy orders. */
  boolean owns(AnnotationMirror a) {
    return a != null && (isTop(a) || isBottom(a) || isScalarType(a));
  }

  boolean isTop(AnnotationMirror a) {
    return AnnotationUtils.areSameByName(a, top);
  }

  boolean isBottom(AnnotationMirror a) {
    return AnnotationUtils.areSameByName(a, bottom);
  }

  boolean isScalarType(AnnotationMirror a) {
    return AnnotationUtils.areSameByName(a, ScalarType.class.getCanonicalName());
  }

  /** The value as written in a {@code @ScalarType}. */
  String written(AnnotationMirror scalarType) {
    return AnnotationUtils.getElementValue(scalarType, value, String.class);
  }

  /** The dtype a qualifier denotes: null for top (unknown) and for a bad value, "" for bottom. */
  String dtypeOf(AnnotationMirror a) {
    if (a == null || isTop(a)) {
      return null;
    }
    if (isBottom(a)) {
      return "";
    }
    String w = written(a);
    return ScalarTypes.isValid(w) ? w : null;
  }

  /** The qualifier of a dtype: top for null, bottom for "". */
  AnnotationMirror toAnnotation(String dtype) {
    if (dtype == null) {
      return top;
    }
    if (dtype.isEmpty()) {
      return bottom;
    }
    return built.computeIfAbsent(dtype, d -> {
      AnnotationBuilder b = new AnnotationBuilder(env, ScalarType.class);
      b.setValue("value", d);
      return b.build();
    });
  }

  boolean isSubtype(AnnotationMirror sub, AnnotationMirror sup) {
    String a = dtypeOf(sub);
    String b = dtypeOf(sup);
    if (b == null || "".equals(a)) {
      return true;
    }
    if (a == null || b.isEmpty()) {
      return false;
    }
    return ScalarTypes.isSubtype(a, b);
  }

  AnnotationMirror lub(AnnotationMirror x, AnnotationMirror y) {
    String a = dtypeOf(x);
    String b = dtypeOf(y);
    if ("".equals(a)) {
      return y;
    }
    if ("".equals(b)) {
      return x;
    }
    return toAnnotation(ScalarTypes.join(a, b));
  }

  AnnotationMirror glb(AnnotationMirror x, AnnotationMirror y) {
    String a = dtypeOf(x);
    String b = dtypeOf(y);
    if ("".equals(a) || "".equals(b)) {
      return bottom;
    }
    return toAnnotation(ScalarTypes.meet(a, b));
  }

  /** Gradual consistency: unknown or bottom on either side, or a dtype in common. */
  boolean consistent(AnnotationMirror x, AnnotationMirror y) {
    String a = dtypeOf(x);
    String b = dtypeOf(y);
    return a == null || b == null || a.isEmpty() || b.isEmpty()
        || !ScalarTypes.meet(a, b).isEmpty();
  }
}
