package dev.shapetorch.vision.datasets;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CIFAR-10's archive downloaded from a local server, verified and extracted. */
class Cifar10DownloadTest {

  @TempDir Path root;

  private HttpServer server;

  private URI serve(byte[] body) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/cifar/", exchange -> {
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
      exchange.close();
    });
    server.start();
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/cifar/");
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  private static byte[] records(int n, int label) {
    byte[] out = new byte[n * CIFAR10.RECORD_BYTES];
    for (int r = 0; r < n; r++) {
      out[r * CIFAR10.RECORD_BYTES] = (byte) label;
    }
    return out;
  }

  @Test
  void theArchive_isDownloadedVerifiedAndExtracted() throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (int b = 1; b <= 5; b++) {
      files.put("cifar-10-batches-bin/data_batch_" + b + ".bin", records(1, b));
    }
    files.put("cifar-10-batches-bin/test_batch.bin", records(2, 9));
    files.put("cifar-10-batches-bin/readme.html", "<p>".getBytes());
    byte[] archive = IdxFiles.gzip(TarFiles.tar(files));
    DownloadSource source = CIFAR10.SOURCE.withMirrors(List.of(serve(archive)))
        .withFiles(List.of(new DownloadSource.RemoteFile("cifar-10-binary.tar.gz",
            IdxFiles.md5(archive))));
    CIFAR10 test = new CIFAR10(root, false, null, source);
    assertThat(test.labels().toLongArray()).isEqualTo(new long[] {9, 9});
    assertThat(Files.exists(root.resolve("cifar-10-binary.tar.gz"))).isTrue();
    server.stop(0);
    CIFAR10 train = new CIFAR10(root, true, null, source);   // no download needed now
    assertThat(train.labels().toLongArray()).isEqualTo(new long[] {1, 2, 3, 4, 5});
  }

  @Test
  void anEntryEscapingTheDirectory_isRefused() throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("../evil.bin", records(1, 0));
    byte[] archive = IdxFiles.gzip(TarFiles.tar(files));
    Path file = root.resolve("a.tar.gz");
    Files.write(file, archive);
    DatasetException e = assertThrows(DatasetException.class,
        () -> TarGz.extract(file, root.resolve("out")));
    assertThat(e).hasMessageThat().contains("holds an entry named '../evil.bin' outside the"
        + " target directory");
    assertThat(Files.exists(root.resolve("evil.bin"))).isFalse();
  }

  @Test
  void aTruncatedArchive_isReported() throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("big.bin", new byte[100_000]);
    byte[] tar = TarFiles.tar(files);
    Path file = root.resolve("cut.tar.gz");
    Files.write(file, IdxFiles.gzip(Arrays.copyOf(tar, 50_000)));
    DatasetException e = assertThrows(DatasetException.class,
        () -> TarGz.extract(file, root.resolve("out")));
    assertThat(e).hasMessageThat().isEqualTo(file + " is truncated: the tar archive ends inside"
        + " an entry; delete it and download it again");
  }
}
