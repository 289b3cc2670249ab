package dev.shapetorch.processor;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.Trees;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashSet;
import java.util.Set;
import javax.annotation.processing.Messager;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * The one way ShapeTorch's processors print diagnostics. Every message is tagged with its key
 * ({@link Messages#tagged}); a diagnostic repeated at the same place with the same key is printed
 * once (javac shows some declarations twice, e.g. a record component as a field and as a
 * constructor parameter).
 */
final class Reporter {
  private final Messager messager;
  private final Trees trees;
  private final Set<String> printed = new HashSet<>();
  private int errors;

  Reporter(Messager messager, Trees trees) {
    this.messager = messager;
    this.trees = trees;
  }

  /** An error at {@code tree} in {@code unit}. */
  void error(String key, String text, Tree tree, CompilationUnitTree unit) {
    print(Diagnostic.Kind.ERROR, key, text, tree, unit);
  }

  /** A warning at {@code tree} in {@code unit}. */
  void warning(String key, String text, Tree tree, CompilationUnitTree unit) {
    print(Diagnostic.Kind.WARNING, key, text, tree, unit);
  }

  /** An error at {@code element}'s declaration. */
  void error(String key, String text, Element element) {
    String id =
        "E|" + key + "|" + element + "|" + (element == null ? "" : element.getEnclosingElement());
    if (printed.add(id + "|" + text)) {
      errors++;
      messager.printMessage(Diagnostic.Kind.ERROR, Messages.tagged(key, text), element);
    }
  }

  /**
   * Reports a processor's own failure as a warning (never as a crash): the user's build goes on,
   * and the message asks for a report.
   */
  void internal(String processor, Throwable failure, Element where) {
    StringWriter trace = new StringWriter();
    failure.printStackTrace(new PrintWriter(trace));
    String text =
        processor
            + " failed on "
            + (where == null ? "this round" : "'" + where + "'")
            + "; the declarations there were not checked. Please report this with the"
            + " declaration:\n"
            + trace;
    if (where != null) {
      messager.printMessage(
          Diagnostic.Kind.WARNING, Messages.tagged(Messages.INTERNAL, text), where);
    } else {
      messager.printMessage(Diagnostic.Kind.WARNING, Messages.tagged(Messages.INTERNAL, text));
    }
  }

  /** How many errors this reporter has printed. */
  int errorCount() {
    return errors;
  }

  private void print(
      Diagnostic.Kind kind, String key, String text, Tree tree, CompilationUnitTree unit) {
    SourcePositions positions = trees.getSourcePositions();
    long start = positions.getStartPosition(unit, tree);
    String id = kind + "|" + key + "|" + unit.getSourceFile().toUri() + "|" + start;
    if (!printed.add(id)) {
      return;
    }
    if (kind == Diagnostic.Kind.ERROR) {
      errors++;
    }
    trees.printMessage(kind, Messages.tagged(key, text), tree, unit);
  }
}
