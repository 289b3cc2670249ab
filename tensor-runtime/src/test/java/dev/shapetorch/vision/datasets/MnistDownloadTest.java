package dev.shapetorch.vision.datasets;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpServer;
import dev.shapetorch.data.Sample;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Downloading MNIST-style files from a local HTTP server on 127.0.0.1 (the tests have no
 * network), with checksum verification, mirror fallback and the offline error.
 */
class MnistDownloadTest {

  @TempDir Path root;

  private HttpServer server;
  private final Map<String, byte[]> served = new HashMap<>();
  private final List<DownloadSource.RemoteFile> files = new java.util.ArrayList<>();

  @BeforeEach
  void serveASmallMnist() throws IOException {
    byte[][] train = IdxFiles.mnistSplit(6);
    byte[][] test = IdxFiles.mnistSplit(4);
    put("train-images-idx3-ubyte.gz", train[0]);
    put("train-labels-idx1-ubyte.gz", train[1]);
    put("t10k-images-idx3-ubyte.gz", test[0]);
    put("t10k-labels-idx1-ubyte.gz", test[1]);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/good/", exchange -> {
      String name = exchange.getRequestURI().getPath().substring("/good/".length());
      byte[] body = served.get(name);
      if (body == null) {
        exchange.sendResponseHeaders(404, -1);
      } else {
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
      exchange.close();
    });
    server.createContext("/corrupt/", exchange -> {
      byte[] body = "<html>not the file</html>".getBytes(java.nio.charset.StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
      exchange.close();
    });
    server.start();
  }

  private void put(String name, byte[] bytes) {
    served.put(name, bytes);
    files.add(new DownloadSource.RemoteFile(name, IdxFiles.md5(bytes)));
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private URI mirror(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + path + "/");
  }

  @Test
  void missingFiles_areDownloadedVerifiedAndLoaded() {
    DownloadSource source = new DownloadSource(List.of(mirror("good")), files);
    MNIST test = new MNIST(root, false, null, source);
    assertThat(test.size()).isEqualTo(4);
    Sample s = test.get(3);
    assertThat(s.input().shape()).isEqualTo(new long[] {1, 28, 28});
    assertThat(s.input().max().itemLong()).isEqualTo(3L);
    assertThat(s.target().itemLong()).isEqualTo(3L);
    Path raw = root.resolve("MNIST").resolve("raw");
    assertThat(Files.exists(raw.resolve("t10k-images-idx3-ubyte.gz"))).isTrue();
    assertThat(Files.exists(raw.resolve("train-images-idx3-ubyte.gz"))).isFalse();
    assertThat(leftovers(raw)).isEmpty();
    // a second load finds the files and needs no server
    server.stop(0);
    assertThat(new MNIST(root, false, null).size()).isEqualTo(4);
  }

  @Test
  void aFailingMirror_fallsBackToTheNext() {
    DownloadSource source =
        new DownloadSource(List.of(mirror("missing"), mirror("good")), files);
    assertThat(new MNIST(root, true, null, source).size()).isEqualTo(6);
  }

  @Test
  void aChecksumMismatch_discardsTheDownload_andSaysWhy() {
    DownloadSource source = new DownloadSource(List.of(mirror("corrupt")), files);
    DatasetException e =
        assertThrows(DatasetException.class, () -> new MNIST(root, false, null, source));
    String md5 = files.get(2).md5();
    assertThat(e).hasMessageThat().startsWith("MNIST: t10k-images-idx3-ubyte.gz is not in ");
    assertThat(e).hasMessageThat().contains("no mirror served a valid copy");
    assertThat(e).hasMessageThat().contains("checksum mismatch: expected MD5 " + md5
        + ", the download has " + IdxFiles.md5("<html>not the file</html>".getBytes(
            java.nio.charset.StandardCharsets.UTF_8)) + " (25 bytes); the file was discarded");
    Path raw = root.resolve("MNIST").resolve("raw");
    assertThat(Files.exists(raw.resolve("t10k-images-idx3-ubyte.gz"))).isFalse();
    assertThat(leftovers(raw)).isEmpty();
  }

  @Test
  void offline_givesAClearMessage() throws IOException {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    DownloadSource source = new DownloadSource(
        List.of(URI.create("http://127.0.0.1:" + closedPort + "/mnist/")), files);
    DatasetException e =
        assertThrows(DatasetException.class, () -> new MNIST(root, true, null, source));
    Path raw = root.resolve("MNIST").resolve("raw");
    assertThat(e).hasMessageThat().startsWith("MNIST: train-images-idx3-ubyte.gz is not in " + raw
        + " and downloading it failed: this machine seems to be offline (no mirror could be"
        + " reached).");
    assertThat(e).hasMessageThat().contains("http://127.0.0.1:" + closedPort
        + "/mnist/train-images-idx3-ubyte.gz: no connection (ConnectException");
    assertThat(e).hasMessageThat().endsWith("Copy the dataset's files (train-images-idx3-ubyte.gz,"
        + " train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz, t10k-labels-idx1-ubyte.gz)"
        + " into " + raw + " by hand, or retry on a machine with network access.");
  }

  @Test
  void withoutDownload_aMissingFileNamesWhereItLooked() {
    DatasetException e = assertThrows(DatasetException.class, () -> new MNIST(root, true, null));
    assertThat(e).hasMessageThat().isEqualTo("MNIST: train-images-idx3-ubyte.gz not found"
        + " (looked for " + root.resolve("train-images-idx3-ubyte.gz") + " and "
        + root.resolve("MNIST/raw/train-images-idx3-ubyte.gz") + "); pass download=true to fetch"
        + " the dataset, or copy its files there");
  }

  @Test
  void labelsThatDoNotMatchTheImages_areReported() {
    byte[][] a = IdxFiles.mnistSplit(5);
    byte[][] b = IdxFiles.mnistSplit(4);
    IdxFiles.write(root.resolve("t10k-images-idx3-ubyte.gz"), a[0]);
    IdxFiles.write(root.resolve("t10k-labels-idx1-ubyte.gz"), b[1]);
    DatasetException e = assertThrows(DatasetException.class, () -> new MNIST(root, false, null));
    assertThat(e).hasMessageThat().isEqualTo(root.resolve("t10k-labels-idx1-ubyte.gz")
        + " is corrupt: it has 4 labels but t10k-images-idx3-ubyte.gz has 5 images; download it"
        + " again");
  }

  private static List<Path> leftovers(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".part")).toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
