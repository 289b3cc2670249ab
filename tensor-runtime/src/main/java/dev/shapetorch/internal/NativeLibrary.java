package dev.shapetorch.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.pytorch.global.torch;

/**
 * Loads libtorch once per JVM, safely from an empty JavaCPP cache.
 *
 * <p>Where a system libtorch is installed (Debian's {@code libtorch-dev}, which {@code
 * python3-torch} pulls in), a first load from an empty {@code ~/.javacpp/cache} crashes the JVM:
 * the presets' stub {@code libtorch.so} resolves the system's {@code libtorch_cpu.so} before its
 * own has been unpacked. Unpacking every native resource of openblas and pytorch into the cache
 * before the first {@link Loader#load} makes the presets' own libraries the ones found.
 *
 * <p>Before anything native loads, {@link RuntimeDefaults} applies the settings libtorch needs to
 * be fast (OpenMP's wait policy, OpenBLAS's threads, JavaCPP's memory accounting): they are read
 * once, by JavaCPP's {@code Pointer} class and by the native libraries as they load. So no class
 * of ShapeTorch may touch a JavaCPP class before this one: every class that could be the first
 * to touch one calls {@link #ensureLoaded()} in its static initialiser ({@code Tensor}, {@code
 * Factories} and so {@code Torch}, {@code Natives}; {@code Archives} of {@code serialize}; the
 * fused kernels' argument values in {@code optim}) or before its native call ({@code Device},
 * {@code Threads}, {@code NoGradScope}, {@code ScriptModule.load}, the fused kernels' operator
 * lookup). Not API.
 */
public final class NativeLibrary {

  static {
    load();
  }

  private NativeLibrary() {}

  /** Makes sure libtorch is loaded; cheap after the first call (class initialisation). */
  public static void ensureLoaded() {
    // The work happens once, in the static initialiser.
  }

  private static void load() {
    RuntimeDefaults.apply();
    String platform = Loader.getPlatform();
    try {
      Loader.cacheResources("/org/bytedeco/openblas/" + platform + "/");
      Loader.cacheResources("/org/bytedeco/pytorch/" + platform + "/");
      // The CUDA build of the presets keeps its natives under "<platform>-gpu".
      Loader.cacheResources("/org/bytedeco/pytorch/" + platform + "-gpu/");
    } catch (IOException e) {
      throw new UncheckedIOException(
          "ShapeTorch could not unpack libtorch's native libraries into the JavaCPP cache ("
              + System.getProperty("org.bytedeco.javacpp.cachedir", "~/.javacpp/cache")
              + "); set -Dorg.bytedeco.javacpp.cachedir to a writable directory",
          e);
    }
    Loader.load(torch.class);
  }
}
