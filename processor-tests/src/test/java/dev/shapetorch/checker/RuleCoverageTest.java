package dev.shapetorch.checker;

import static com.google.common.truth.Truth.assertWithMessage;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import dev.shapetorch.backprop.ops.TensorVars;
import dev.shapetorch.shapes.ShapeRule;
import dev.shapetorch.shapes.rules.MessageKeys;
import dev.shapetorch.shapes.rules.Rule;
import dev.shapetorch.tensor.Tensor;
import java.io.IOException;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import javax.lang.model.type.TypeKind;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Every {@link Rule} is bound and specified: some public op of tensor-runtime or backprop names
 * it with {@code @ShapeRule}, and the checker's suite ({@link CheckerSuiteTest}) calls an op
 * with it both where the checker must accept the call and infer its result (the call
 * initialises a {@code @Shape} variable, is returned from a {@code @Shape} method or iterated
 * into a {@code @Shape} variable, or is a call of a {@code void} op, with no diagnostic expected
 * on its lines) and where it must
 * reject it (a diagnostic of the algebra's
 * {@link MessageKeys} is expected on its lines). A new rule fails here until it has an op and
 * both checker cases; a rule whose last op goes fails until it is deleted.
 */
class RuleCoverageTest {

  /**
   * Rules that no shape can fail: {@code squeeze()} drops whatever size-1 dims there are; a loss
   * module's constructor only records its reduction in its type; {@code kron} multiplies
   * whatever sizes it is given; {@code nonzero()} takes a tensor of any rank.
   */
  private static final Set<Rule> ACCEPTS_EVERY_SHAPE =
      EnumSet.of(Rule.SQUEEZE, Rule.LOSS_MODULE, Rule.KRON, Rule.NONZERO);

  @Test
  void everyRule_isNamedByAPublicOp() throws IOException {
    Map<Rule, List<String>> ops = new EnumMap<>(Rule.class);
    for (Class<?> anchor : List.of(Tensor.class, TensorVars.class)) {
      for (Class<?> c : compiledClasses(anchor)) {
        if (!Modifier.isPublic(c.getModifiers())) {
          continue;
        }
        List<Executable> members = new ArrayList<>(List.of(c.getDeclaredMethods()));
        members.addAll(List.of(c.getDeclaredConstructors()));
        for (Executable e : members) {
          ShapeRule r = e.getAnnotation(ShapeRule.class);
          if (r != null && Modifier.isPublic(e.getModifiers())) {
            ops.computeIfAbsent(r.value(), k -> new ArrayList<>())
                .add(c.getSimpleName() + "." + e.getName());
          }
        }
      }
    }
    Set<Rule> unused = EnumSet.allOf(Rule.class);
    unused.removeAll(ops.keySet());
    assertWithMessage("rules that no public op of tensor-runtime or backprop names with "
        + "@ShapeRule (bind each to its op, or delete it)").that(unused).isEmpty();
  }

  @Test
  void everyRule_hasACheckerCaseThatAcceptsACall_andOneThatRejectsOne() throws IOException {
    Path root = CheckerSuiteTest.resourceRoot("checker");
    List<Path> files;
    try (Stream<Path> s = Files.walk(root)) {
      files = s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
    List<JavaFileObject> sources = CheckerSuiteTest.sources(files);
    CallRecorder<RuleCall> collector = ruleCalls();
    Compilation c = Compiler.javac().withProcessors(collector)
        .withOptions("-Xlint:none", "-Xmaxerrs", "100000")
        .compile(sources);
    List<String> errors = c.errors().stream()
        .map(d -> d.getSource() + ":" + d.getLineNumber() + ": " + d.getMessage(null)).toList();
    assertWithMessage("the checker's test sources compile without the checker")
        .that(errors).isEmpty();

    Set<String> algebraKeys = algebraKeys();
    Map<String, Set<Long>> rejectedLines = new HashMap<>();
    Map<String, Set<Long>> diagnosedLines = new HashMap<>();
    for (int i = 0; i < files.size(); i++) {
      Path f = files.get(i);
      String uri = sources.get(i).toUri().toString();
      Set<Long> rejected = new HashSet<>();
      Set<Long> diagnosed = new HashSet<>();
      for (ExpectedDiagnostic d :
          ExpectedDiagnostic.parse(Files.readString(f, StandardCharsets.UTF_8))) {
        diagnosed.add(d.line());
        if (d.kind().equals("error") && algebraKeys.contains(d.key())) {
          rejected.add(d.line());
        }
      }
      rejectedLines.put(uri, rejected);
      diagnosedLines.put(uri, diagnosed);
    }

    Map<Rule, Set<String>> accepted = new EnumMap<>(Rule.class);
    Map<Rule, Set<String>> rejectedBy = new EnumMap<>(Rule.class);
    for (RuleCall call : collector.records) {
      Set<Long> rejected = rejectedLines.getOrDefault(call.file(), Set.of());
      Set<Long> diagnosed = diagnosedLines.getOrDefault(call.file(), Set.of());
      String where = call.file().substring(call.file().lastIndexOf('/') + 1) + ":" + call.first();
      if (call.anyLineIn(rejected)) {
        rejectedBy.computeIfAbsent(call.rule(), k -> new TreeSet<>()).add(where);
      } else if (call.declaresResult() && !call.anyLineIn(diagnosed)) {
        accepted.computeIfAbsent(call.rule(), k -> new TreeSet<>()).add(where);
      }
    }
    List<String> missing = new ArrayList<>();
    for (Rule rule : Rule.values()) {
      if (!accepted.containsKey(rule)) {
        missing.add(rule + ": no accepted case");
      }
      if (!rejectedBy.containsKey(rule) && !ACCEPTS_EVERY_SHAPE.contains(rule)) {
        missing.add(rule + ": no rejected case");
      }
    }
    assertWithMessage("rules without both checker cases in src/test/resources/checker: an "
        + "accepted case is a call that initialises a @Shape variable, is returned as a @Shape "
        + "result or is iterated into a @Shape variable, with no diagnostic expected on its "
        + "lines; a rejected case is a call with one of the algebra's diagnostics (MessageKeys) "
        + "expected on its lines").that(missing).isEmpty();
  }

  /** The keys the shape algebra reports (not the checker's own, such as shape.assignment). */
  private static Set<String> algebraKeys() {
    Set<String> keys = new HashSet<>();
    for (Field f : MessageKeys.class.getFields()) {
      if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
        try {
          keys.add((String) f.get(null));
        } catch (IllegalAccessException e) {
          throw new AssertionError(e);
        }
      }
    }
    return keys;
  }

  /** The classes compiled into the directory or jar that holds {@code anchor}. */
  static List<Class<?>> compiledClasses(Class<?> anchor) throws IOException {
    Path location;
    try {
      location = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IOException(e);
    }
    List<String> names = new ArrayList<>();
    if (Files.isDirectory(location)) {
      try (Stream<Path> s = Files.walk(location)) {
        s.filter(p -> p.toString().endsWith(".class"))
            .forEach(p -> names.add(location.relativize(p).toString()));
      }
    } else {
      try (JarFile jar = new JarFile(location.toFile())) {
        jar.stream().map(e -> e.getName()).filter(n -> n.endsWith(".class")).forEach(names::add);
      }
    }
    List<Class<?>> out = new ArrayList<>();
    for (String n : names) {
      if (n.endsWith("module-info.class") || n.endsWith("package-info.class")) {
        continue;
      }
      String binary = n.substring(0, n.length() - ".class".length()).replace('/', '.')
          .replace('\\', '.');
      try {
        out.add(Class.forName(binary, false, anchor.getClassLoader()));
      } catch (ClassNotFoundException e) {
        throw new IOException("cannot load " + binary + " from " + location, e);
      }
    }
    assertWithMessage("classes under " + location).that(out.size()).isGreaterThan(10);
    return out;
  }

  /** A call of an op declared with {@code @ShapeRule}, by file and lines. */
  record RuleCall(Rule rule, String file, long first, long last, boolean declaresResult) {
    boolean anyLineIn(Set<Long> lines) {
      return CallRecorder.anyLineIn(first, last, lines);
    }
  }

  /**
   * Records, after javac has attributed each file, every call whose callee carries {@code
   * @ShapeRule}: the rule, its lines, and whether its result meets a declared {@code @Shape}
   * (a void op, such as {@code backward()}, has no result to declare: a call the checker passes
   * accepts).
   */
  static CallRecorder<RuleCall> ruleCalls() {
    return new CallRecorder<>((call, out) -> {
      ShapeRule rule = call.callee().getAnnotation(ShapeRule.class);
      if (rule != null) {
        boolean voidOp = call.callee().getReturnType().getKind() == TypeKind.VOID;
        out.accept(new RuleCall(rule.value(), call.file(), call.first(), call.last(),
            voidOp || call.meetsDeclared("Shape")));
      }
    });
  }
}
