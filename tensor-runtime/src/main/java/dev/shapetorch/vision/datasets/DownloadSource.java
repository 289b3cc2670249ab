package dev.shapetorch.vision.datasets;

import dev.shapetorch.internal.Arguments;
import java.net.URI;
import java.util.List;

/**
 * Where a dataset's files can be downloaded from and how to verify them: mirrors (base
 * addresses, tried in order) and the files with their MD5 checksums, as torchvision's {@code
 * mirrors} and {@code resources}.
 *
 * <pre>{@code
 * DownloadSource mine = FashionMNIST.SOURCE.withMirrors(List.of(URI.create("http://intranet/fmnist/")));
 * }</pre>
 *
 * @param mirrors base addresses ending in {@code /}; a file's address is the base plus its name
 * @param files the files and their checksums
 */
public record DownloadSource(List<URI> mirrors, List<RemoteFile> files) {

  /** One file of a dataset: its name and the lowercase hex MD5 of its bytes. */
  public record RemoteFile(String name, String md5) {
    /** Checks the name is a plain file name and the checksum is 32 hex digits. */
    public RemoteFile {
      Arguments.requireNonNull(name, "name");
      Arguments.requireNonNull(md5, "md5");
      if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
        throw new IllegalArgumentException("RemoteFile: '" + name + "' is not a plain file name");
      }
      if (!md5.matches("[0-9a-f]{32}")) {
        throw new IllegalArgumentException(
            "RemoteFile: '" + md5 + "' is not an MD5 checksum (32 lowercase hex digits)");
      }
    }
  }

  /** Copies the lists; needs at least one mirror. */
  public DownloadSource {
    mirrors = List.copyOf(Arguments.requireNonNullElements(mirrors, "mirrors"));
    files = List.copyOf(Arguments.requireNonNullElements(files, "files"));
    if (mirrors.isEmpty()) {
      throw new IllegalArgumentException("DownloadSource: give at least one mirror");
    }
  }

  /** A copy with other mirrors (the same files and checksums). */
  public DownloadSource withMirrors(List<URI> newMirrors) {
    return new DownloadSource(newMirrors, files);
  }

  /** A copy with other files. */
  public DownloadSource withFiles(List<RemoteFile> newFiles) {
    return new DownloadSource(mirrors, newFiles);
  }

  /** The file called {@code name}. */
  RemoteFile file(String name) {
    for (RemoteFile f : files) {
      if (f.name().equals(name)) {
        return f;
      }
    }
    throw new IllegalArgumentException("DownloadSource: no file named " + name);
  }
}
