package dev.shapetorch.fuzz;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The fuzzer from the command line (scripts/fuzz.sh): {@code seed random parallel hangSeconds
 * outDir [from to]}. Prints the report; exits 1 if anything was found.
 */
public final class FuzzMain {

  private FuzzMain() {}

  /** Runs a sweep; see the class comment. */
  public static void main(String[] args) throws Exception {
    long seed = Long.parseLong(args[0]);
    int random = Integer.parseInt(args[1]);
    int parallel = Integer.parseInt(args[2]);
    long hang = Long.parseLong(args[3]);
    Path dir = Files.createDirectories(Path.of(args[4]));
    int total = Calls.all(seed, random).size();
    int from = args.length > 5 ? Integer.parseInt(args[5]) : 0;
    int to = args.length > 6 ? Math.min(total, Integer.parseInt(args[6])) : total;
    System.out.println("fuzz: " + Catalog.ops().size() + " ops, calls " + from + ".." + to
        + " of " + total + " (seed " + seed + ", " + random + " random calls per op)");
    Sweep.Report r = new Sweep(seed, random, hang, dir).run(from, to, parallel);
    System.out.println(r.summary(Integer.getInteger("fuzz.examples", 1000)));
    String baseline = System.getProperty("fuzz.writeKnown");
    if (baseline != null) {
      FuzzTest.writeKnown(Path.of(baseline), Calls.all(seed, random), r);
    }
    System.exit(r.findings().isEmpty() ? 0 : 1);
  }
}
