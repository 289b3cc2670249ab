package dev.shapetorch.distributed;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * How a process joins a {@link ProcessGroup}: where the ranks meet (a TCP store at {@code
 * masterAddr:masterPort}, served by rank 0, or a file every rank can reach), this process's rank,
 * the number of ranks, the timeout and whether collectives check shapes across ranks.
 *
 * <p>Build one with {@link #fromEnvironment()} (the variables {@code torchrun} and {@link
 * Launcher} set), {@link #tcp} or {@link #file}, then adjust it with the {@code withX} copies:
 *
 * <pre>{@code
 * ProcessGroupOptions o = ProcessGroupOptions.fromEnvironment().withTimeout(Duration.ofSeconds(30));
 * try (ProcessGroup pg = ProcessGroup.init(o)) { ... }
 * }</pre>
 *
 * @param masterAddr the host of rank 0's TCP store; null for a file store
 * @param masterPort the TCP store's port (1 to 65535); 0 for a file store
 * @param storeFile the file store's path; null for a TCP store
 * @param rank this process's rank, 0 to {@code worldSize - 1}
 * @param worldSize the number of processes in the group, at least 1
 * @param localRank this process's index among the processes on its machine (PyTorch's {@code
 *     LOCAL_RANK}); informational, ShapeTorch uses it for nothing
 * @param timeout how long setup and each collective may wait for the other ranks before failing
 * @param checkShapes whether every collective first checks that the ranks' shapes and dtypes agree
 *     (one small all-gather; see {@link ProcessGroup}); must be the same on every rank
 */
public record ProcessGroupOptions(
    String masterAddr,
    int masterPort,
    Path storeFile,
    int rank,
    int worldSize,
    int localRank,
    Duration timeout,
    boolean checkShapes) {

  /** PyTorch's default timeout for Gloo process groups: 30 minutes. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(30);

  /** PyTorch's default {@code MASTER_PORT}. */
  public static final int DEFAULT_PORT = 29500;

  private static final String OP = "ProcessGroupOptions";

  /**
   * Validates the components.
   *
   * @throws IllegalArgumentException naming the component if one is out of range, or if neither
   *     or both of a TCP address and a store file are given
   */
  public ProcessGroupOptions {
    if ((masterAddr == null) == (storeFile == null)) {
      throw new IllegalArgumentException(OP + ": give either masterAddr and masterPort (a TCP"
          + " store) or storeFile (a file store), not " + (masterAddr == null ? "neither" : "both"));
    }
    if (masterAddr != null && (masterPort < 1 || masterPort > 65535)) {
      throw new IllegalArgumentException(OP + ": masterPort must be 1 to 65535, got " + masterPort);
    }
    if (worldSize < 1) {
      throw new IllegalArgumentException(OP + ": worldSize must be at least 1, got " + worldSize);
    }
    if (rank < 0 || rank >= worldSize) {
      throw new IllegalArgumentException(OP + ": rank must be 0 to worldSize - 1 = "
          + (worldSize - 1) + ", got " + rank);
    }
    if (localRank < 0) {
      throw new IllegalArgumentException(OP + ": localRank must be at least 0, got " + localRank);
    }
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException(OP + ": timeout must be positive, got " + timeout);
    }
  }

  /**
   * A TCP store at {@code masterAddr:masterPort}, served by rank 0; local rank = rank, the default
   * timeout, shape checks on.
   */
  public static ProcessGroupOptions tcp(String masterAddr, int masterPort, int rank, int worldSize) {
    if (masterAddr == null || masterAddr.isBlank()) {
      throw new IllegalArgumentException(OP + ".tcp: masterAddr is empty; pass rank 0's host,"
          + " e.g. 127.0.0.1");
    }
    return new ProcessGroupOptions(
        masterAddr, masterPort, null, rank, worldSize, rank, DEFAULT_TIMEOUT, true);
  }

  /**
   * A file store at {@code file} (on a file system every rank sees; a new file for each group);
   * local rank = rank, the default timeout, shape checks on.
   */
  public static ProcessGroupOptions file(Path file, int rank, int worldSize) {
    if (file == null) {
      throw new IllegalArgumentException(OP + ".file: file is null; pass a path every rank sees");
    }
    return new ProcessGroupOptions(
        null, 0, file, rank, worldSize, rank, DEFAULT_TIMEOUT, true);
  }

  /**
   * From the variables PyTorch uses: {@code MASTER_ADDR}, {@code MASTER_PORT} (default 29500),
   * {@code RANK}, {@code WORLD_SIZE}, {@code LOCAL_RANK} (default: {@code RANK}).
   *
   * @throws IllegalArgumentException naming the variable if one is missing or not a number
   */
  public static ProcessGroupOptions fromEnvironment() {
    return fromEnvironment(System.getenv());
  }

  /** As {@link #fromEnvironment()}, reading the variables from {@code env}. */
  public static ProcessGroupOptions fromEnvironment(Map<String, String> env) {
    String addr = env.get("MASTER_ADDR");
    if (addr == null || addr.isBlank()) {
      throw new IllegalArgumentException(OP + ".fromEnvironment: MASTER_ADDR is not set; start"
          + " the workers with dev.shapetorch.distributed.Launcher (or torchrun), or set"
          + " MASTER_ADDR, MASTER_PORT, RANK and WORLD_SIZE");
    }
    int port = number(env, "MASTER_PORT", DEFAULT_PORT);
    int rank = number(env, "RANK", -1);
    int world = number(env, "WORLD_SIZE", -1);
    int local = number(env, "LOCAL_RANK", rank);
    return new ProcessGroupOptions(
        addr.strip(), port, null, rank, world, local, DEFAULT_TIMEOUT, true);
  }

  private static int number(Map<String, String> env, String name, int fallback) {
    String v = env.get(name);
    if (v == null || v.isBlank()) {
      if (fallback >= 0) {
        return fallback;
      }
      throw new IllegalArgumentException(OP + ".fromEnvironment: " + name + " is not set; set"
          + " it on every worker (the launcher does)");
    }
    try {
      return Integer.parseInt(v.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          OP + ".fromEnvironment: " + name + " must be an integer, got \"" + v + "\"", e);
    }
  }

  /** A copy with another timeout for setup and collectives. */
  public ProcessGroupOptions withTimeout(Duration newTimeout) {
    return new ProcessGroupOptions(masterAddr, masterPort, storeFile, rank, worldSize, localRank,
        newTimeout, checkShapes);
  }

  /** A copy with shape checks on or off; give every rank the same setting. */
  public ProcessGroupOptions withCheckShapes(boolean on) {
    return new ProcessGroupOptions(masterAddr, masterPort, storeFile, rank, worldSize, localRank,
        timeout, on);
  }

  /** A copy with another local rank. */
  public ProcessGroupOptions withLocalRank(int newLocalRank) {
    return new ProcessGroupOptions(masterAddr, masterPort, storeFile, rank, worldSize,
        newLocalRank, timeout, checkShapes);
  }
}
