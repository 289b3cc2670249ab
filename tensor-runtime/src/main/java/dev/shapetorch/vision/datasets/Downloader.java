package dev.shapetorch.vision.datasets;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Downloads a dataset's files into a directory, verifying each against its MD5 checksum and
 * moving it into place atomically, so that an interrupted download never leaves a partial file
 * under the final name. Package-private: datasets call it when asked to download.
 */
final class Downloader {

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(15);
  private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(10);

  private Downloader() {}

  /**
   * Makes sure {@code file} of {@code source} is in {@code dir}, downloading it from the first
   * mirror that serves it with the right checksum.
   *
   * @param dataset the dataset's name, for messages
   * @return the file's path
   * @throws DatasetException if every mirror failed; the message lists why for each
   */
  static Path ensure(String dataset, DownloadSource source, String file, Path dir) {
    Path target = dir.resolve(file);
    if (Files.isRegularFile(target)) {
      return target;
    }
    DownloadSource.RemoteFile remote = source.file(file);
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new DatasetException(
          dataset + ": cannot create the directory " + dir + " to download into: " + e, e);
    }
    List<String> failures = new ArrayList<>();
    boolean allOffline = true;
    HttpClient client = HttpClient.newBuilder()
        .connectTimeout(CONNECT_TIMEOUT)
        .followRedirects(HttpClient.Redirect.NORMAL)
        .build();
    for (URI mirror : source.mirrors()) {
      URI address = mirror.resolve(file);
      try {
        download(client, address, remote, target);
        return target;
      } catch (ConnectException | UnknownHostException | HttpConnectTimeoutException e) {
        failures.add(address + ": no connection (" + e.getClass().getSimpleName()
            + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
      } catch (IOException e) {
        allOffline = false;
        failures.add(address + ": " + e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new DatasetException(dataset + ": interrupted while downloading " + address, e);
      }
    }
    String why = allOffline
        ? "this machine seems to be offline (no mirror could be reached)"
        : "no mirror served a valid copy";
    throw new DatasetException(
        dataset + ": " + file + " is not in " + dir + " and downloading it failed: " + why + ".\n"
            + "  " + String.join("\n  ", failures) + "\n"
            + "Copy the dataset's files (" + names(source) + ") into " + dir + " by hand, or"
            + " retry on a machine with network access.");
  }

  private static String names(DownloadSource source) {
    List<String> names = new ArrayList<>();
    for (DownloadSource.RemoteFile f : source.files()) {
      names.add(f.name());
    }
    return String.join(", ", names);
  }

  private static void download(
      HttpClient client, URI address, DownloadSource.RemoteFile remote, Path target)
      throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(address).timeout(REQUEST_TIMEOUT).GET().build();
    HttpResponse<InputStream> response =
        client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    Path part = Files.createTempFile(target.getParent(), "." + remote.name() + ".", ".part");
    boolean moved = false;
    try (InputStream in = response.body()) {
      if (response.statusCode() != 200) {
        throw new IOException("HTTP status " + response.statusCode());
      }
      MessageDigest md5 = md5();
      try (OutputStream out = Files.newOutputStream(part)) {
        byte[] buf = new byte[1 << 16];
        for (int n; (n = in.read(buf)) > 0; ) {
          md5.update(buf, 0, n);
          out.write(buf, 0, n);
        }
      }
      String actual = HexFormat.of().formatHex(md5.digest());
      if (!actual.equals(remote.md5())) {
        throw new IOException(
            "checksum mismatch: expected MD5 " + remote.md5() + ", the download has " + actual
                + " (" + Files.size(part) + " bytes); the file was discarded");
      }
      Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
      moved = true;
    } finally {
      if (!moved) {
        Files.deleteIfExists(part);
      }
    }
  }

  private static MessageDigest md5() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no MD5", e);
    }
  }
}
