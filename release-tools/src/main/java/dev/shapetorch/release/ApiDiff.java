package dev.shapetorch.release;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares two {@link ApiListing}s and says, for each difference, whether code compiled
 * against the old API still links ({@linkplain Level#BINARY_AND_SOURCE binary}) and still
 * compiles ({@linkplain Level#SOURCE source}) against the new one. The rules follow the Java
 * Language Specification's chapter 13 (binary compatibility) where a listing can tell:
 * removing anything, changing a member's erased type or its static-ness, adding final,
 * abstract or sealed, narrowing public to protected, changing a class's kind or superclass or
 * dropping an interface is incompatible both ways; a generic signature, a throws clause, a
 * shape annotation (the Shape Checker's contract), an abstract method added to a type users
 * may implement, or a removed processor option or message key breaks sources only. Additions
 * and relaxations are compatible. A member's {@code inherited from} field is not compared: it
 * says where the member is declared, and moving a member between a type and a supertype that
 * is not API (a package-private base class) changes nothing user code can see.
 */
final class ApiDiff {
  private ApiDiff() {}

  /** How bad a change is for code built against the old API. */
  enum Level {
    BINARY_AND_SOURCE("INCOMPATIBLE (binary and source)"),
    SOURCE("INCOMPATIBLE (source)"),
    COMPATIBLE("compatible");

    final String label;

    Level(String label) {
      this.label = label;
    }
  }

  /**
   * One difference.
   *
   * @param level how bad it is
   * @param element the element's key ({@code method a.B.c(int) void})
   * @param what what changed
   */
  record Change(Level level, String element, String what) {
    @Override
    public String toString() {
      return String.format("%-33s %s: %s", level.label, element, what);
    }
  }

  /** A listing line: its key, its owner's key (null for a top-level line) and its fields. */
  private record Entry(String owner, String key, List<String> fields) {
    String flags() {
      return fields.isEmpty() ? "" : fields.get(0);
    }

    Set<String> flagWords() {
      return new LinkedHashSet<>(Arrays.asList(flags().split(" ")));
    }

    String name() {
      return owner == null ? key : key + " in " + owner.substring(owner.indexOf(' ') + 1);
    }
  }

  /** The changes from {@code before} to {@code after}, most severe first; empty if none. */
  static List<Change> compare(List<String> before, List<String> after) {
    Map<String, Entry> old = parse(before);
    Map<String, Entry> now = parse(after);
    List<Change> changes = new ArrayList<>();
    for (Entry o : old.values()) {
      Entry n = now.get(fullKey(o));
      if (n != null) {
        fieldChanges(o, n, changes);
      } else if (o.owner() == null || now.containsKey(o.owner())) {
        // A member of a removed class is covered by the class's own line.
        Level level = o.key().startsWith("class ") || o.owner() != null
            ? Level.BINARY_AND_SOURCE : Level.SOURCE;
        changes.add(new Change(level, o.name(), "removed"));
      }
    }
    for (Entry n : now.values()) {
      if (old.containsKey(fullKey(n))) {
        continue;
      }
      if (n.owner() == null) {
        changes.add(new Change(Level.COMPATIBLE, n.name(), "added"));
      } else if (old.containsKey(n.owner())) {
        changes.add(added(now.get(n.owner()), n));
      }
    }
    changes.sort(Comparator.comparing(Change::level).thenComparing(Change::element));
    return changes;
  }

  private static Change added(Entry owner, Entry member) {
    Set<String> ownerFlags = owner.flagWords();
    boolean implementable = !ownerFlags.contains("final") && !ownerFlags.contains("sealed")
        && !ownerFlags.contains("enum") && !ownerFlags.contains("record");
    if (ownerFlags.contains("annotation")) {
      return member.fields().stream().anyMatch(f -> f.startsWith("default "))
          ? new Change(Level.COMPATIBLE, member.name(), "added")
          : new Change(Level.SOURCE, member.name(),
              "added without a default: every use of the annotation must now give it");
    }
    if (implementable && member.flagWords().contains("abstract")) {
      return new Change(Level.SOURCE, member.name(),
          "added abstract: every implementation outside ShapeTorch must now define it");
    }
    return new Change(Level.COMPATIBLE, member.name(), "added");
  }

  private static void fieldChanges(Entry o, Entry n, List<Change> changes) {
    String name = o.name();
    Set<String> before = o.flagWords();
    Set<String> after = n.flagWords();
    if (!before.equals(after)) {
      changes.add(new Change(flagLevel(before, after), name,
          "modifiers '" + o.flags() + "' became '" + n.flags() + "'"));
    }
    Map<String, String> oldFields = labelled(o.fields());
    Map<String, String> newFields = labelled(n.fields());
    Set<String> labels = new LinkedHashSet<>(oldFields.keySet());
    labels.addAll(newFields.keySet());
    for (String label : labels) {
      String was = oldFields.get(label);
      String is = newFields.get(label);
      if (was != null && was.equals(is)) {
        continue;
      }
      if (label.startsWith("annotation ")) {
        Level level = label.endsWith("@Deprecated") ? Level.COMPATIBLE : Level.SOURCE;
        String what = was == null ? "annotation added: " + is
            : is == null ? "annotation removed: " + was
            : "annotation " + was + " became " + is;
        changes.add(new Change(level, name,
            what + (level == Level.SOURCE ? " (a shape contract the Shape Checker reads)" : "")));
        continue;
      }
      Level level = switch (label) {
        case "extends", "type" -> Level.BINARY_AND_SOURCE;
        case "implements" -> missing(was, is) ? Level.BINARY_AND_SOURCE : Level.COMPATIBLE;
        case "options" -> missing(was, is) ? Level.SOURCE : Level.COMPATIBLE;
        case "default" -> is == null ? Level.SOURCE : Level.COMPATIBLE;
        default -> Level.SOURCE; // generic, throws
      };
      changes.add(new Change(level, name, label + " '" + (was == null ? "" : was) + "' became '"
          + (is == null ? "" : is) + "'"));
    }
  }

  /** Whether an item of the comma-separated list {@code was} is not in {@code is}. */
  private static boolean missing(String was, String is) {
    if (was == null) {
      return false;
    }
    Set<String> after = is == null ? Set.of() : Set.of(is.split(", "));
    return !after.containsAll(Arrays.asList(was.split(", ")));
  }

  private static Level flagLevel(Set<String> before, Set<String> after) {
    for (String kind : List.of("class", "interface", "enum", "record", "annotation")) {
      if (before.contains(kind) != after.contains(kind)) {
        return Level.BINARY_AND_SOURCE;
      }
    }
    if (before.contains("static") != after.contains("static")
        || (before.contains("public") && !after.contains("public"))) {
      return Level.BINARY_AND_SOURCE;
    }
    for (String restriction : List.of("final", "abstract", "sealed")) {
      if (!before.contains(restriction) && after.contains(restriction)) {
        return Level.BINARY_AND_SOURCE;
      }
    }
    if (before.contains("varargs") && !after.contains("varargs")) {
      return Level.SOURCE;
    }
    return Level.COMPATIBLE;
  }

  /**
   * The fields after the modifiers, by label: the first word ({@code extends}, {@code type},
   * ...), or for an annotation its target and type ({@code "annotation param 0 @Shape"}), so
   * that a changed annotation on one target reads as one change.
   */
  private static Map<String, String> labelled(List<String> fields) {
    Map<String, String> byLabel = new LinkedHashMap<>();
    for (String field : fields.subList(Math.min(1, fields.size()), fields.size())) {
      if (field.startsWith(ApiListing.INHERITED)) {
        continue; // where the member is declared: for the reader
      }
      int at = field.indexOf('@');
      if (at >= 0 && !field.startsWith("default ")) {
        int end = field.indexOf('(', at);
        byLabel.put("annotation " + field.substring(0, end < 0 ? field.length() : end), field);
      } else {
        int space = field.indexOf(' ');
        byLabel.put(space < 0 ? field : field.substring(0, space),
            space < 0 ? "" : field.substring(space + 1));
      }
    }
    return byLabel;
  }

  private static String fullKey(Entry e) {
    return e.owner() == null ? e.key() : e.owner() + "\n" + e.key();
  }

  private static Map<String, Entry> parse(List<String> lines) {
    Map<String, Entry> entries = new LinkedHashMap<>();
    String owner = null;
    for (String line : lines) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      boolean member = line.startsWith("  ");
      String text = line.strip();
      int colon = text.indexOf(": ");
      String key = colon < 0 ? text : text.substring(0, colon);
      List<String> fields = colon < 0 ? List.of()
          : List.of(text.substring(colon + 2).split("; "));
      if (member && owner == null) {
        throw new IllegalArgumentException("API listing: member line before any class: " + line);
      }
      Entry entry = new Entry(member ? owner : null, key, fields);
      if (!member) {
        owner = key;
      }
      entries.put(fullKey(entry), entry);
    }
    return entries;
  }
}
