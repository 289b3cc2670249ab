package dev.shapetorch.checker;

import dev.shapetorch.shapes.rules.MessageKeys;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import javax.annotation.processing.SupportedOptions;
import org.checkerframework.common.basetype.BaseTypeChecker;
import org.checkerframework.common.basetype.BaseTypeVisitor;
import org.checkerframework.framework.source.SourceChecker;

/**
 * The Shape Checker: a javac plugin that checks tensor shapes written as {@code @Shape} at
 * compile time.
 *
 * <p>Run it by naming it as an annotation processor ({@code -processor
 * dev.shapetorch.checker.ShapeChecker}); see {@code docs/checker.md}. It runs the Checker
 * Framework's Constant Value Checker first, so that constant {@code int}s become sizes.
 *
 * <p>Options:
 *
 * <ul>
 *   <li>{@code -Ashape.warnUnknown}: warn ({@code shape.unknown}) where a tensor of unknown
 *       shape flows into a declared {@code @Shape}. Without it, such flows are silently allowed
 *       (the checker is gradual; the runtime still checks them).
 *   <li>{@code -Ashape.hints}: report, as javac notes ({@code shape.hint}), the shape inferred
 *       for every tensor or module local, field and parameter and every tensor-valued call
 *       ({@link ShapeHints}).
 * </ul>
 *
 * <p>Warnings are suppressed with {@code @SuppressWarnings("shape")} or a specific key such as
 * {@code @SuppressWarnings("shape:shape.mismatch.matmul")}.
 */
@SupportedOptions({ShapeChecker.WARN_UNKNOWN, ShapeChecker.HINTS})
public final class ShapeChecker extends BaseTypeChecker {

  /** Option name: warn where an unknown shape flows into a declared one. */
  public static final String WARN_UNKNOWN = "shape.warnUnknown";

  /** Option name: report the inferred shape of every tensor local, field and call as a note. */
  public static final String HINTS = "shape.hints";

  private Map<String, String> options;

  /** Creates the checker (javac instantiates it by reflection). */
  public ShapeChecker() {}

  /**
   * The options, plus {@code ignorejdkastub} for this checker (not its Value subchecker): the
   * Checker Framework's annotated JDK holds no shapes, only purity facts that matter for refined
   * non-final fields, and loading it is a fifth of the checker's cost on a typical file.
   */
  @Override
  public Map<String, String> getOptions() {
    if (options == null) {
      Map<String, String> all = new HashMap<>(super.getOptions());
      all.putIfAbsent("ignorejdkastub", null);
      options = Collections.unmodifiableMap(all);
    }
    return options;
  }

  /**
   * The messages of {@code messages.properties}, plus {@code "%s: %s"} (op, detail) for every
   * key of {@link MessageKeys} the file does not list yet: the Checker Framework would otherwise
   * fall back to a shorter key's text and drop the algebra's detail.
   */
  @Override
  public Properties getMessagesProperties() {
    Properties messages = super.getMessagesProperties();
    for (Field f : MessageKeys.class.getFields()) {
      if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
        try {
          messages.putIfAbsent((String) f.get(null), "%s: %s");
        } catch (IllegalAccessException e) {
          throw new IllegalStateException("MessageKeys." + f.getName() + " is not public", e);
        }
      }
    }
    return messages;
  }

  @Override
  protected BaseTypeVisitor<?> createSourceVisitor() {
    return new ShapeVisitor(this);
  }

  @Override
  protected Set<Class<? extends SourceChecker>> getImmediateSubcheckerClasses() {
    Set<Class<? extends SourceChecker>> checkers = super.getImmediateSubcheckerClasses();
    checkers.add(SizeValueChecker.class);
    return checkers;
  }
}
