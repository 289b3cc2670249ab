package dev.shapetorch.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.shapetorch.nn.activation.ReLU;
import dev.shapetorch.nn.activation.Softmax;
import dev.shapetorch.nn.attention.MultiheadAttention;
import dev.shapetorch.nn.attention.TransformerEncoderLayer;
import dev.shapetorch.nn.containers.Sequential;
import dev.shapetorch.nn.conv.Conv2d;
import dev.shapetorch.nn.distance.PairwiseDistance;
import dev.shapetorch.nn.dropout.Dropout;
import dev.shapetorch.nn.embedding.Embedding;
import dev.shapetorch.nn.fold.Unfold;
import dev.shapetorch.nn.linear.Linear;
import dev.shapetorch.nn.loss.MSELoss;
import dev.shapetorch.nn.normalization.BatchNorm1d;
import dev.shapetorch.nn.padding.ConstantPad2d;
import dev.shapetorch.nn.pixelshuffle.PixelShuffle;
import dev.shapetorch.nn.pooling.MaxPool2d;
import dev.shapetorch.nn.recurrent.GRUCell;
import dev.shapetorch.nn.recurrent.LSTM;
import dev.shapetorch.nn.upsampling.Upsample;
import dev.shapetorch.tensor.LstmOutput;
import dev.shapetorch.tensor.RemovableHandle;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.TensorScope;
import dev.shapetorch.tensor.Torch;
import dev.shapetorch.vision.models.StochasticDepth;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every built-in layer's {@code forward} runs through {@link AbstractModule#runForward}, so that
 * its hooks fire: once per call, with a pre-hook's replacement arguments used by the body and a
 * forward hook's replacement output returned. Checked on a representative layer of every
 * package (found by walking the compiled classes, so that a new package needs a case here), and
 * on the sources of every layer.
 */
class ModuleHooksCoverageTest {

  /** One call of a layer's forward: {@code call} applies that forward to an argument list. */
  private record Case(String pkg, AbstractModule module, List<Object> args,
      Function<List<Object>, Object> call) {}

  private static List<Object> args(Object... values) {
    return Arrays.asList(values);
  }

  private static Tensor t(Object o) {
    return (Tensor) o;
  }

  private static List<Case> cases() {
    List<Case> cases = new ArrayList<>();
    ReLU relu = new ReLU();
    // Uniform in [0, 1): ReLU of it is not all zeros, so its zeros replacement is told apart.
    cases.add(new Case("activation", relu, args(Torch.rand(2, 3)), a -> relu.forward(t(a.get(0)))));
    Softmax softmax = new Softmax(1);
    cases.add(new Case("activation", softmax, args(Torch.randn(2, 3)),
        a -> softmax.forward(t(a.get(0)))));
    MultiheadAttention mha = new MultiheadAttention(4, 2);
    Tensor keyPadding = Torch.tensor(false, false, true, false, false, false).reshape(2, 3);
    Tensor attnMask = Torch.zeros(3, 3);
    cases.add(new Case("attention", mha,
        args(Torch.randn(3, 2, 4), Torch.randn(3, 2, 4), Torch.randn(3, 2, 4), keyPadding, attnMask),
        a -> mha.forward(t(a.get(0)), t(a.get(1)), t(a.get(2)), t(a.get(3)), t(a.get(4)))));
    cases.add(new Case("attention", mha,
        args(Torch.randn(3, 2, 4), Torch.randn(3, 2, 4), Torch.randn(3, 2, 4), keyPadding, attnMask),
        a -> mha.forwardWithWeights(
            t(a.get(0)), t(a.get(1)), t(a.get(2)), t(a.get(3)), t(a.get(4)))));
    Sequential seq = new Sequential(new Linear(3, 4), new ReLU(), new Linear(4, 2));
    cases.add(new Case("containers", seq, args(Torch.randn(2, 3)), a -> seq.forward(t(a.get(0)))));
    Conv2d conv = new Conv2d(1, 2, 3);
    cases.add(new Case("conv", conv, args(Torch.randn(1, 1, 5, 5)),
        a -> conv.forward(t(a.get(0)))));
    PairwiseDistance dist = new PairwiseDistance();
    cases.add(new Case("distance", dist, args(Torch.randn(2, 3), Torch.randn(2, 3)),
        a -> dist.forward(t(a.get(0)), t(a.get(1)))));
    Dropout dropout = new Dropout(0.5);
    dropout.eval();
    cases.add(new Case("dropout", dropout, args(Torch.randn(2, 3)),
        a -> dropout.forward(t(a.get(0)))));
    Embedding embedding = new Embedding(10, 3);
    cases.add(new Case("embedding", embedding, args(Torch.tensor(1L, 2L, 3L, 4L).reshape(2, 2)),
        a -> embedding.forward(t(a.get(0)))));
    Unfold unfold = new Unfold(2);
    cases.add(new Case("fold", unfold, args(Torch.randn(1, 2, 4, 4)),
        a -> unfold.forward(t(a.get(0)))));
    Linear linear = new Linear(3, 2);
    cases.add(new Case("linear", linear, args(Torch.randn(2, 3)),
        a -> linear.forward(t(a.get(0)))));
    MSELoss mse = new MSELoss();
    cases.add(new Case("loss", mse, args(Torch.randn(2, 3), Torch.randn(2, 3)),
        a -> mse.forward(t(a.get(0)), t(a.get(1)))));
    BatchNorm1d bn = new BatchNorm1d(3);
    cases.add(new Case("normalization", bn, args(Torch.randn(4, 3)),
        a -> bn.forward(t(a.get(0)))));
    ConstantPad2d pad = new ConstantPad2d(1, 1, 1, 1, 0.5);
    cases.add(new Case("padding", pad, args(Torch.randn(1, 1, 2, 2)),
        a -> pad.forward(t(a.get(0)))));
    PixelShuffle shuffle = new PixelShuffle(2);
    cases.add(new Case("pixelshuffle", shuffle, args(Torch.randn(1, 4, 2, 2)),
        a -> shuffle.forward(t(a.get(0)))));
    MaxPool2d pool = new MaxPool2d(2);
    cases.add(new Case("pooling", pool, args(Torch.randn(1, 1, 4, 4)),
        a -> pool.forward(t(a.get(0)))));
    LSTM lstm = new LSTM(3, 4);
    cases.add(new Case("recurrent", lstm, args(Torch.randn(5, 2, 3), null, null),
        a -> lstm.forwardWithState(t(a.get(0)), t(a.get(1)), t(a.get(2)))));
    GRUCell cell = new GRUCell(3, 4);
    cases.add(new Case("recurrent", cell, args(Torch.randn(2, 3), Torch.randn(2, 4)),
        a -> cell.forward(t(a.get(0)), t(a.get(1)))));
    Upsample up = new Upsample(2.0);
    cases.add(new Case("upsampling", up, args(Torch.randn(1, 1, 2, 2)),
        a -> up.forward(t(a.get(0)))));
    StochasticDepth depth = new StochasticDepth(0.5, "row");
    depth.eval();
    cases.add(new Case("vision", depth, args(Torch.randn(2, 3)),
        a -> depth.forward(t(a.get(0)))));
    return cases;
  }

  /** The tensor to compare of a forward's result. */
  private static Tensor main(Object output) {
    if (output instanceof Tensor tensor) {
      return tensor;
    }
    if (output instanceof LstmOutput o) {
      return o.output();
    }
    if (output instanceof MultiheadAttention.Output o) {
      return o.output();
    }
    throw new AssertionError("no main tensor in " + output);
  }

  /** A replacement of a forward's result, of its class. */
  private static Object replacement(Object output) {
    if (output instanceof Tensor tensor) {
      return Torch.fullLike(tensor, 7);
    }
    if (output instanceof LstmOutput o) {
      return new LstmOutput(Torch.fullLike(o.output(), 7), o.hN(), o.cN());
    }
    if (output instanceof MultiheadAttention.Output o) {
      return new MultiheadAttention.Output(Torch.fullLike(o.output(), 7), o.weights());
    }
    throw new AssertionError("no replacement for " + output);
  }

  @Test
  void everyPackageWithLayersHasACase() {
    Set<String> packages = new TreeSet<>();
    List<Class<?>> layers = concreteLayers();
    for (Class<?> c : layers) {
      packages.add(c.getPackageName().replaceFirst("^dev\\.shapetorch\\.nn\\.?", ""));
    }
    assertTrue(layers.size() > 90, "found only " + layers.size() + " layers: " + layers);
    assertTrue(layers.contains(Linear.class) && layers.contains(LSTM.class)
        && layers.contains(MSELoss.class), layers.toString());
    Set<String> covered = new TreeSet<>();
    try (TensorScope scope = TensorScope.open()) {
      for (Case c : cases()) {
        covered.add(c.pkg());
      }
    }
    packages.removeAll(covered);
    assertEquals(Set.of(), packages, "packages of dev.shapetorch.nn with layers but no case here");
  }

  @Test
  void forwardRunsEachHookOncePerCall() {
    try (TensorScope scope = TensorScope.open()) {
      for (Case c : cases()) {
        String what = c.module().getClass().getSimpleName();
        int[] pre = new int[1];
        int[] post = new int[1];
        List<Object> seenArgs = new ArrayList<>();
        Object[] seenOutput = new Object[1];
        RemovableHandle h1 = c.module().registerForwardPreHook((m, a) -> {
          assertSame(c.module(), m, what);
          pre[0]++;
          seenArgs.clear();
          seenArgs.addAll(a);
          return null;
        });
        RemovableHandle h2 = c.module().registerForwardHook((m, a, out) -> {
          assertSame(c.module(), m, what);
          post[0]++;
          seenOutput[0] = out;
          return null;
        });
        Object out = c.call().apply(c.args());
        assertEquals(1, pre[0], what + ": forward pre-hook calls");
        assertEquals(1, post[0], what + ": forward hook calls");
        assertEquals(c.args().size(), seenArgs.size(), what + ": the arguments the pre-hook saw");
        for (int i = 0; i < seenArgs.size(); i++) {
          assertSame(c.args().get(i), seenArgs.get(i), what + ": argument " + i);
        }
        assertSame(out, seenOutput[0], what + ": the output the forward hook saw");
        c.call().apply(c.args());
        assertEquals(2, pre[0], what + ": forward pre-hook calls after two forwards");
        assertEquals(2, post[0], what + ": forward hook calls after two forwards");
        h1.remove();
        h2.remove();
        c.call().apply(c.args());
        assertEquals(2, pre[0], what + ": a removed pre-hook ran");
        assertEquals(2, post[0], what + ": a removed forward hook ran");
      }
    }
  }

  @Test
  void thePreHooksReplacementIsWhatTheBodyUses() {
    try (TensorScope scope = TensorScope.open()) {
      for (Case c : cases()) {
        String what = c.module().getClass().getSimpleName();
        List<Object> replaced = new ArrayList<>(c.args());
        replaced.set(0, Torch.zerosLike(t(c.args().get(0))));
        Tensor original = main(c.call().apply(c.args()));
        Tensor expected = main(c.call().apply(replaced));
        assertFalse(Torch.allclose(original, expected),
            what + ": the case must tell the replacement from the original");
        Object out;
        try (RemovableHandle h = c.module().registerForwardPreHook((m, a) -> replaced)) {
          out = c.call().apply(c.args());
        }
        assertTrue(Torch.allclose(expected, main(out)),
            what + ": forward did not use the pre-hook's replacement: " + main(out) + " vs "
                + expected);
      }
    }
  }

  @Test
  void theForwardHooksReplacementIsReturned() {
    try (TensorScope scope = TensorScope.open()) {
      for (Case c : cases()) {
        String what = c.module().getClass().getSimpleName();
        Object[] made = new Object[1];
        Object out;
        try (RemovableHandle h = c.module().registerForwardHook((m, a, o) -> {
          made[0] = replacement(o);
          return made[0];
        })) {
          out = c.call().apply(c.args());
        }
        assertSame(made[0], out, what + ": forward did not return the forward hook's replacement");
      }
    }
  }

  @Test
  void overloadsThatDelegateRunTheHooksOnce() {
    try (TensorScope scope = TensorScope.open()) {
      LSTM lstm = new LSTM(3, 4);
      List<List<Object>> pre = new ArrayList<>();
      lstm.registerForwardPreHook((m, a) -> {
        pre.add(a);
        return null;
      });
      Tensor[] made = new Tensor[1];
      lstm.registerForwardHook((m, a, o) -> {
        LstmOutput r = (LstmOutput) o;
        made[0] = Torch.fullLike(r.output(), 3);
        return new LstmOutput(made[0], r.hN(), r.cN());
      });
      Tensor out = lstm.forward(Torch.randn(5, 2, 3));
      assertEquals(1, pre.size(), "LSTM.forward(input) ran the pre-hook " + pre.size() + " times");
      assertEquals(3, pre.get(0).size());
      assertNull(pre.get(0).get(1), "an absent h0 is null");
      assertSame(made[0], out, "LSTM.forward(input) returns the forward hook's output tensor");

      TransformerEncoderLayer layer = new TransformerEncoderLayer(4, 2, 8, 0.0);
      List<List<Object>> seen = new ArrayList<>();
      layer.registerForwardPreHook((m, a) -> {
        seen.add(a);
        return null;
      });
      layer.forward(Torch.randn(3, 2, 4));
      assertEquals(1, seen.size(), "TransformerEncoderLayer.forward(src) ran the pre-hook "
          + seen.size() + " times");
      assertEquals(Arrays.asList(seen.get(0).get(0), null, null), seen.get(0));

      Linear inner = new Linear(3, 2);
      Sequential seq = new Sequential(inner, new ReLU());
      int[] calls = new int[2];
      seq.registerForwardHook((m, a, o) -> {
        calls[0]++;
        return null;
      });
      inner.registerForwardHook((m, a, o) -> {
        calls[1]++;
        return null;
      });
      seq.forward(Torch.randn(2, 3));
      assertEquals(1, calls[0], "Sequential's hook");
      assertEquals(1, calls[1], "its child's hook");
    }
  }

  /** The concrete public subclasses of AbstractModule in dev.shapetorch.nn's packages. */
  private static List<Class<?>> concreteLayers() {
    Path root;
    try {
      root = Path.of(AbstractModule.class.getProtectionDomain().getCodeSource().getLocation()
          .toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    assertTrue(Files.isDirectory(root), "tensor-runtime's classes are not a folder: " + root);
    Path nn = root.resolve("dev/shapetorch/nn");
    List<Class<?>> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(nn)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        String rel = root.relativize(p).toString().replace(File.separatorChar, '/');
        if (!rel.endsWith(".class") || rel.contains("$")) {
          continue;
        }
        Class<?> c = Class.forName(rel.substring(0, rel.length() - 6).replace('/', '.'), false,
            ModuleHooksCoverageTest.class.getClassLoader());
        if (AbstractModule.class.isAssignableFrom(c) && Modifier.isPublic(c.getModifiers())
            && !Modifier.isAbstract(c.getModifiers())) {
          out.add(c);
        }
      }
    } catch (IOException | ClassNotFoundException e) {
      throw new IllegalStateException("cannot list tensor-runtime's layers", e);
    }
    return out;
  }

  private static final Pattern CLASS =
      Pattern.compile("\\bclass\\s+(\\w+)[^{]*?\\bextends\\s+(\\w+)");
  private static final Pattern FORWARD =
      Pattern.compile("\\bpublic\\s+(?:[^;{}=()]|\\([^()]*\\))*?\\b(forward\\w*)\\s*\\(");

  @Test
  void everyLayersForwardRunsThroughRunForward() throws IOException {
    Path main = Path.of("src/main/java/dev/shapetorch");
    assertTrue(Files.isDirectory(main), "run from tensor-runtime: " + Path.of("").toAbsolutePath());
    List<Path> sources = new ArrayList<>();
    try (Stream<Path> files = Files.walk(main.resolve("nn"))) {
      files.filter(p -> p.toString().endsWith(".java")).forEach(sources::add);
    }
    sources.add(main.resolve("vision/models/StochasticDepth.java"));
    List<String> problems = new ArrayList<>();
    int checked = 0;
    for (Path file : sources) {
      String source = Files.readString(file, StandardCharsets.UTF_8);
      Matcher cls = CLASS.matcher(source);
      if (!cls.find() || !isLayerBase(cls.group(2))) {
        continue;
      }
      List<String> problemsOfFile = forwardsWithoutHooks(source);
      checked++;
      for (String method : problemsOfFile) {
        problems.add(file + ": " + method);
      }
    }
    assertTrue(checked > 90, "checked only " + checked + " layer sources");
    assertEquals(List.of(), problems,
        "a public forward that neither calls runForward( nor delegates to a forward that does");
  }

  @Test
  void theSourceCheckFindsAForwardWithoutHooks() {
    String source = """
        public final class Foo extends AbstractModule {
          public @Shape({"*s"}) Tensor forward(@Shape({"*s"}) Tensor input) {
            return runForward(input, x -> F.relu(x));
          }
          public Tensor forward(Tensor input, Tensor other) {
            return F.add(input, other);
          }
          public Tensor forwardTwice(Tensor input) {
            return forward(forward(input));
          }
          public Tensor forwardDelegating(Tensor input) {
            return forward(input);
          }
        }
        """;
    assertEquals(List.of("forward(Tensor input, Tensor other)", "forwardTwice(Tensor input)"),
        forwardsWithoutHooks(source));
  }

  private static boolean isLayerBase(String base) {
    return Set.of("AbstractModule", "NormBase", "AbstractLoss", "AbstractWeightedLoss", "RNNBase",
        "RNNCellBase", "BatchNorm", "InstanceNorm").contains(base);
  }

  /**
   * The public forwards of {@code source} whose body neither calls {@code runForward(} nor is
   * one statement returning a call of another forward that does; each as its name and
   * parameters.
   */
  private static List<String> forwardsWithoutHooks(String source) {
    record Method(String signature, String name, String body) {}
    List<Method> methods = new ArrayList<>();
    Matcher m = FORWARD.matcher(source);
    while (m.find()) {
      int open = m.end() - 1;
      int close = matching(source, open, '(', ')');
      int brace = source.indexOf('{', close);
      if (!source.substring(close + 1, brace).isBlank()
          && !source.substring(close + 1, brace).strip().startsWith("throws")) {
        continue;
      }
      int end = matching(source, brace, '{', '}');
      String params = source.substring(open + 1, close).replaceAll("\\s+", " ").strip();
      methods.add(new Method(m.group(1) + "(" + params + ")", m.group(1),
          source.substring(brace + 1, end)));
    }
    List<String> hooked = new ArrayList<>();
    for (Method method : methods) {
      if (method.body().contains("runForward(")) {
        hooked.add(method.signature());
      }
    }
    List<String> out = new ArrayList<>();
    for (Method method : methods) {
      if (hooked.contains(method.signature())) {
        continue;
      }
      Matcher d = Pattern.compile("return\\s+(?:this\\.)?(forward\\w*)\\s*\\((.*)\\)(\\.\\w+\\(\\))?;",
          Pattern.DOTALL).matcher(method.body().strip());
      boolean delegates = d.matches() && !d.group(2).contains("forward")
          && methods.stream().anyMatch(o -> o != method && o.name().equals(d.group(1))
              && hooked.contains(o.signature()));
      if (!delegates) {
        out.add(method.signature());
      }
    }
    return out;
  }

  private static int matching(String s, int from, char open, char close) {
    int depth = 0;
    for (int i = from; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == '"') {
        i = s.indexOf('"', i + 1);
        while (s.charAt(i - 1) == '\\' && s.charAt(i - 2) != '\\') {
          i = s.indexOf('"', i + 1);
        }
      } else if (ch == open) {
        depth++;
      } else if (ch == close && --depth == 0) {
        return i;
      }
    }
    fail("no matching " + close + " from " + from);
    return -1;
  }
}
