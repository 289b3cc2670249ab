package dev.shapetorch.distributed;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.chrono.Milliseconds;
import org.bytedeco.pytorch.FileStore;
import org.bytedeco.pytorch.IntOptional;
import org.bytedeco.pytorch.Store;
import org.bytedeco.pytorch.TCPStore;
import org.bytedeco.pytorch.TCPStoreOptions;
import org.bytedeco.pytorch.gloo.Socket;

/**
 * Builds c10d's key-value store through which the ranks meet: a {@code TCPStore} (served by rank
 * 0) or a {@code FileStore}.
 *
 * <p>c10d's TCP server listens on every interface by default. Rank 0 here binds the listening
 * socket itself, to {@code MASTER_ADDR}'s IPv4 address only (127.0.0.1 stays on loopback), and
 * hands it to the store ({@code masterListenFd}), which owns and closes it. Only an IPv6 or
 * unresolvable {@code MASTER_ADDR} falls back to c10d's all-interfaces listener.
 *
 * <p>The returned store is released from Java's ownership ({@code deallocate(false)}) before it is
 * passed, once, to the Gloo backend, which takes it over; that call writes a reference of its own
 * back into the Java object, which {@link ProcessGroup#close()} releases after closing the
 * backend (the store, and on rank 0 its server, then go). Other users get {@code clone()}.
 * Passing it twice would abort the JVM.
 */
final class Stores {

  private static final int AF_INET = 2;
  private static final int SOCKADDR_IN_SIZE = 16;
  private static final int BACKLOG = 2048;

  private Stores() {}

  /** The store for {@code o}; rank 0 serves a TCP store. */
  static Store open(ProcessGroupOptions o) {
    Store store = o.storeFile() != null ? fileStore(o) : tcpStore(o);
    store.deallocate(false);
    return store;
  }

  private static Store fileStore(ProcessGroupOptions o) {
    try {
      return new FileStore(o.storeFile().toAbsolutePath().toString(), o.worldSize());
    } catch (RuntimeException e) {
      throw Failures.setup(o.rank(), List.of(), "could not open the file store "
          + o.storeFile() + " (" + Failures.reason(e) + "); pass a path in a writable directory"
          + " that every rank sees", e);
    }
  }

  private static Store tcpStore(ProcessGroupOptions o) {
    TCPStoreOptions opts = new TCPStoreOptions();
    opts.port((short) o.masterPort())
        .isServer(o.rank() == 0)
        .waitWorkers(false)
        .timeout(millis(o.timeout()));
    if (o.rank() == 0) {
      Inet4Address bindTo = ipv4(o.masterAddr());
      if (bindTo != null) {
        opts.masterListenFd(new IntOptional(listen(bindTo, o.masterPort(), o.rank())));
      }
    }
    try {
      return new TCPStore(o.masterAddr(), opts);
    } catch (RuntimeException e) {
      String where = o.masterAddr() + ":" + o.masterPort();
      if (o.rank() == 0) {
        throw Failures.setup(o.rank(), List.of(), "rank 0 could not serve the store at " + where
            + " (" + Failures.reason(e) + "); pick another MASTER_PORT", e);
      }
      throw Failures.setup(o.rank(), List.of(0), "rank " + o.rank() + " could not reach the"
          + " store at " + where + " within " + seconds(o.timeout()) + " ("
          + Failures.reason(e) + "); start rank 0 with the same MASTER_ADDR and MASTER_PORT", e);
    }
  }

  /** MASTER_ADDR's IPv4 address, or null where it has none (then c10d's default listener). */
  private static Inet4Address ipv4(String host) {
    try {
      InetAddress a = InetAddress.getByName(host);
      return a instanceof Inet4Address v4 ? v4 : null;
    } catch (UnknownHostException e) {
      return null;
    }
  }

  /**
   * A socket listening on {@code addr:port}, as a file descriptor the caller hands over to c10d.
   *
   * @throws DistributedException naming the address if it cannot be bound (a port in use)
   */
  private static int listen(Inet4Address addr, int port, int rank) {
    Socket s = Socket.createForFamily(AF_INET);
    try (BytePointer sa = new BytePointer(SOCKADDR_IN_SIZE)) {
      sa.fill(0);
      sa.put(0, (byte) AF_INET); // sin_family, little-endian on the platforms libtorch ships for
      sa.put(2, (byte) (port >>> 8)); // sin_port, network order
      sa.put(3, (byte) port);
      byte[] ip = addr.getAddress();
      for (int i = 0; i < 4; i++) {
        sa.put(4 + i, ip[i]);
      }
      s.reuseAddr(true); // lets a restarted job rebind at once (not another listener's port)
      s.bind(sa, SOCKADDR_IN_SIZE);
      s.listen(BACKLOG);
      return s.release();
    } catch (RuntimeException e) {
      String where = addr.getHostAddress() + ":" + port;
      String reason = Failures.reason(e);
      String fix = reason.contains("in use") ? "MASTER_PORT " + port + " is in use on "
          + addr.getHostAddress() + ": pick another port (the launcher picks a free one by"
          + " default) or stop the process that holds it" : "check MASTER_ADDR and MASTER_PORT";
      throw Failures.setup(rank, List.of(), "rank 0 could not listen on " + where + " ("
          + reason + "); " + fix, e);
    } finally {
      s.close(); // closes nothing once released
    }
  }

  static Milliseconds millis(Duration d) {
    return new Milliseconds(Math.max(1, Math.min(d.toMillis(), Integer.MAX_VALUE)));
  }

  static String seconds(Duration d) {
    long ms = d.toMillis();
    return ms % 1000 == 0 ? ms / 1000 + " s" : ms / 1000.0 + " s";
  }
}
