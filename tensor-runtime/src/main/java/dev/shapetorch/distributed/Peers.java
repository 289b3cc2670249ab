package dev.shapetorch.distributed;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Who the other ranks are: each rank's host and process id, exchanged through the store when the
 * group starts, so that a failed collective can name the ranks that are no longer running without
 * asking the store (whose server may be the dead rank).
 *
 * <p>Only ranks on this host can be checked; a rank on another host is never called dead.
 */
final class Peers {

  /** One rank's host and process: {@code "<worldSize> <pid> <host>"} in the store. */
  record Peer(int worldSize, long pid, String host) {
    String encode() {
      return worldSize + " " + pid + " " + host;
    }

    static Peer decode(String s) {
      String[] p = s.split(" ", 3);
      return new Peer(Integer.parseInt(p[0]), Long.parseLong(p[1]), p[2]);
    }
  }

  /** How often, and how many times, a lost connection is re-checked for a rank still exiting. */
  private static final int LOST_RECHECKS = 200;
  private static final long RECHECK_MILLIS = 10;

  private final int rank;
  private final List<Peer> peers;

  Peers(int rank, List<Peer> peers) {
    this.rank = rank;
    this.peers = List.copyOf(peers);
  }

  /** This process, for the store. */
  static Peer self(int worldSize) {
    return new Peer(worldSize, ProcessHandle.current().pid(), hostName());
  }

  static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "unknown-host";
    }
  }

  /**
   * The ranks on this host whose process has ended. After a lost connection ({@code lost}), a
   * peer's socket closes while its process is still exiting, so an empty answer is re-checked a
   * bounded number of times (up to two seconds) before it is given.
   */
  List<Integer> deadRanks(boolean lost) {
    List<Integer> dead = check();
    for (int i = 0; lost && dead.isEmpty() && i < LOST_RECHECKS; i++) {
      try {
        Thread.sleep(RECHECK_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      dead = check();
    }
    return dead;
  }

  private List<Integer> check() {
    String here = hostName();
    List<Integer> dead = new ArrayList<>();
    for (int r = 0; r < peers.size(); r++) {
      Peer p = peers.get(r);
      if (r != rank && p.host().equals(here) && !running(p.pid())) {
        dead.add(r);
      }
    }
    return dead;
  }

  /** Whether {@code pid} runs; a zombie (ended, not yet reaped by its parent) does not. */
  private static boolean running(long pid) {
    if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
      Path stat = Path.of("/proc", Long.toString(pid), "stat");
      try {
        String s = Files.readString(stat, StandardCharsets.UTF_8);
        int end = s.lastIndexOf(')');
        char state = end >= 0 && end + 2 < s.length() ? s.charAt(end + 2) : 'R';
        return state != 'Z' && state != 'X' && state != 'x';
      } catch (IOException e) {
        return !Files.exists(Path.of("/proc")) || Files.exists(stat.getParent());
      }
    }
    return false;
  }
}
