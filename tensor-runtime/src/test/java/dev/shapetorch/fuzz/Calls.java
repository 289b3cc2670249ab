package dev.shapetorch.fuzz;

import dev.shapetorch.fuzz.Catalog.Op;
import dev.shapetorch.fuzz.Inputs.Arg;
import dev.shapetorch.fuzz.Inputs.Kind;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The calls of a sweep, numbered: for each op of the {@link Catalog}, one call with ordinary
 * values, {@code random} calls with one or two arguments replaced by hostile ones, and one call
 * per argument with that argument null or freed. Deterministic for a seed, so that the parent
 * and every child JVM number the same calls the same way.
 */
final class Calls {

  /** One call: the op and, per slot (receiver first), an index into that slot's pool. */
  record Call(Op op, int[] choice) {

    /** The pools of the slots. */
    List<List<Arg>> pools() {
      return slotPools(op);
    }

    /** {@code Torch.conv2d(f32[2,3], null, ...)}, for reports. */
    String describe() {
      List<List<Arg>> pools = pools();
      StringBuilder sb = new StringBuilder();
      int first = 0;
      if (op.receiver() != null) {
        sb.append('(').append(pools.get(0).get(choice[0]).label()).append(").");
        first = 1;
      }
      sb.append(op.name().contains(".") && op.receiver() != null
          ? op.name().substring(op.name().indexOf('.') + 1) : op.name()).append('(');
      for (int i = first; i < choice.length; i++) {
        if (i > first) {
          sb.append(", ");
        }
        sb.append(pools.get(i).get(choice[i]).label());
      }
      return sb.append(')').toString();
    }
  }

  private Calls() {}

  static List<List<Arg>> slotPools(Op op) {
    List<List<Arg>> pools = new ArrayList<>();
    if (op.receiver() != null) {
      pools.add(Inputs.pool(op.receiver(), true));
    }
    for (Type t : op.target().getGenericParameterTypes()) {
      pools.add(Inputs.pool(t, false));
    }
    return pools;
  }

  /** Every call of a sweep, in order. */
  static List<Call> all(long seed, int random) {
    List<Call> out = new ArrayList<>();
    for (Op op : Catalog.ops()) {
      out.addAll(of(op, seed, random));
    }
    return out;
  }

  static List<Call> of(Op op, long seed, int random) {
    List<List<Arg>> pools = slotPools(op);
    Random rnd = new Random(seed * 1_000_003L + op.id().hashCode());
    Set<String> seen = new LinkedHashSet<>();
    List<Call> out = new ArrayList<>();
    int[] base = good(pools, rnd);
    add(out, seen, op, base);
    int randomCalls = Catalog.EXPENSIVE.contains(op.name()) ? random / 16 : random;
    for (int r = 0; r < randomCalls; r++) {
      int[] c = good(pools, rnd);
      int changes = 1 + rnd.nextInt(2);
      for (int k = 0; k < changes && c.length > 0; k++) {
        int slot = rnd.nextInt(c.length);
        List<Integer> hostile = indices(pools.get(slot), Kind.BAD, Kind.NULL, Kind.FREED);
        if (!hostile.isEmpty()) {
          c[slot] = hostile.get(rnd.nextInt(hostile.size()));
        }
      }
      add(out, seen, op, c);
    }
    for (int slot = 0; slot < pools.size(); slot++) {
      for (Kind kind : new Kind[] {Kind.NULL, Kind.FREED}) {
        List<Integer> idx = indices(pools.get(slot), kind);
        if (!idx.isEmpty()) {
          int[] c = base.clone();
          c[slot] = idx.get(0);
          add(out, seen, op, c);
        }
      }
    }
    return out;
  }

  private static void add(List<Call> out, Set<String> seen, Op op, int[] c) {
    if (seen.add(Arrays.toString(c))) {
      out.add(new Call(op, c));
    }
  }

  private static int[] good(List<List<Arg>> pools, Random rnd) {
    int[] c = new int[pools.size()];
    for (int i = 0; i < c.length; i++) {
      List<Integer> g = indices(pools.get(i), Kind.GOOD);
      c[i] = g.isEmpty() ? 0 : g.get(rnd.nextInt(g.size()));
    }
    return c;
  }

  private static List<Integer> indices(List<Arg> pool, Kind... kinds) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < pool.size(); i++) {
      for (Kind k : kinds) {
        if (pool.get(i).kind() == k) {
          out.add(i);
        }
      }
    }
    return out;
  }
}
