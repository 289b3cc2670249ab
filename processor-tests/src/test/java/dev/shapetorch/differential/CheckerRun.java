package dev.shapetorch.differential;

import dev.shapetorch.checker.ShapeChecker;
import dev.shapetorch.differential.CheckerOutcome.Error;
import dev.shapetorch.differential.GeneratedSource.Site;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.ToolProvider;

/**
 * One in-process javac run with the Shape Checker over many generated files (the checker's
 * start-up is paid once), its diagnostics sorted to the programs and lines they are about.
 * The checker reports its errors as warnings ({@code -Awarns}: javac writes no class file once
 * an error is reported), so the same compilation's classes are what the runtime runs; a
 * {@code [shape...]} warning is an error of the checker (it warns of nothing else without
 * {@code -Ashape.warnUnknown}, which is not given).
 */
final class CheckerRun {
  private static final Pattern KEYED = Pattern.compile("^\\[([A-Za-z0-9_.:]+)\\] ");
  private static final List<String> OPTIONS = List.of(
      "-Xlint:-options,-processing", "-Xmaxerrs", "1000000", "-Xmaxwarns", "1000000",
      "-parameters", "-Awarns");

  final InMemoryClasses classes;
  final Map<Integer, CheckerOutcome> outcomes = new HashMap<>();
  /** Errors that no program line owns: a crash that stopped the checker, a broken file. */
  final List<String> unattributed = new ArrayList<>();

  private CheckerRun(InMemoryClasses classes) {
    this.classes = classes;
  }

  static CheckerRun check(List<GeneratedSource> sources) {
    Map<String, GeneratedSource> byUri = new HashMap<>();
    List<JavaFileObject> files = new ArrayList<>();
    for (GeneratedSource s : sources) {
      JavaFileObject f = s.file();
      files.add(f);
      byUri.put(f.toUri().toString(), s);
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    InMemoryClasses classes =
        new InMemoryClasses(javac.getStandardFileManager(diagnostics, Locale.ROOT, null));
    JavaCompiler.CompilationTask task =
        javac.getTask(null, classes, diagnostics, OPTIONS, null, files);
    task.setProcessors(List.of(new ShapeChecker()));
    task.call();
    CheckerRun run = new CheckerRun(classes);
    Map<Integer, List<Error>> errors = new HashMap<>();
    Map<Integer, String> crashes = new HashMap<>();
    Map<Integer, String> invalid = new HashMap<>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      boolean warning = d.getKind() == Diagnostic.Kind.WARNING
          || d.getKind() == Diagnostic.Kind.MANDATORY_WARNING;
      if (d.getKind() != Diagnostic.Kind.ERROR && !warning) {
        continue;
      }
      String message = d.getMessage(Locale.ROOT);
      if (warning && !message.startsWith("[shape")) {
        continue;
      }
      GeneratedSource source =
          d.getSource() == null ? null : byUri.get(d.getSource().toUri().toString());
      Site site = source == null ? null : source.site(d.getLineNumber());
      if (site == null || site.line() == null) {
        run.unattributed.add((source == null ? "" : source.className() + ":" + d.getLineNumber()
            + ": ") + message);
        continue;
      }
      int id = site.program().id();
      Matcher m = KEYED.matcher(message);
      String key = m.find() ? m.group(1) : null;
      if (key != null && key.startsWith("shape")) {
        errors.computeIfAbsent(id, k -> new ArrayList<>()).add(new Error(site, key, message));
      } else if (looksLikeCrash(message)) {
        crashes.putIfAbsent(id, message);
      } else {
        invalid.putIfAbsent(id, "line \"" + site.line().code().strip() + "\": " + message);
      }
    }
    for (GeneratedSource s : sources) {
      for (Program p : s.programs()) {
        run.outcomes.put(p.id(), new CheckerOutcome(errors.getOrDefault(p.id(), List.of()),
            crashes.get(p.id()), invalid.get(p.id())));
      }
    }
    return run;
  }

  private static boolean looksLikeCrash(String message) {
    return message.contains("Throwable") || message.contains("crashed")
        || message.contains("Exception in ") || message.contains("StackOverflowError")
        || message.contains("unexpected ");
  }
}
