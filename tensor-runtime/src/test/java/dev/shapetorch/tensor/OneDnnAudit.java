package dev.shapetorch.tensor;

import dev.shapetorch.internal.NativeLibrary;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.ScalarType;

/**
 * Audits libtorch's own convolution path (oneDNN, as a plain libtorch user gets it) against its
 * reference path and float64, for the configurations {@link ConvConfig} draws: the evidence
 * behind {@link ConvRouting}'s rule. Not a test: some configurations crash the JVM inside oneDNN,
 * so {@code scripts/conv-sweep.sh} runs it in child JVMs and resumes after a crash.
 *
 * <p>Arguments: seed, first index, end index (exclusive), output file. Appends {@code
 * TRY,<i>} before each configuration and {@code OK,<i>,<kind>,<plain>} or {@code
 * WRONG,<i>,<kind>,<plain>,<what>} or {@code ERROR,<i>,<kind>,<plain>} after it; {@code plain}
 * is 1 for a 2-D convolution with one group and no dilation.
 */
public final class OneDnnAudit {

  private OneDnnAudit() {}

  public static void main(String[] args) throws IOException {
    NativeLibrary.ensureLoaded();
    torch.set_num_threads(1);
    long seed = Long.parseLong(args[0]);
    int from = Integer.parseInt(args[1]);
    int to = Integer.parseInt(args[2]);
    try (PrintStream out = new PrintStream(new FileOutputStream(args[3], true), true)) {
      for (int i = from; i < to; i++) {
        ConvConfig c = ConvConfig.generate(seed, i);
        boolean plain = c.kind() == ConvRouting.Kind.CONV2D && c.groups() == 1
            && c.dilation()[0] == 1 && c.dilation()[1] == 1;
        String tag = i + "," + c.kind() + "," + (plain ? 1 : 0);
        out.println("TRY," + i);
        try (PointerScope scope = new PointerScope()) {
          torch.manual_seed(i);
          var x = torch.randn(c.inputShape());
          var w = torch.randn(c.weightShape());
          var b = torch.randn(c.outChannels());
          ConvConfig.Values fast;
          try {
            fast = c.runLibtorch(x, w, b, ScalarType.Float);
          } catch (RuntimeException e) {
            out.println("ERROR," + tag);
            continue;
          }
          ConvConfig.Values exact = c.runLibtorch(x, w, b, ScalarType.Double);
          String wrong = ConvConfig.compare(fast, exact, 1e-3);
          out.println(wrong == null ? "OK," + tag
              : "WRONG," + tag + "," + wrong.replace(',', ';') + " | " + c);
        }
      }
    }
  }
}
