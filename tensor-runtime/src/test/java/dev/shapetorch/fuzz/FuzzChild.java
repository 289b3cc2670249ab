package dev.shapetorch.fuzz;

import dev.shapetorch.data.BatchIterator;
import dev.shapetorch.fuzz.Calls.Call;
import dev.shapetorch.fuzz.Inputs.Arg;
import dev.shapetorch.tensor.AutocastScope;
import dev.shapetorch.tensor.GradModeScope;
import dev.shapetorch.tensor.InferenceModeScope;
import dev.shapetorch.tensor.NoGradScope;
import dev.shapetorch.tensor.RemovableHandle;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.TensorScope;
import java.io.FileOutputStream;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A child JVM of the fuzzer: runs calls {@code from} (inclusive) to {@code to} (exclusive) of a
 * sweep and appends to a progress file, before each call, {@code S <index> <call>}, after a
 * call that failed the oracle {@code F <index> <tag>: <detail>}, and {@code D <to>} at the end.
 * If the JVM dies or stops writing, the parent reads the last {@code S} line to name the call.
 *
 * <p>Arguments: {@code seed random from to progressFile}.
 */
public final class FuzzChild {

  private FuzzChild() {}

  /** Runs the calls; see the class comment. */
  public static void main(String[] args) throws IOException {
    long seed = Long.parseLong(args[0]);
    int random = Integer.parseInt(args[1]);
    int from = Integer.parseInt(args[2]);
    int to = Integer.parseInt(args[3]);
    List<Call> calls = Calls.all(seed, random);
    dev.shapetorch.tensor.Torch.zeros(1).close(); // load libtorch before the first call's clock
    to = Math.min(to, calls.size());
    try (FileOutputStream out = new FileOutputStream(args[4], true)) {
      for (int i = from; i < to; i++) {
        Call c = calls.get(i);
        write(out, "S " + i + " " + c.describe());
        String finding = run(c);
        if (finding != null) {
          write(out, "F " + i + " " + finding);
        }
        if (buildsModels(c) || (i - from) % 200 == 199) {
          // Native memory goes back when the GC has run JavaCPP's deallocators: vision models
          // of hundreds of MB left to a lazy GC (its heap is nearly empty) added up to the
          // child's address-space limit, and a JDK 25 child died in its JIT compiler's malloc
          // among the VisionTransformer calls.
          System.gc();
        }
      }
      write(out, "D " + to);
    }
    System.exit(0);
  }

  /**
   * True if the call builds a vision model or a transformer, or calls one (a receiver of
   * millions of weights: {@code Transformer()} has 44 million).
   */
  private static boolean buildsModels(Call c) {
    String pkg = c.op().target().getDeclaringClass().getPackageName();
    return Catalog.EXPENSIVE.contains(c.op().name()) || pkg.equals("dev.shapetorch.vision.models")
        || pkg.equals("dev.shapetorch.nn.attention");
  }

  private static void write(FileOutputStream out, String line) throws IOException {
    out.write((line.replace('\n', ' ') + "\n").getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Closes the data loaders' iterators among {@code values}, which joins their worker threads
   * and frees the batches they built ahead, before the call's scope frees the dataset.
   */
  private static void closeIterators(Object[] values) {
    for (Object v : values) {
      if (v instanceof BatchIterator<?> it) {
        try {
          it.close();
        } catch (RuntimeException e) {
          // Closing after a failed call: the call's own error was judged already.
        }
      }
    }
  }

  /**
   * Makes the arguments, calls the op, judges what it threw, and checks that no data loader
   * worker outlives the call once its iterators are closed; null when all is well.
   */
  static String run(Call call) {
    String verdict = callAndClose(call);
    String leak = leakedWorkers();
    return verdict != null ? verdict : leak;
  }

  /** Worker threads already reported, so that one leak is reported once. */
  private static final Set<Thread> REPORTED = new HashSet<>();

  /** A {@link Verdict#THREAD_LEAK} finding for live data loader workers not reported yet. */
  private static String leakedWorkers() {
    List<String> names = new ArrayList<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().startsWith("shapetorch-data-") && t.isAlive() && REPORTED.add(t)) {
        names.add(t.getName());
      }
    }
    return names.isEmpty() ? null : Verdict.THREAD_LEAK + ": " + names.size()
        + " data loader worker(s) alive after the call and its iterators were closed: " + names;
  }

  private static String callAndClose(Call call) {
    TensorScope scope = TensorScope.open();
    List<List<Arg>> pools = call.pools();
    Object[] values = new Object[pools.size()];
    Object[] result = new Object[1];
    try {
      try {
        for (int i = 0; i < values.length; i++) {
          values[i] = pools.get(i).get(call.choice()[i]).make().get();
        }
      } catch (RuntimeException e) {
        return null; // an argument that cannot be made here (e.g. a CUDA device): nothing to call
      }
      try {
        if (call.op().target() instanceof Constructor<?> k) {
          result[0] = k.newInstance(values);
        } else {
          Method m = (Method) call.op().target();
          if (call.op().receiver() != null) {
            Object[] rest = new Object[values.length - 1];
            System.arraycopy(values, 1, rest, 0, rest.length);
            result[0] = m.invoke(values[0], rest);
          } else {
            result[0] = m.invoke(null, values);
          }
        }
      } catch (InvocationTargetException e) {
        return Verdict.judge(call, e.getCause());
      } catch (ReflectiveOperationException | IllegalArgumentException e) {
        return null; // a value reflection cannot pass (an Object for a generic array): no call
      }
      if (result[0] instanceof NoGradScope g) {
        g.close();
      } else if (result[0] instanceof GradModeScope g) {
        g.close(); // enableGrad, setGradEnabled: the mode must not outlive the call
      } else if (result[0] instanceof InferenceModeScope i) {
        i.close();
      } else if (result[0] instanceof AutocastScope a) {
        a.close();
      } else if (result[0] instanceof RemovableHandle h) {
        h.remove();
      } else if (result[0] instanceof TensorScope s && s != scope) {
        s.close();
      } else if (result[0] instanceof Tensor t && !t.isFreed()) {
        t.shape(); // the result is a tensor one can use
      }
      return null;
    } finally {
      closeIterators(values);
      closeIterators(result);
      try {
        scope.close();
      } catch (RuntimeException e) {
        // A call that closed scopes out of order: not the op's failure.
      }
    }
  }
}
