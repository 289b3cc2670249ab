package dev.shapetorch.fuzz;

import dev.shapetorch.fuzz.Calls.Call;
import dev.shapetorch.fuzz.Inputs.Arg;
import dev.shapetorch.tensor.NoGradScope;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.TensorScope;
import java.io.FileOutputStream;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.List;

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
      }
      write(out, "D " + to);
    }
    System.exit(0);
  }

  private static void write(FileOutputStream out, String line) throws IOException {
    out.write((line.replace('\n', ' ') + "\n").getBytes(StandardCharsets.UTF_8));
  }

  /** Makes the arguments, calls the op, judges what it threw; null when all is well. */
  static String run(Call call) {
    TensorScope scope = TensorScope.open();
    try {
      List<List<Arg>> pools = call.pools();
      Object[] values = new Object[pools.size()];
      try {
        for (int i = 0; i < values.length; i++) {
          values[i] = pools.get(i).get(call.choice()[i]).make().get();
        }
      } catch (RuntimeException e) {
        return null; // an argument that cannot be made here (e.g. a CUDA device): nothing to call
      }
      Object result;
      try {
        if (call.op().target() instanceof Constructor<?> k) {
          result = k.newInstance(values);
        } else {
          Method m = (Method) call.op().target();
          if (call.op().receiver() != null) {
            Object[] rest = new Object[values.length - 1];
            System.arraycopy(values, 1, rest, 0, rest.length);
            result = m.invoke(values[0], rest);
          } else {
            result = m.invoke(null, values);
          }
        }
      } catch (InvocationTargetException e) {
        return Verdict.judge(call, e.getCause());
      } catch (ReflectiveOperationException | IllegalArgumentException e) {
        return null; // a value reflection cannot pass (an Object for a generic array): no call
      }
      if (result instanceof NoGradScope g) {
        g.close();
      } else if (result instanceof TensorScope s && s != scope) {
        s.close();
      } else if (result instanceof Tensor t && !t.isFreed()) {
        t.shape(); // the result is a tensor one can use
      }
      return null;
    } finally {
      try {
        scope.close();
      } catch (RuntimeException e) {
        // A call that closed scopes out of order: not the op's failure.
      }
    }
  }
}
