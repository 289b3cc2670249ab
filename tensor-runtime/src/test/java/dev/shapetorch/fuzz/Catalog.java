package dev.shapetorch.fuzz;

import dev.shapetorch.nn.functional.F;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every public op of tensor-runtime that the fuzzer calls, found by reflection over the public
 * classes of the packages below (not a hand-written list, so a new op is fuzzed the day it is
 * added): static methods, constructors, and the instance methods of {@link Tensor}, the layers,
 * the optimizers, the schedulers, the data loaders and datasets, the transforms and the vision
 * models. Ops that read or write files or reach the network are left out (a {@link Path}, {@link
 * File} or stream parameter, a declared {@link IOException}, or named in {@code SKIPPED}): of
 * serialize and vision.datasets that leaves the exceptions and the download records. Data
 * loaders that start worker threads are fuzzed: {@link FuzzChild} closes every iterator a call
 * made or was given, which joins its workers before the next call.
 */
final class Catalog {

  /** One op: what to call, and the name its messages must start with. */
  record Op(String id, String name, Executable target, Class<?> receiver) {

    /** The parameters after the receiver slot, if any. */
    Parameter[] parameters() {
      return target.getParameters();
    }

    /** The number of argument slots, the receiver first when there is one. */
    int slots() {
      return target.getParameterCount() + (receiver == null ? 0 : 1);
    }
  }

  /** The layers' packages (nn's subpackages, as PyTorch's torch/nn/modules files). */
  private static final List<String> LAYER_PACKAGES = Stream.of("activation", "attention",
      "containers", "conv", "distance", "dropout", "embedding", "linear", "loss",
      "fold", "normalization", "padding", "pixelshuffle", "pooling", "recurrent", "upsampling", "utils")
      .map(p -> "dev.shapetorch.nn." + p).toList();

  static final List<String> PACKAGES = Stream.concat(Stream.of("dev.shapetorch.tensor",
      "dev.shapetorch.nn", "dev.shapetorch.nn.functional", "dev.shapetorch.nn.init",
      "dev.shapetorch.optim", "dev.shapetorch.optim.lr", "dev.shapetorch.amp", "dev.shapetorch.data",
      "dev.shapetorch.serialize", "dev.shapetorch.vision.datasets", "dev.shapetorch.vision.io",
      "dev.shapetorch.vision.models", "dev.shapetorch.vision.transforms"),
      LAYER_PACKAGES.stream()).toList();

  /** The packages whose classes' own instance methods are fuzzed too. */
  private static final Set<String> INSTANCE_PACKAGES = Stream.concat(Stream.of(
      "dev.shapetorch.nn", "dev.shapetorch.optim", "dev.shapetorch.optim.lr", "dev.shapetorch.amp",
      "dev.shapetorch.data", "dev.shapetorch.vision.datasets", "dev.shapetorch.vision.models",
      "dev.shapetorch.vision.transforms"), LAYER_PACKAGES.stream()).collect(Collectors.toSet());

  /**
   * The layers' packages, {@code dev.shapetorch.nn.linear}, {@code nn.recurrent}, ... (PyTorch's
   * {@code torch/nn/modules} files), whatever their number: not {@code nn.internal}, not {@code
   * F}'s or the initialisers' (listed above, fuzzed for their static ops only).
   */
  static boolean isLayerPackage(String pkg) {
    return pkg.startsWith("dev.shapetorch.nn.") && !pkg.endsWith(".internal")
        && !pkg.equals("dev.shapetorch.nn.functional") && !pkg.equals("dev.shapetorch.nn.init");
  }

  /** Members that are not ops (no input to fuzz) or whose effect outlives the call. */
  private static final Set<String> SKIPPED = Set.of(
      "Tensor.unwrap", "Torch.wrap", "Tensor.hashCode", "Tensor.equals",
      // Helpers whose messages name their caller's op and parameter, not an op of their own.
      "Arguments.requireNonNull", "Arguments.requireNonNullElements", "Arguments.invalid",
      "Arguments.checkIndex",
      // Changes the process' thread count for every later call; its bad counts are fuzzed on
      // their own, in a child JVM, by dev.shapetorch.tensor.ThreadsTest.
      "Threads.setNumThreads",
      // Takes a tensor out of its scope for good: the caller must adopt or close it, which a
      // random call does not (TensorScopeTest checks it, IterableLoaderTest uses it).
      "ScopeTransfer.release",
      // ViT-L and ViT-H: 304 to 632 million parameters (1.2 to 2.5 GB) per call, too much for a
      // sweep that calls each op several times; MobileModelsGoldenTest builds each once, and
      // their numClasses check is VisionTransformer.vit_b_16's, which is fuzzed.
      "VisionTransformer.vit_l_16", "VisionTransformer.vit_l_32", "VisionTransformer.vit_h_14",
      // Process-wide switches: a random call would change every later op's behaviour (NaN-filled
      // empty tensors, oneDNN off). BackendSwitchesTest sets, reads back and restores each.
      "Torch.useDeterministicAlgorithms", "Torch.setFlushDenormal",
      "Torch.setFloat32MatmulPrecision", "Torch.setPrintOptions", "Cudnn.setEnabled",
      "Cudnn.setBenchmark",
      "Cudnn.setDeterministic", "Mkldnn.setEnabled", "Mkldnn.setDeterministic",
      // Read the dataset's files from the disk, or download them: no Path parameter says so.
      "FashionMNIST.train", "FashionMNIST.test", "FashionMNIST.defaultRoot",
      // Build models of 68 to 144 million parameters (0.3 to 0.6 GB each, twice per sweep with
      // the no-argument overload): their one argument is checked before anything is built, the
      // same check as the fuzzed ResNet.resnet50 and VGG.vgg11 run (VisionArgumentErrorsTest
      // checks their messages, VisionModelsGoldenTest builds each once).
      "ResNet.wide_resnet50_2", "ResNet.wide_resnet101_2", "ResNet.resnext101_32x8d",
      "ResNet.resnext101_64x4d", "VGG.vgg11_bn", "VGG.vgg13", "VGG.vgg13_bn", "VGG.vgg16",
      "VGG.vgg16_bn", "VGG.vgg19", "VGG.vgg19_bn");

  /**
   * Ops whose ordinary call takes seconds (building a model of millions of parameters; VGG-11
   * alone has 133 million): they get one random call per 16 of the others' (none in CI's sweep,
   * 3 in scripts/fuzz.sh's default), which is enough for their one int argument, so that they do
   * not double the sweep's time. Their ordinary call runs in every sweep.
   */
  static final Set<String> EXPENSIVE = Set.of("VGG.vgg11", "ResNet.resnet18", "ResNet.resnet34",
      "ResNet.resnet50", "ResNet.resnet101", "ResNet.resnet152", "ResNet.resnext50_32x4d",
      "AlexNet.alexnet", "SqueezeNet.squeezenet1_0", "SqueezeNet.squeezenet1_1",
      "DenseNet.densenet121", "DenseNet.densenet161", "DenseNet.densenet169",
      "DenseNet.densenet201",
      "MobileNetV2.mobilenet_v2", "MobileNetV3.mobilenet_v3_large",
      "MobileNetV3.mobilenet_v3_small", "EfficientNet.efficientnet_b0",
      "EfficientNet.efficientnet_b1", "EfficientNet.efficientnet_b2",
      "EfficientNet.efficientnet_b3", "EfficientNet.efficientnet_b4",
      "EfficientNet.efficientnet_b5", "EfficientNet.efficientnet_b6",
      "EfficientNet.efficientnet_b7", "VisionTransformer.vit_b_16", "VisionTransformer.vit_b_32");

  private Catalog() {}

  /** True if the sweep skips the member {@code id} ({@code Class.member}). */
  static boolean isSkipped(String id) {
    return SKIPPED.contains(id);
  }

  /** Every op, in a fixed order (so that an index names the same call in every JVM). */
  static List<Op> ops() {
    Map<String, Op> byId = new LinkedHashMap<>();
    for (Class<?> c : publicClasses()) {
      if (!Modifier.isAbstract(c.getModifiers()) && !c.isInterface() && !c.isEnum()) {
        for (Constructor<?> k : c.getConstructors()) {
          add(byId, new Op(id(k), c.getSimpleName(), k, null));
        }
      }
      for (Method m : c.getMethods()) {
        if (m.getDeclaringClass().getName().startsWith("java.")
            || (m.isSynthetic() || m.isBridge()) && !isVisibilityBridge(m, c)
            || c.isEnum() && (m.getName().equals("values")
                || m.getName().equals("valueOf"))) {
          continue;
        }
        if (Modifier.isStatic(m.getModifiers())) {
          String owner = facade(m.getDeclaringClass());
          add(byId, new Op(owner + "." + m.getName() + sig(m), owner + "." + m.getName(), m, null));
        } else if (fuzzesInstances(c) && (declaredBy(m, c) || c == dev.shapetorch.nn.linear.Linear.class)) {
          // Inherited instance methods (Module's defaults) are fuzzed once, on Linear.
          add(byId, new Op(c.getSimpleName() + "#" + m.getName() + sig(m),
              c.getSimpleName() + "." + m.getName(), m, c));
        }
      }
    }
    List<Op> ops = new ArrayList<>(byId.values());
    ops.sort(Comparator.comparing(Op::id));
    return ops;
  }

  private static void add(Map<String, Op> byId, Op op) {
    String plain = op.name();
    if (SKIPPED.contains(plain) || touchesFiles(op.target())) {
      return;
    }
    byId.putIfAbsent(op.id(), op);
  }

  /**
   * The facade a static op is called on: {@code Torch}'s and {@code F}'s ops are generated into
   * those classes, which may also inherit public members from their package-private surface
   * classes.
   */
  static String facade(Class<?> declaring) {
    if (declaring.isAssignableFrom(Torch.class)) {
      return "Torch";
    }
    if (declaring.isAssignableFrom(F.class)) {
      return "F";
    }
    return declaring.getSimpleName();
  }

  /**
   * Declared by {@code c} itself or by a package-private class above it, whose public methods are
   * {@code c}'s API ({@code Tensor}'s state lives in its surface class {@code TensorCore}).
   */
  private static boolean declaredBy(Method m, Class<?> c) {
    Class<?> d = m.getDeclaringClass();
    return d == c || d.isAssignableFrom(c) && !Modifier.isPublic(d.getModifiers());
  }

  /**
   * Whether {@code m} is the public bridge javac writes into {@code c} for a public method that
   * {@code c} inherits from a package-private class ({@code Tensor.shape} from {@code
   * TensorCore}, {@code LSTM.spec} from {@code RNNBase}): {@code c}'s API, fuzzed as its own.
   */
  private static boolean isVisibilityBridge(Method m, Class<?> c) {
    if (!m.isBridge() || m.getDeclaringClass() != c) {
      return false;
    }
    for (Class<?> s = c.getSuperclass(); s != null; s = s.getSuperclass()) {
      try {
        Method inherited = s.getDeclaredMethod(m.getName(), m.getParameterTypes());
        return !inherited.isBridge() && inherited.getReturnType() == m.getReturnType()
            && !Modifier.isPublic(s.getModifiers());
      } catch (NoSuchMethodException e) {
        // look further up
      }
    }
    return false;
  }

  private static boolean fuzzesInstances(Class<?> c) {
    if (c == Tensor.class) {
      return true;
    }
    if (Modifier.isAbstract(c.getModifiers()) || c.isInterface() || c.isEnum()) {
      return false;
    }
    return INSTANCE_PACKAGES.contains(c.getPackageName()) || isLayerPackage(c.getPackageName());
  }

  /** Whether {@code e} reads or writes files: a file or stream parameter, or an IOException. */
  static boolean touchesFiles(Executable e) {
    for (Class<?> t : e.getParameterTypes()) {
      if (t == Path.class || t == File.class || InputStream.class.isAssignableFrom(t)
          || OutputStream.class.isAssignableFrom(t)) {
        return true;
      }
    }
    for (Class<?> t : e.getExceptionTypes()) {
      if (IOException.class.isAssignableFrom(t)) {
        return true;
      }
    }
    return false;
  }

  private static String id(Constructor<?> k) {
    return "new " + k.getDeclaringClass().getSimpleName() + sig(k);
  }

  private static String sig(Executable e) {
    StringBuilder sb = new StringBuilder("(");
    for (Class<?> t : e.getParameterTypes()) {
      if (sb.length() > 1) {
        sb.append(',');
      }
      sb.append(t.getSimpleName());
    }
    return sb.append(')').toString();
  }

  /** The public top-level and nested classes of {@link #PACKAGES}, from tensor-runtime's jar or classes folder. */
  static List<Class<?>> publicClasses() {
    List<String> names = new ArrayList<>();
    try {
      Path root = Path.of(Tensor.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (Files.isDirectory(root)) {
        try (Stream<Path> files = Files.walk(root)) {
          files.map(p -> root.relativize(p).toString().replace(File.separatorChar, '/'))
              .forEach(names::add);
        }
      } else {
        try (JarFile jar = new JarFile(root.toFile())) {
          jar.stream().forEach(e -> names.add(e.getName()));
        }
      }
    } catch (IOException | URISyntaxException e) {
      throw new IllegalStateException("cannot list tensor-runtime's classes", e);
    }
    List<Class<?>> out = new ArrayList<>();
    for (String n : names) {
      if (!n.endsWith(".class") || n.endsWith("package-info.class")) {
        continue;
      }
      String cls = n.substring(0, n.length() - 6).replace('/', '.');
      int dot = cls.lastIndexOf('.');
      String pkg = cls.substring(0, dot);
      if (!PACKAGES.contains(pkg) && !isLayerPackage(pkg) || cls.matches(".*\\$\\d.*")) {
        continue;
      }
      try {
        Class<?> c = Class.forName(cls, false, Catalog.class.getClassLoader());
        if (Modifier.isPublic(c.getModifiers()) && !c.isAnnotation()
            && (c.getEnclosingClass() == null || Modifier.isStatic(c.getModifiers()))) {
          out.add(c);
        }
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(cls, e);
      }
    }
    out.sort(Comparator.comparing(Class::getName));
    return out;
  }
}
