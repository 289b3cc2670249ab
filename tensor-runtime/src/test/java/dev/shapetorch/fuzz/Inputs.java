package dev.shapetorch.fuzz;

import dev.shapetorch.data.BatchIterator;
import dev.shapetorch.data.BatchedDataset;
import dev.shapetorch.data.ChainDataset;
import dev.shapetorch.data.Collate;
import dev.shapetorch.data.DataLoader;
import dev.shapetorch.data.Dataset;
import dev.shapetorch.data.IterableDataset;
import dev.shapetorch.data.LoaderOptions;
import dev.shapetorch.data.Subset;
import dev.shapetorch.data.TensorDataset;
import dev.shapetorch.nn.Module;
import dev.shapetorch.nn.Parameter;
import dev.shapetorch.nn.linear.Linear;
import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.Device;
import dev.shapetorch.tensor.MemoryFormat;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import dev.shapetorch.vision.transforms.Compose;
import dev.shapetorch.vision.transforms.Normalize;
import dev.shapetorch.vision.transforms.RandomHorizontalFlip;
import dev.shapetorch.vision.transforms.ToTensor;
import dev.shapetorch.vision.transforms.Transform;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The adversarial values of each parameter type: a few ordinary ("good") values that most ops
 * accept, and the hostile ones — empty and 0-d tensors, every dtype, freed, expanded,
 * non-contiguous and channels-last tensors, NaN and infinities, indices far out of range,
 * extreme ints and doubles, empty and oversized arrays, nulls. A pool is a fixed list for its
 * type, so an index into it names the same value in every JVM; values are made fresh for each
 * call.
 */
final class Inputs {

  /** What a value is, for the generator and the oracle. */
  enum Kind { GOOD, BAD, NULL, FREED }

  /** One value of a pool. */
  record Arg(String label, Kind kind, Supplier<Object> make) {}

  private static final Map<String, List<Arg>> POOLS = new ConcurrentHashMap<>();

  private Inputs() {}

  /** The pool of {@code type}; {@code receiver} leaves out null (a receiver cannot be null). */
  static List<Arg> pool(Type type, boolean receiver) {
    String key = type.getTypeName() + (receiver ? "#receiver" : "");
    return POOLS.computeIfAbsent(key, k -> {
      List<Arg> p = new ArrayList<>(make(type));
      if (receiver) {
        p.removeIf(a -> a.kind() == Kind.NULL);
      }
      return List.copyOf(p);
    });
  }

  private static List<Arg> make(Type type) {
    Class<?> raw = raw(type);
    if (raw == Tensor.class) {
      return tensors();
    }
    if (raw == long.class || raw == Long.class) {
      return numbers(raw == Long.class, new long[] {1, 2, 3, 0},
          new long[] {-1, -100, Integer.MAX_VALUE, Integer.MIN_VALUE, 1L << 40, Long.MAX_VALUE,
              Long.MIN_VALUE}, v -> v);
    }
    if (raw == int.class || raw == Integer.class) {
      return numbers(raw == Integer.class, new long[] {0, 1, 2, -1},
          new long[] {3, -100, 100, Integer.MAX_VALUE, Integer.MIN_VALUE}, v -> (int) v);
    }
    if (raw == double.class || raw == Double.class || raw == float.class
        || raw == Float.class) {
      boolean f = raw == float.class || raw == Float.class;
      List<Arg> out = new ArrayList<>();
      for (double v : new double[] {0.5, 1.0, 0.0, 2.0}) {
        out.add(new Arg(Double.toString(v), Kind.GOOD, () -> f ? (Object) (float) v : v));
      }
      for (double v : new double[] {-1.0, Double.NaN, Double.POSITIVE_INFINITY,
          Double.NEGATIVE_INFINITY, 1e300, -1e300, 1e-320, -0.0, 0.1}) {
        out.add(new Arg(Double.toString(v), Kind.BAD, () -> f ? (Object) (float) v : v));
      }
      if (!raw.isPrimitive()) {
        out.add(nul());
      }
      return out;
    }
    if (raw == boolean.class || raw == Boolean.class) {
      List<Arg> out = new ArrayList<>(List.of(new Arg("false", Kind.GOOD, () -> false),
          new Arg("true", Kind.GOOD, () -> true)));
      if (!raw.isPrimitive()) {
        out.add(nul());
      }
      return out;
    }
    if (raw == long[].class) {
      return arrays(new long[][] {{2, 2}, {1}, {1, 1}, {2}, {2, 3}, {0, 0}},
          new long[][] {{}, {-1}, {Long.MAX_VALUE, 1}, {Integer.MAX_VALUE, 1}, {0},
              {1, 1, 1, 1, 1}, {Long.MIN_VALUE}, {-1, -1}, {1L << 40, 1L << 30}},
          long[]::clone);
    }
    if (raw == int[].class) {
      return arrays(new int[][] {{0}, {1}, {0, 1}, {-1}, {1, 0}},
          new int[][] {{}, {5}, {Integer.MAX_VALUE}, {0, 0}, {Integer.MIN_VALUE},
              {0, 1, 2, 3, 4}}, int[]::clone);
    }
    if (raw == double[].class) {
      return arrays(new double[][] {{0.5}, {1.0, 2.0}},
          new double[][] {{}, {Double.NaN}, {Double.POSITIVE_INFINITY, -1}}, double[]::clone);
    }
    if (raw == Tensor[].class || (raw == List.class && elementIs(type, Tensor.class))) {
      boolean list = raw == List.class;
      List<Arg> out = new ArrayList<>();
      out.add(seq("[f32[2,3]]", Kind.GOOD, list, () -> new Tensor[] {Torch.randn(2, 3)}));
      out.add(seq("[f32[2,3], f32[2,3]]", Kind.GOOD, list,
          () -> new Tensor[] {Torch.randn(2, 3), Torch.randn(2, 3)}));
      out.add(seq("[]", Kind.BAD, list, () -> new Tensor[0]));
      out.add(seq("[f32[2,3], null]", Kind.BAD, list, () -> new Tensor[] {Torch.randn(2, 3), null}));
      out.add(seq("[freed]", Kind.FREED, list, () -> new Tensor[] {freed()}));
      out.add(seq("[f32[2,3], i64[4]]", Kind.BAD, list,
          () -> new Tensor[] {Torch.randn(2, 3), Torch.arange(4)}));
      out.add(nul());
      return out;
    }
    if (raw == String.class) {
      List<Arg> out = new ArrayList<>();
      for (String s : new String[] {"none", "mean", "sum", "tanh", "zeros", "reflect"}) {
        out.add(new Arg('"' + s + '"', Kind.GOOD, () -> s));
      }
      for (String s : new String[] {"", "xyz", "NONE"}) {
        out.add(new Arg('"' + s + '"', Kind.BAD, () -> s));
      }
      out.add(nul());
      return out;
    }
    if (raw.isEnum()) {
      List<Arg> out = new ArrayList<>();
      for (Object c : raw.getEnumConstants()) {
        out.add(new Arg(raw.getSimpleName() + "." + c, Kind.GOOD, () -> c));
      }
      out.add(nul());
      return out;
    }
    if (raw == Device.class) {
      return List.of(new Arg("cpu", Kind.GOOD, () -> Device.CPU),
          new Arg("cuda:0", Kind.BAD, () -> Device.cuda(0)), nul());
    }
    if (raw == Parameter.class) {
      return List.of(new Arg("Parameter(f32[2,3])", Kind.GOOD,
          () -> new Parameter(Torch.randn(2, 3).retain())), nul());
    }
    if (raw == List.class && elementIs(type, Parameter.class)) {
      return List.of(
          new Arg("Linear(3,2).parameters()", Kind.GOOD, () -> new Linear(3, 2).parameters()),
          new Arg("[]", Kind.BAD, List::of),
          new Arg("[null]", Kind.BAD, () -> Arrays.asList((Parameter) null)), nul());
    }
    if (raw == Module.class) {
      return List.of(new Arg("Linear(3,2)", Kind.GOOD, () -> new Linear(3, 2)), nul());
    }
    List<Arg> data = dataPool(raw);
    if (data != null) {
      return data;
    }
    if (raw == Map.class) {
      return List.of(new Arg("{}", Kind.GOOD, HashMap::new), nul());
    }
    if (raw.isArray()) {
      return List.of(new Arg("[]", Kind.GOOD,
          () -> java.lang.reflect.Array.newInstance(raw.getComponentType(), 0)), nul());
    }
    if (raw.isPrimitive()) {
      throw new IllegalStateException("no pool for " + type);
    }
    // Any other type: an instance made from its own public factory or constructor, and null.
    return List.of(new Arg("a " + raw.getSimpleName(), Kind.GOOD,
        () -> instance(raw, new Random(raw.getName().hashCode()), 0)), nul());
  }

  /**
   * Datasets, loaders (with and without worker threads), their iterators, collate functions and
   * transforms: the implementations users get from ShapeTorch, as the interfaces' values.
   * Iterators a call is given or returns are closed after it ({@link FuzzChild}), which joins
   * their workers. Null when {@code raw} is none of these types.
   */
  private static List<Arg> dataPool(Class<?> raw) {
    if (raw == Dataset.class || raw == BatchedDataset.class) {
      List<Arg> out = new ArrayList<>();
      out.add(new Arg("TensorDataset(f32[6,3], i64[6])", Kind.GOOD, Inputs::tensorDataset));
      out.add(new Arg("Subset(TensorDataset, [0, 2, 4])", Kind.GOOD,
          () -> new Subset<>(tensorDataset(), new int[] {0, 2, 4})));
      if (raw == Dataset.class) {
        out.add(new Arg("TensorDataset.map(first)", Kind.GOOD,
            () -> tensorDataset().map(l -> l.get(0))));
      }
      out.add(new Arg("TensorDataset(f32[0,3]) (empty)", Kind.BAD,
          () -> new TensorDataset(Torch.zeros(0, 3))));
      out.add(nul());
      return out;
    }
    if (raw == Collate.class) {
      return List.of(new Arg("Collate.stack()", Kind.GOOD, Collate::stack), nul());
    }
    if (raw == IterableDataset.class) {
      return List.of(new Arg("IterableDataset(scalars 0..4)", Kind.GOOD, Inputs::scalarStream),
          new Arg("ChainDataset(scalars 0..4, scalars 0..4)", Kind.GOOD,
              () -> ChainDataset.of(scalarStream(), scalarStream())),
          nul());
    }
    if (raw == LoaderOptions.class) {
      return List.of(new Arg("batchSize(2)", Kind.GOOD, () -> LoaderOptions.batchSize(2)),
          new Arg("batchSize(4) shuffled", Kind.GOOD,
              () -> LoaderOptions.batchSize(4).withShuffle(true)),
          new Arg("batchSize(2), 2 workers", Kind.GOOD,
              () -> LoaderOptions.batchSize(2).withNumWorkers(2)),
          new Arg("batchSize(4), 3 workers, drop last, not scoped", Kind.GOOD,
              () -> LoaderOptions.batchSize(4).withNumWorkers(3).withDropLast(true)
                  .withScoped(false)),
          new Arg("batchSize(MAX)", Kind.BAD, () -> LoaderOptions.batchSize(Integer.MAX_VALUE)),
          new Arg("MAX workers", Kind.BAD,
              () -> LoaderOptions.batchSize(2).withNumWorkers(Integer.MAX_VALUE)),
          new Arg("2 workers, prefetch MAX", Kind.BAD,
              () -> LoaderOptions.batchSize(2).withNumWorkers(2)
                  .withPrefetchFactor(Integer.MAX_VALUE)),
          nul());
    }
    if (raw == DataLoader.class || raw == BatchIterator.class) {
      boolean iterator = raw == BatchIterator.class;
      List<Arg> out = new ArrayList<>();
      for (Arg o : pool(LoaderOptions.class, true)) {
        out.add(new Arg((iterator ? "an iterator of " : "") + "DataLoader(TensorDataset, "
            + o.label() + ")", o.kind(), () -> {
              DataLoader<List<Tensor>> loader =
                  DataLoader.of(tensorDataset(), (LoaderOptions) o.make().get());
              return iterator ? loader.iterator() : loader;
            }));
      }
      return out;
    }
    if (raw == Transform.class) {
      return List.of(new Arg("ToTensor()", Kind.GOOD, ToTensor::new),
          new Arg("Normalize([0.5], [0.5])", Kind.GOOD,
              () -> new Normalize(new double[] {0.5}, new double[] {0.5})),
          new Arg("Compose(RandomHorizontalFlip(1), Normalize)", Kind.GOOD,
              () -> Compose.of(new RandomHorizontalFlip(1.0),
                  new Normalize(new double[] {0.5}, new double[] {0.5}))),
          nul());
    }
    if (raw == Function.class) {
      return List.of(new Arg("identity", Kind.GOOD, Function::identity), nul());
    }
    return null;
  }

  private static IterableDataset<Tensor> scalarStream() {
    return () -> java.util.stream.IntStream.range(0, 5)
        .mapToObj(i -> Torch.scalarTensor((long) i)).iterator();
  }

  private static TensorDataset tensorDataset() {
    return new TensorDataset(Torch.randn(6, 3), Torch.arange(6));
  }

  private static List<Arg> tensors() {
    List<Arg> t = new ArrayList<>();
    t.add(new Arg("f32[2,3]", Kind.GOOD, () -> Torch.randn(2, 3)));
    t.add(new Arg("f32[4]", Kind.GOOD, () -> Torch.randn(4)));
    t.add(new Arg("f32[2,3,6,5]", Kind.GOOD, () -> Torch.randn(2, 3, 6, 5)));
    t.add(new Arg("f32[3,2,1,1]", Kind.GOOD, () -> Torch.randn(3, 2, 1, 1)));
    t.add(new Arg("f32[1,1,4,4]", Kind.GOOD, () -> Torch.randn(1, 1, 4, 4)));
    t.add(new Arg("f32[2,3,4]", Kind.GOOD, () -> Torch.randn(2, 3, 4)));
    t.add(new Arg("i64[2,3] 0..5", Kind.GOOD, () -> Torch.arange(6).reshape(2, 3)));
    t.add(new Arg("f32[] (0-d)", Kind.GOOD, () -> Torch.randn()));
    t.add(new Arg("f32[0,3] (empty)", Kind.BAD, () -> Torch.zeros(0, 3)));
    t.add(new Arg("i64[2,3] = -100", Kind.BAD, () -> Torch.full(new long[] {2, 3}, -100L)));
    t.add(new Arg("i64[1,1,2,2] = 1000", Kind.BAD,
        () -> Torch.full(new long[] {1, 1, 2, 2}, 1000L)));
    t.add(new Arg("i64[2,2] = MAX", Kind.BAD,
        () -> Torch.full(new long[] {2, 2}, Long.MAX_VALUE)));
    for (DType d : DType.values()) {
      if (d != DType.FLOAT32) {
        t.add(new Arg(d.name().toLowerCase() + "[2,3]", Kind.BAD,
            () -> Torch.ones(new long[] {2, 3}, d)));
      }
    }
    t.add(new Arg("f32[2,3] = NaN", Kind.BAD, () -> Torch.full(new long[] {2, 3}, Double.NaN)));
    t.add(new Arg("f32[2,3] = Inf", Kind.BAD,
        () -> Torch.full(new long[] {2, 3}, Double.POSITIVE_INFINITY)));
    t.add(new Arg("f32[4,3] expanded from [1,3]", Kind.BAD,
        () -> Torch.randn(1, 3).expand(4, 3)));
    t.add(new Arg("f32[2,3] transposed", Kind.BAD, () -> Torch.randn(3, 2).t()));
    t.add(new Arg("f32[2,3,6,5] channels-last", Kind.BAD,
        () -> Torch.randn(2, 3, 6, 5).contiguous(MemoryFormat.CHANNELS_LAST)));
    t.add(new Arg("f32[2,3] requiring grad", Kind.BAD,
        () -> Torch.randn(2, 3).requiresGrad_(true)));
    t.add(new Arg("f32[1]", Kind.BAD, () -> Torch.randn(1)));
    t.add(new Arg("freed f32[2,3]", Kind.FREED, Inputs::freed));
    t.add(nul());
    return t;
  }

  private static Tensor freed() {
    Tensor x = Torch.randn(2, 3);
    x.close();
    return x;
  }

  private static Arg nul() {
    return new Arg("null", Kind.NULL, () -> null);
  }

  private interface LongTo {
    Object apply(long v);
  }

  private static List<Arg> numbers(boolean boxed, long[] good, long[] bad, LongTo box) {
    List<Arg> out = new ArrayList<>();
    for (long v : good) {
      out.add(new Arg(Long.toString(v), Kind.GOOD, () -> box.apply(v)));
    }
    for (long v : bad) {
      out.add(new Arg(Long.toString(v), Kind.BAD, () -> box.apply(v)));
    }
    if (boxed) {
      out.add(nul());
    }
    return out;
  }

  private interface Copy<A> {
    A copy(A a);
  }

  private static <A> List<Arg> arrays(A[] good, A[] bad, Copy<A> copy) {
    List<Arg> out = new ArrayList<>();
    for (A a : good) {
      out.add(new Arg(text(a), Kind.GOOD, () -> copy.copy(a)));
    }
    for (A a : bad) {
      out.add(new Arg(text(a), Kind.BAD, () -> copy.copy(a)));
    }
    out.add(nul());
    return out;
  }

  private static String text(Object array) {
    if (array instanceof long[] l) {
      return Arrays.toString(l);
    }
    if (array instanceof int[] i) {
      return Arrays.toString(i);
    }
    return Arrays.toString((double[]) array);
  }

  private static Arg seq(String label, Kind kind, boolean list, Supplier<Tensor[]> make) {
    return new Arg(label, kind, () -> list ? Arrays.asList(make.get()) : make.get());
  }

  static Class<?> raw(Type t) {
    if (t instanceof Class<?> c) {
      return c;
    }
    if (t instanceof ParameterizedType p) {
      return (Class<?>) p.getRawType();
    }
    return Object.class;
  }

  private static boolean elementIs(Type t, Class<?> element) {
    if (t instanceof ParameterizedType p) {
      Type a = p.getActualTypeArguments()[0];
      String n = a.getTypeName();
      return n.equals(element.getName()) || n.endsWith(" " + element.getName());
    }
    return false;
  }

  /**
   * An instance of {@code c} built the ordinary way: a public static no-argument factory
   * returning it, else a public constructor called with good values (a few tries each).
   *
   * @throws IllegalStateException if none succeeds
   */
  static Object instance(Class<?> c, Random rnd, int depth) {
    if (depth > 2) {
      throw new IllegalStateException("too deep making " + c);
    }
    // A vision model's no-argument builders make torchvision's 1000-class networks (up to 632
    // million parameters); receivers live for the whole child JVM, so a model is built from its
    // constructor's small parts first, and from a builder the sweep calls only if that fails.
    boolean model = c.getPackageName().equals("dev.shapetorch.vision.models");
    if (!model) {
      Object made = fromFactory(c);
      if (made != null) {
        return made;
      }
    }
    Constructor<?>[] ks = c.getConstructors();
    Arrays.sort(ks, Comparator.comparingInt(Constructor::getParameterCount));
    for (Constructor<?> k : ks) {
      if (Catalog.touchesFiles(k)) {
        continue; // a dataset read from a file (or downloaded): not built for a receiver
      }
      for (int attempt = 0; attempt < 4; attempt++) {
        try {
          Type[] types = k.getGenericParameterTypes();
          Object[] args = new Object[types.length];
          for (int i = 0; i < types.length; i++) {
            List<Arg> goods = pool(types[i], false).stream()
                .filter(a -> a.kind() == Kind.GOOD).toList();
            args[i] = goods.isEmpty() ? null : goods.get(rnd.nextInt(goods.size())).make().get();
          }
          return k.newInstance(args);
        } catch (ReflectiveOperationException | RuntimeException e) {
          // another draw
        }
      }
    }
    Object made = model ? fromFactory(c) : null;
    if (made != null) {
      return made;
    }
    throw new IllegalStateException("cannot make a " + c.getSimpleName());
  }

  /**
   * {@code c} from a public static no-argument factory returning it that the sweep does not skip
   * (a skipped one may need gigabytes), or null if there is none or none succeeds.
   */
  private static Object fromFactory(Class<?> c) {
    for (Method m : c.getMethods()) {
      if (Modifier.isStatic(m.getModifiers()) && m.getParameterCount() == 0
          && m.getReturnType() == c && !Catalog.isSkipped(c.getSimpleName() + "." + m.getName())) {
        try {
          return m.invoke(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
          // try the next way
        }
      }
    }
    return null;
  }
}
