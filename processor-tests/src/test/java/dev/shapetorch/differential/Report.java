package dev.shapetorch.differential;

import dev.shapetorch.differential.Program.Line;
import dev.shapetorch.differential.Program.Param;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A differential run's result as text: totals, then every disagreement class (new ones first,
 * then the known ones, each named by its {@link KnownDisagreement}) with its count and its
 * smallest example: the program, what the checker said and what the run did.
 */
final class Report {
  private Report() {}

  /** The disagreements among {@code verdicts}. */
  static List<Verdict> disagreements(List<Verdict> verdicts) {
    return verdicts.stream().filter(v -> v.kind().disagreement).toList();
  }

  /** A disagreement's group: its known entry (or "NEW") and its class. */
  static String group(Verdict v) {
    Optional<KnownDisagreement> known = KnownDisagreement.explaining(v);
    return (known.isPresent() ? "known " + known.get().name() : "NEW") + ": "
        + v.disagreementClass();
  }

  static String of(List<Verdict> verdicts, String header) {
    StringBuilder out = new StringBuilder();
    long mistakes = verdicts.stream().filter(v -> v.program().mistake() != null).count();
    out.append(header).append(": ").append(verdicts.size()).append(" programs (")
        .append(mistakes).append(" with an injected mistake)\n");
    Map<Verdict.Kind, Integer> kinds = new EnumMap<>(Verdict.Kind.class);
    for (Verdict v : verdicts) {
      kinds.merge(v.kind(), 1, Integer::sum);
    }
    out.append("  verdicts: ").append(kinds).append('\n');
    Map<String, List<Verdict>> groups = new TreeMap<>(
        Comparator.comparing((String g) -> !g.startsWith("NEW")).thenComparing(g -> g));
    for (Verdict v : disagreements(verdicts)) {
      groups.computeIfAbsent(group(v), k -> new ArrayList<>()).add(v);
    }
    long known = disagreements(verdicts).stream()
        .filter(v -> KnownDisagreement.of(v.program()).isPresent()).count();
    out.append("  disagreements: ").append(disagreements(verdicts).size()).append(" (")
        .append(known).append(" known, ").append(disagreements(verdicts).size() - known)
        .append(" new) in ").append(groups.size()).append(" classes\n");
    Map<String, Integer> counts = new LinkedHashMap<>();
    groups.forEach((g, vs) -> counts.put(g, vs.size()));
    counts.forEach((g, n) -> out.append(String.format("  %6d  %s%n", n, g)));
    groups.forEach((g, vs) -> {
      Verdict example = vs.stream()
          .min(Comparator.comparingInt((Verdict v) -> v.program().size())
              .thenComparingInt(v -> v.program().id()))
          .orElseThrow();
      out.append('\n').append(g).append(" (").append(vs.size()).append(")\n");
      out.append("  tags of every instance: ").append(commonTags(vs)).append('\n');
      out.append(example(example));
    });
    return out.toString();
  }

  /** The spelling and mistake tags that every program of a class carries. */
  static Set<String> commonTags(List<Verdict> vs) {
    Set<String> common = new TreeSet<>(vs.get(0).program().tags());
    for (Verdict v : vs) {
      common.retainAll(v.program().tags());
    }
    common.removeIf(t -> t.startsWith("family:"));
    return common;
  }

  /** One verdict in full: the program, the checker's errors, the run's end. */
  static String example(Verdict v) {
    Program p = v.program();
    StringBuilder out = new StringBuilder();
    out.append("  program ").append(p.className()).append(" (seed ").append(p.seed())
        .append(p.mistake() == null ? "" : ", mistake " + p.mistake()).append(")\n");
    out.append(listing(p, "    "));
    out.append("  checker: ");
    if (v.checker().crash() != null) {
      out.append("crashed: ").append(v.checker().crash());
    } else if (v.checker().invalid() != null) {
      out.append("javac: ").append(v.checker().invalid());
    } else if (v.checker().errors().isEmpty()) {
      out.append("no error");
    } else {
      out.append(String.join("\n           ",
          v.checker().errors().stream().map(Object::toString).toList()));
    }
    out.append("\n  runtime: ").append(v.runtime()).append('\n');
    return out.toString();
  }

  static String listing(Program p, String indent) {
    StringBuilder out = new StringBuilder();
    for (Line m : p.members()) {
      out.append(indent).append(m.code()).append('\n');
    }
    List<String> params = new ArrayList<>();
    for (Param param : p.params()) {
      params.add((param.annotated() ? GeneratedSource.shape(param.shape()) + " " : "")
          + "Tensor " + param.name());
    }
    out.append(indent).append("void run(").append(String.join(", ", params)).append(") {\n");
    for (Line l : p.body()) {
      out.append(indent).append("  ").append(l.code()).append('\n');
    }
    out.append(indent).append("}\n");
    return out.toString();
  }
}
