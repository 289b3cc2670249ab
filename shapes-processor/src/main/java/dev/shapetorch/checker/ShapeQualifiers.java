package dev.shapetorch.checker;

import dev.shapetorch.shapes.Shape;
import dev.shapetorch.shapes.ShapeBottom;
import dev.shapetorch.shapes.UnknownShape;
import dev.shapetorch.shapes.rules.DimExpr;
import dev.shapetorch.shapes.rules.ShapeParser;
import dev.shapetorch.shapes.rules.ShapeResult;
import dev.shapetorch.shapes.rules.TensorShape;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import org.checkerframework.javacutil.AnnotationBuilder;
import org.checkerframework.javacutil.AnnotationUtils;
import org.checkerframework.javacutil.TreeUtils;

/**
 * Converts between the three qualifiers and the algebra's {@link TensorShape}: {@code
 * @UnknownShape} is a shape of unknown rank, {@code @Shape({...})} is parsed by {@link
 * ShapeParser}, {@code @ShapeBottom} has no shape.
 *
 * <p>Parsed shapes and built annotations are cached by their strings, so the qualifier
 * hierarchy's many comparisons parse each distinct {@code @Shape} once. A {@code @Shape} that
 * does not parse reads as unknown here; the visitor reports its syntax error where it is
 * written.
 */
final class ShapeQualifiers {
  /** {@code @UnknownShape}, the top. */
  final AnnotationMirror top;
  /** {@code @ShapeBottom}, the bottom. */
  final AnnotationMirror bottom;

  private final ProcessingEnvironment env;
  private final ExecutableElement shapeValue;
  private final Map<List<String>, TensorShape> parsed = new ConcurrentHashMap<>();
  private final Map<List<String>, AnnotationMirror> built = new ConcurrentHashMap<>();
  /** The {@code @SampleShape} pairs (the typed data pipeline). */
  final SampleShapes samples;

  ShapeQualifiers(ProcessingEnvironment env) {
    this.env = env;
    this.top = AnnotationBuilder.fromClass(env.getElementUtils(), UnknownShape.class);
    this.bottom = AnnotationBuilder.fromClass(env.getElementUtils(), ShapeBottom.class);
    this.shapeValue = TreeUtils.getMethod(Shape.class, "value", 0, env);
    this.samples = new SampleShapes(this, env);
  }

  boolean isTop(AnnotationMirror a) {
    return AnnotationUtils.areSameByName(a, top);
  }

  boolean isBottom(AnnotationMirror a) {
    return AnnotationUtils.areSameByName(a, bottom);
  }

  boolean isShape(AnnotationMirror a) {
    return AnnotationUtils.areSameByName(a, Shape.class.getCanonicalName());
  }

  /** The strings of a {@code @Shape} annotation. */
  List<String> strings(AnnotationMirror shapeAnnotation) {
    return AnnotationUtils.getElementValueArray(shapeAnnotation, shapeValue, String.class);
  }

  /**
   * The shape a qualifier denotes: unknown rank for top (and for a {@code @Shape} that does not
   * parse), null for bottom.
   */
  TensorShape shapeOf(AnnotationMirror a) {
    if (a == null || isTop(a)) {
      return TensorShape.unknownRank();
    }
    if (isBottom(a)) {
      return null;
    }
    if (SampleShapes.isSample(a)) {
      return TensorShape.unknownRank(); // a pair of shapes: no tensor's shape (SampleShapes)
    }
    return parse(strings(a));
  }

  /** Parses a {@code @Shape} value; unknown rank if it does not parse. */
  TensorShape parse(List<String> dims) {
    TensorShape cached = parsed.get(dims);
    if (cached != null) {
      return cached;
    }
    ShapeResult<TensorShape> r = ShapeParser.tryParseShape(dims.toArray(new String[0]));
    TensorShape shape = r.isOk() ? r.value() : TensorShape.unknownRank();
    parsed.put(List.copyOf(dims), shape);
    return shape;
  }

  /**
   * The qualifier for a shape: top for null and for a shape that says nothing (unknown rank
   * without dims), {@code @Shape} otherwise.
   */
  AnnotationMirror toAnnotation(TensorShape shape) {
    if (shape == null || isUnknownRank(shape)) {
      return top;
    }
    List<String> dims = render(shape);
    return built.computeIfAbsent(dims, d -> {
      AnnotationBuilder builder = new AnnotationBuilder(env, Shape.class);
      builder.setValue("value", d);
      return builder.build();
    });
  }

  /** True for a shape with an anonymous variadic prefix and no dims: nothing is known. */
  static boolean isUnknownRank(TensorShape shape) {
    return shape.rank() == 0 && TensorShape.ANONYMOUS_VARIADIC.equals(shape.variadic());
  }

  /** The {@code @Shape} strings of a shape. */
  static List<String> render(TensorShape shape) {
    List<String> dims = new ArrayList<>(shape.rank() + 1);
    if (shape.hasVariadic()) {
      String v = shape.variadic();
      dims.add(v.equals(TensorShape.ANONYMOUS_VARIADIC) ? v : "*" + v);
    }
    for (DimExpr d : shape.dims()) {
      dims.add(d.toString());
    }
    return List.copyOf(dims);
  }
}
