package dev.shapetorch.checker;

import static com.google.common.truth.Truth.assertWithMessage;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import dev.shapetorch.shapes.DTypeEffect;
import dev.shapetorch.shapes.rules.DTypeRule;
import dev.shapetorch.shapes.rules.MessageKeys;
import dev.shapetorch.tensor.Tensor;
import java.io.IOException;
import java.lang.reflect.Executable;
import java.lang.reflect.Modifier;
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
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Every {@link DTypeRule} is bound and specified, as {@link RuleCoverageTest} asks of the shape
 * rules: some public op of tensor-runtime declares it with {@code @DTypeEffect}; every contract
 * has a checker case that rejects a call ({@code shape.dtype.contract} expected on its lines) and
 * one that accepts a call (no diagnostic expected on its lines); every result effect has an
 * accepted call whose result initialises a {@code @ScalarType} variable or is returned from a
 * {@code @ScalarType} method, so that the checker's inferred dtype is compared with a declared
 * one. A new constant fails here until it has an op and its cases.
 */
class DTypeCoverageTest {

  @Test
  void everyDTypeRule_isDeclaredByAPublicOp() throws IOException {
    Map<DTypeRule, List<String>> ops = new EnumMap<>(DTypeRule.class);
    for (Class<?> c : RuleCoverageTest.compiledClasses(Tensor.class)) {
      if (!Modifier.isPublic(c.getModifiers())) {
        continue;
      }
      List<Executable> members = new ArrayList<>(List.of(c.getDeclaredMethods()));
      members.addAll(List.of(c.getDeclaredConstructors()));
      for (Executable e : members) {
        if (!Modifier.isPublic(e.getModifiers())) {
          continue;
        }
        for (DTypeEffect d : e.getAnnotationsByType(DTypeEffect.class)) {
          ops.computeIfAbsent(d.value(), k -> new ArrayList<>())
              .add(c.getSimpleName() + "." + e.getName());
        }
      }
    }
    Set<DTypeRule> unused = EnumSet.allOf(DTypeRule.class);
    unused.removeAll(ops.keySet());
    assertWithMessage("dtype rules that no public op of tensor-runtime declares with "
        + "@DTypeEffect (declare each on its ops, or delete it)").that(unused).isEmpty();
  }

  @Test
  void everyContract_hasARejectedAndAnAcceptedCheckerCase_everyEffectAnAcceptedOne()
      throws IOException {
    Path root = CheckerSuiteTest.resourceRoot("checker");
    List<Path> files;
    try (Stream<Path> s = Files.walk(root)) {
      files = s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
    List<JavaFileObject> sources = CheckerSuiteTest.sources(files);
    CallRecorder<EffectCall> collector = effectCalls();
    Compilation c = Compiler.javac().withProcessors(collector)
        .withOptions("-Xlint:none", "-Xmaxerrs", "100000")
        .compile(sources);
    assertWithMessage("the checker's test sources compile without the checker")
        .that(c.errors()).isEmpty();

    Map<String, Set<Long>> contractLines = new HashMap<>();
    Map<String, Set<Long>> diagnosedLines = new HashMap<>();
    for (int i = 0; i < files.size(); i++) {
      Set<Long> contract = new HashSet<>();
      Set<Long> diagnosed = new HashSet<>();
      for (ExpectedDiagnostic d : ExpectedDiagnostic.parse(
          Files.readString(files.get(i), StandardCharsets.UTF_8))) {
        diagnosed.add(d.line());
        if (d.kind().equals("error") && d.key().equals(MessageKeys.DTYPE_CONTRACT)) {
          contract.add(d.line());
        }
      }
      String uri = sources.get(i).toUri().toString();
      contractLines.put(uri, contract);
      diagnosedLines.put(uri, diagnosed);
    }

    Map<DTypeRule, Set<String>> accepted = new EnumMap<>(DTypeRule.class);
    Map<DTypeRule, Set<String>> rejected = new EnumMap<>(DTypeRule.class);
    for (EffectCall call : collector.records) {
      String where = call.file().substring(call.file().lastIndexOf('/') + 1) + ":" + call.first();
      boolean diagnosed = call.anyLineIn(diagnosedLines.getOrDefault(call.file(), Set.of()));
      if (call.rule().isContract()) {
        if (call.anyLineIn(contractLines.getOrDefault(call.file(), Set.of()))) {
          rejected.computeIfAbsent(call.rule(), k -> new TreeSet<>()).add(where);
        } else if (!diagnosed) {
          accepted.computeIfAbsent(call.rule(), k -> new TreeSet<>()).add(where);
        }
      } else if (call.declaresDType() && !diagnosed) {
        accepted.computeIfAbsent(call.rule(), k -> new TreeSet<>()).add(where);
      }
    }
    List<String> missing = new ArrayList<>();
    for (DTypeRule rule : DTypeRule.values()) {
      if (!accepted.containsKey(rule)) {
        missing.add(rule + ": no accepted case");
      }
      if (rule.isContract() && !rejected.containsKey(rule)) {
        missing.add(rule + ": no rejected case");
      }
    }
    assertWithMessage("dtype rules without their checker cases in src/test/resources/checker: a "
        + "contract needs a call with shape.dtype.contract expected on its lines and a call "
        + "with no diagnostic; an effect needs a call, with no diagnostic, that initialises a "
        + "@ScalarType variable or is returned as a @ScalarType result").that(missing).isEmpty();
  }

  /** A call of an op declaring {@code rule} with {@code @DTypeEffect}, by file and lines. */
  record EffectCall(DTypeRule rule, String file, long first, long last, boolean declaresDType) {
    boolean anyLineIn(Set<Long> lines) {
      return CallRecorder.anyLineIn(first, last, lines);
    }
  }

  /**
   * Records, after javac has attributed each file, every call of an op with a dtype effect, once
   * per effect, and whether its result meets a declared {@code @ScalarType}.
   */
  static CallRecorder<EffectCall> effectCalls() {
    return new CallRecorder<>((call, out) -> {
      boolean declares = call.meetsDeclared("ScalarType");
      for (DTypeEffect e : call.callee().getAnnotationsByType(DTypeEffect.class)) {
        out.accept(new EffectCall(e.value(), call.file(), call.first(), call.last(), declares));
      }
    });
  }
}
