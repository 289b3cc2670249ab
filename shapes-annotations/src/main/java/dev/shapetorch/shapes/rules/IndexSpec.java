package dev.shapetorch.shapes.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * A parsed index string, Python's subscript written between quotes: {@code ":, 1:3"} for {@code
 * x[:, 1:3]}, {@code "..., None, ::2"}, {@code "-1"}. Items are separated by commas; each is an
 * integer (negative counts from the end), a slice {@code start:stop:step} with any part left
 * out, {@code None} (a new axis of size 1), {@code ...} (as many full slices as the other items
 * leave), or {@code ?}, a placeholder for a value given at run time: a whole item {@code ?} takes
 * an int or an index tensor (int64/int32 positions, or a bool mask), a slice bound {@code ?}
 * ({@code "?:?"}, {@code "::?"}) takes an int. Placeholders are numbered from 0 in reading
 * order. The empty string indexes nothing (Python's {@code x[()]}).
 */
public final class IndexSpec {

  /** One item of an index string. */
  public sealed interface Item {}

  /**
   * An integer or a slice bound: a constant, or the placeholder numbered {@code placeholder}
   * (then {@code value} is 0).
   */
  public record Bound(long value, int placeholder) {
    /** True if this bound is a {@code ?}. */
    public boolean isPlaceholder() {
      return placeholder >= 0;
    }

    @Override
    public String toString() {
      return isPlaceholder() ? "?" : Long.toString(value);
    }
  }

  /** An integer item: selects one position and removes the dim. */
  public record Int(Bound index) implements Item {}

  /** A slice {@code start:stop:step}; an absent part is null. Keeps the dim (a view). */
  public record Slice(Bound start, Bound stop, Bound step) implements Item {}

  /** {@code None}: a new dim of size 1. */
  public record NewAxis() implements Item {}

  /** {@code ...}: full slices over every dim the other items leave. */
  public record Ellipsis() implements Item {}

  /** A whole item {@code ?}: an int or an index tensor given at run time. */
  public record Placeholder(int placeholder) implements Item {}

  private final String text;
  private final List<Item> items;
  private final int placeholders;

  private IndexSpec(String text, List<Item> items, int placeholders) {
    this.text = text;
    this.items = List.copyOf(items);
    this.placeholders = placeholders;
  }

  /** The string as the user wrote it. */
  public String text() {
    return text;
  }

  /** The items in order. */
  public List<Item> items() {
    return items;
  }

  /** How many {@code ?} the string holds (the run-time values it takes). */
  public int placeholders() {
    return placeholders;
  }

  @Override
  public String toString() {
    return '"' + text + '"';
  }

  /**
   * Parses {@code text}; a string that is not an index is a {@link MessageKeys#INDEX_SYNTAX}
   * mismatch naming the item and what is wrong.
   *
   * @param op the op's name for messages
   * @param text the index string, such as {@code ":, 1:3"}
   * @param argument the index string's argument position, for the mismatch
   */
  public static ShapeResult<IndexSpec> parse(String op, String text, int argument) {
    if (text == null) {
      return RuleSupport.fail(MessageKeys.INDEX_SYNTAX, op,
          "the index string is null; pass one such as \":, 1:3\"", argument, -1);
    }
    List<Item> items = new ArrayList<>();
    int[] counter = {0};
    if (text.isBlank()) {
      return ShapeResult.ok(new IndexSpec(text, items, 0));
    }
    String[] parts = text.split(",", -1);
    boolean ellipsis = false;
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i].strip();
      String problem;
      Item item = null;
      if (part.isEmpty()) {
        problem = "is empty";
      } else if (part.equals("...")) {
        if (ellipsis) {
          problem = "is a second '...'; an index has at most one";
        } else {
          ellipsis = true;
          item = new Ellipsis();
          problem = null;
        }
      } else if (part.equals("None")) {
        item = new NewAxis();
        problem = null;
      } else if (part.equals("?")) {
        item = new Placeholder(counter[0]++);
        problem = null;
      } else if (part.contains(":")) {
        String[] bounds = part.split(":", -1);
        if (bounds.length > 3) {
          problem = "has " + (bounds.length - 1) + " ':'; a slice is start:stop or start:stop:step";
        } else {
          Bound[] b = new Bound[3];
          problem = null;
          for (int k = 0; k < bounds.length && problem == null; k++) {
            String s = bounds[k].strip();
            if (s.isEmpty()) {
              continue;
            }
            b[k] = bound(s, counter);
            if (b[k] == null) {
              problem = "has the slice bound '" + s + "', which is neither an integer nor ?";
            }
          }
          item = problem == null ? new Slice(b[0], b[1], b[2]) : null;
        }
      } else {
        Bound b = bound(part, counter);
        if (b == null) {
          problem = "is '" + part + "', which is no index";
        } else {
          item = new Int(b);
          problem = null;
        }
      }
      if (problem != null) {
        return RuleSupport.fail(MessageKeys.INDEX_SYNTAX, op,
            "cannot read the index \"" + text + "\": item " + i + " " + problem
                + "; an item is an integer, a slice start:stop:step, None, ... or ? (a value"
                + " given after the string), as inside Python's x[...]",
            argument, -1);
      }
      items.add(item);
    }
    return ShapeResult.ok(new IndexSpec(text, items, counter[0]));
  }

  private static Bound bound(String s, int[] counter) {
    if (s.equals("?")) {
      return new Bound(0, counter[0]++);
    }
    if (!s.matches("[-+]?[0-9]{1,18}")) {
      return null;
    }
    return new Bound(Long.parseLong(s), -1);
  }
}
