package dev.shapetorch.checker;

import dev.shapetorch.shapes.SampleShape;
import dev.shapetorch.shapes.rules.DimExpr;
import dev.shapetorch.shapes.rules.TensorShape;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import org.checkerframework.javacutil.AnnotationBuilder;
import org.checkerframework.javacutil.AnnotationUtils;
import org.checkerframework.javacutil.TreeUtils;

/**
 * The {@code @SampleShape(input = ..., target = ...)} qualifier: a pair of shapes, for a {@code
 * Sample}, a dataset's items and a {@code DataLoader}'s batches ({@link PipelineTypes}).
 *
 * <p>It sits in the shape hierarchy under {@code @UnknownShape}, incomparable with every {@code
 * @Shape}, and is ordered componentwise by {@link ShapeLattice#isSubshape}; its least upper and
 * greatest lower bounds are componentwise too. Code that does not know it reads it as an unknown
 * shape ({@link ShapeQualifiers#shapeOf}), which is gradual and never an error.
 *
 * <p>A loader batch that may be shorter than the batch size {@code n} has a rigid size named
 * {@code $len} ({@link #atMost}), which the diagnostics print as {@code ≤n} ({@link #readable}).
 */
final class SampleShapes {
  private static final String PREFIX = "$le";
  private static final Pattern ATOM = Pattern.compile("\\$le(\\d+)");

  private final ShapeQualifiers q;
  private final ProcessingEnvironment env;
  private final ExecutableElement input;
  private final ExecutableElement target;
  private final Map<List<List<String>>, AnnotationMirror> built = new ConcurrentHashMap<>();

  SampleShapes(ShapeQualifiers q, ProcessingEnvironment env) {
    this.q = q;
    this.env = env;
    this.input = TreeUtils.getMethod(SampleShape.class, "input", 0, env);
    this.target = TreeUtils.getMethod(SampleShape.class, "target", 0, env);
  }

  /** True for a {@code @SampleShape}. */
  static boolean isSample(AnnotationMirror a) {
    return a != null && AnnotationUtils.areSameByName(a, SampleShape.class.getCanonicalName());
  }

  /** The input's shape of a {@code @SampleShape} (unknown rank if it does not parse). */
  TensorShape input(AnnotationMirror a) {
    return q.parse(AnnotationUtils.getElementValueArray(a, input, String.class));
  }

  /** The target's shape of a {@code @SampleShape} (unknown rank if it does not parse). */
  TensorShape target(AnnotationMirror a) {
    return q.parse(AnnotationUtils.getElementValueArray(a, target, String.class));
  }

  /** The qualifier of a pair of shapes: top when neither says anything. */
  AnnotationMirror toAnnotation(TensorShape in, TensorShape t) {
    in = in == null ? TensorShape.unknownRank() : in;
    t = t == null ? TensorShape.unknownRank() : t;
    if (ShapeQualifiers.isUnknownRank(in) && ShapeQualifiers.isUnknownRank(t)) {
      return q.top;
    }
    List<String> i = ShapeQualifiers.render(in);
    List<String> o = ShapeQualifiers.render(t);
    return built.computeIfAbsent(List.of(i, o), k -> {
      AnnotationBuilder b = new AnnotationBuilder(env, SampleShape.class);
      b.setValue("input", k.get(0));
      b.setValue("target", k.get(1));
      return b.build();
    });
  }

  /** Componentwise {@link ShapeLattice#isSubshape}; a sample is below no {@code @Shape}. */
  boolean isSubtype(AnnotationMirror sub, AnnotationMirror sup) {
    if (!isSample(sub) || !isSample(sup)) {
      return false;
    }
    return sub(input(sub), input(sup)) && sub(target(sub), target(sup));
  }

  private static boolean sub(TensorShape s, TensorShape t) {
    return ShapeQualifiers.isUnknownRank(t) || ShapeLattice.isSubshape(s, t);
  }

  /** Componentwise join; a sample and a {@code @Shape} join at the top. */
  AnnotationMirror lub(AnnotationMirror a, AnnotationMirror b) {
    if (!isSample(a) || !isSample(b)) {
      return q.top;
    }
    return toAnnotation(ShapeLattice.join(input(a), input(b)),
        ShapeLattice.join(target(a), target(b)));
  }

  /** Componentwise meet; bottom when a component disagrees or one is a {@code @Shape}. */
  AnnotationMirror glb(AnnotationMirror a, AnnotationMirror b) {
    if (!isSample(a) || !isSample(b)) {
      return q.bottom;
    }
    TensorShape in = ShapeLattice.meet(input(a), input(b));
    TensorShape t = ShapeLattice.meet(target(a), target(b));
    return in == null || t == null ? q.bottom : toAnnotation(in, t);
  }

  /** Gradual consistency, componentwise: null if consistent, else why not. */
  String conflict(AnnotationMirror found, AnnotationMirror required) {
    if (!isSample(found) || !isSample(required)) {
      return null;
    }
    String in = ShapeLattice.conflict(input(found), input(required));
    if (in != null) {
      return "input: " + in;
    }
    String t = ShapeLattice.conflict(target(found), target(required));
    return t == null ? null : "target: " + t;
  }

  /** {@code Sample(input = [..], target = [..])} for notes and messages. */
  String render(AnnotationMirror a) {
    return readable("Sample(input = " + input(a) + ", target = " + target(a) + ")");
  }

  /**
   * The rigid size of a batch that may be shorter than {@code n} (a loader's last batch when
   * {@code dropLast} is false): equal to itself only, so a method that requires {@code n} rejects
   * it and one with a variable {@code B} accepts it.
   */
  static DimExpr atMost(long n) {
    return DimExpr.variable(PREFIX + n);
  }

  /** A mismatch's dimension that names an {@link #atMost} size ({@code (dim 0: found $le64}). */
  private static final Pattern AT_MOST_DIM = Pattern.compile("\\(dim [^)]*\\$le\\d+");

  /**
   * True if a mismatch's detail is about an {@link #atMost} size: the dimension it names
   * disagrees with one (not merely a shape that has one elsewhere).
   */
  static boolean namesAtMost(String detail) {
    return detail != null && AT_MOST_DIM.matcher(detail).find();
  }

  /** A text with each {@link #atMost} size written {@code ≤n}. */
  static String readable(String text) {
    if (text == null || !text.contains(PREFIX)) {
      return text;
    }
    Matcher m = ATOM.matcher(text);
    return m.replaceAll("\u2264$1");
  }
}
