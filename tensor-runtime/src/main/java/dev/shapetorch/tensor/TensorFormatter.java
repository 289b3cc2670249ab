package dev.shapetorch.tensor;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints a tensor the way PyTorch's {@code repr} does (default print options: precision 4,
 * threshold 1000, edge items 3, line width 80): the same number format (integer-valued floats as
 * {@code 1.}, scientific notation when magnitudes differ by more than 1000), the same alignment,
 * nesting, summarising with {@code ...}, and suffixes ({@code dtype=}, {@code device=}, {@code
 * requires_grad=True}, {@code grad_fn=<...>}). Package-private: {@link Tensor#toString()}.
 */
final class TensorFormatter {

  /** The options in force, as PyTorch's global {@code PRINT_OPTS}. */
  private static volatile PrintOptions options = PrintOptions.DEFAULT;

  private static final String PREFIX = "tensor(";
  private static final int INDENT = PREFIX.length();

  private final int precision;
  private final int edgeItems;
  private final int lineWidth;
  private final Boolean forcedSciMode;
  private final long[] shape;
  private final long[] strides;
  private final boolean summarize;
  private final boolean floating;
  private final boolean bool;
  private double[] doubles;
  private long[] longs;
  private boolean[] bools;
  private boolean intMode = true;
  private boolean sciMode;
  private int maxWidth = 1;

  private TensorFormatter(Tensor t, PrintOptions o) {
    precision = o.precision();
    edgeItems = o.edgeItems();
    lineWidth = o.lineWidth();
    forcedSciMode = o.sciMode();
    shape = t.shape();
    strides = new long[shape.length];
    long s = 1;
    for (int i = shape.length - 1; i >= 0; i--) {
      strides[i] = s;
      s *= shape[i];
    }
    summarize = t.numel() > o.threshold();
    DType d = t.dtype();
    floating = d.isFloatingPoint();
    bool = d == DType.BOOL;
    if (floating) {
      doubles = t.toDoubleArray();
    } else if (bool) {
      bools = t.toBooleanArray();
    } else {
      longs = t.toLongArray();
    }
  }

  /** Sets the options every later print uses ({@link Torch#setPrintOptions}). */
  static void setOptions(PrintOptions o) {
    options = o;
  }

  /** The options in force. */
  static PrintOptions options() {
    return options;
  }

  static String format(Tensor t) {
    PrintOptions o = options;
    List<String> suffixes = new ArrayList<>();
    Device device = t.device();
    if (!device.isCpu()) {
      suffixes.add("device='" + device + "'");
    }
    DType dtype = t.dtype();
    String body;
    if (t.numel() == 0) {
      if (t.dim() != 1) {
        suffixes.add("size=" + tuple(t.shape()));
      }
      if (dtype != DType.FLOAT32) {
        suffixes.add("dtype=" + dtype.pytorchName());
      }
      body = "[]";
    } else {
      if (dtype != DType.FLOAT32 && dtype != DType.INT64 && dtype != DType.BOOL) {
        suffixes.add("dtype=" + dtype.pytorchName());
      }
      TensorFormatter f = new TensorFormatter(t, o);
      f.measure();
      body = f.render(0, 0, INDENT);
    }
    String gradFn = t.gradFnName();
    if (gradFn != null) {
      suffixes.add("grad_fn=<" + gradFn + ">");
    } else if (t.requiresGrad()) {
      suffixes.add("requires_grad=True");
    }
    return addSuffixes(PREFIX + body, suffixes, o.lineWidth());
  }

  private static String tuple(long[] shape) {
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < shape.length; i++) {
      sb.append(i > 0 ? ", " : "").append(shape[i]);
    }
    return sb.append(shape.length == 1 ? ",)" : ")").toString();
  }

  private static String addSuffixes(String text, List<String> suffixes, int lineWidth) {
    StringBuilder sb = new StringBuilder(text);
    int lastLineLength = text.length() - text.lastIndexOf('\n') + 1;
    for (String suffix : suffixes) {
      if (lastLineLength + suffix.length() + 2 > lineWidth) {
        sb.append(",\n").append(" ".repeat(INDENT)).append(suffix);
        lastLineLength = INDENT + suffix.length();
      } else {
        sb.append(", ").append(suffix);
        lastLineLength += suffix.length() + 2;
      }
    }
    return sb.append(')').toString();
  }

  // ------------------------------------------------------------------ the number format

  /** The flat positions of the elements shown (all, or the edge items when summarising). */
  private void shownPositions(int dim, long offset, List<Long> out) {
    if (dim == shape.length) {
      out.add(offset);
      return;
    }
    long n = shape[dim];
    for (long i = 0; i < n; i++) {
      if (summarize && n > 2 * edgeItems && i == edgeItems) {
        i = n - edgeItems;
      }
      shownPositions(dim + 1, offset + i * strides[dim], out);
    }
  }

  /** Decides int/scientific mode and the column width, as PyTorch's {@code _Formatter}. */
  private void measure() {
    List<Long> shown = new ArrayList<>();
    shownPositions(0, 0, shown);
    if (!floating) {
      for (long p : shown) {
        maxWidth = Math.max(maxWidth, plain(p).length());
      }
      return;
    }
    List<Double> values = new ArrayList<>();
    double min = Double.POSITIVE_INFINITY;
    double max = 0;
    for (long p : shown) {
      double v = doubles[(int) p];
      if (Double.isFinite(v) && v != 0) {
        values.add(v);
        min = Math.min(min, Math.abs(v));
        max = Math.max(max, Math.abs(v));
      }
    }
    if (values.isEmpty()) {
      return;
    }
    for (double v : values) {
      if (v != Math.ceil(v)) {
        intMode = false;
        break;
      }
    }
    if (intMode) {
      sciMode = max / min > 1000.0 || max > 1.0e8;
      for (double v : values) {
        maxWidth = Math.max(maxWidth,
            sciMode ? sci(v, precision).length() : fixed(v, 0).length() + 1);
      }
    } else {
      sciMode = max / min > 1000.0 || max > 1.0e8 || min < 1.0e-4;
      for (double v : values) {
        maxWidth = Math.max(maxWidth,
            (sciMode ? sci(v, precision) : fixed(v, precision)).length());
      }
    }
    if (forcedSciMode != null) {
      // as PyTorch: the width stays the one measured in the automatic mode
      sciMode = forcedSciMode;
    }
  }

  private String plain(long position) {
    int p = (int) position;
    return bool ? (bools[p] ? "True" : "False") : Long.toString(longs[p]);
  }

  private String element(long position) {
    String s;
    if (!floating) {
      s = plain(position);
    } else {
      double v = doubles[(int) position];
      if (sciMode) {
        s = sci(v, precision);
      } else if (intMode) {
        s = fixed(v, 0);
        if (Double.isFinite(v)) {
          s += ".";
        }
      } else {
        s = fixed(v, precision);
      }
    }
    return s.length() >= maxWidth ? s : " ".repeat(maxWidth - s.length()) + s;
  }

  private static boolean negative(double v) {
    return v < 0 || (v == 0 && 1 / v < 0);
  }

  /** Python's {@code f"{v:.{decimals}f}"}: exact value, rounded half to even. */
  static String fixed(double v, int decimals) {
    if (Double.isNaN(v)) {
      return "nan";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "inf" : "-inf";
    }
    String s = new BigDecimal(Math.abs(v)).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
    return negative(v) ? "-" + s : s;
  }

  /** Python's {@code f"{v:.4e}"}: {@code 1.2346e+05}, at least two exponent digits. */
  static String sci(double v, int precision) {
    if (Double.isNaN(v)) {
      return "nan";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "inf" : "-inf";
    }
    String digits;
    int exponent;
    if (v == 0) {
      digits = "0";
      exponent = 0;
    } else {
      BigDecimal r = new BigDecimal(Math.abs(v)).round(new MathContext(precision + 1, RoundingMode.HALF_EVEN));
      BigInteger unscaled = r.unscaledValue();
      digits = unscaled.toString();
      exponent = digits.length() - 1 - r.scale();
      digits = digits.replaceFirst("0+$", "");
      if (digits.isEmpty()) {
        digits = "0";
      }
    }
    StringBuilder sb = new StringBuilder();
    if (negative(v)) {
      sb.append('-');
    }
    sb.append(digits.charAt(0));
    if (precision > 0) {
      sb.append('.');
    }
    for (int i = 1; i <= precision; i++) {
      sb.append(i < digits.length() ? digits.charAt(i) : '0');
    }
    sb.append('e').append(exponent < 0 ? '-' : '+');
    int e = Math.abs(exponent);
    if (e < 10) {
      sb.append('0');
    }
    return sb.append(e).toString();
  }

  // ------------------------------------------------------------------ layout

  private String render(int dim, long offset, int indent) {
    int remaining = shape.length - dim;
    if (remaining == 0) {
      return element(offset);
    }
    long n = shape[dim];
    boolean cut = summarize && n > 2 * edgeItems;
    if (remaining == 1) {
      List<String> data = new ArrayList<>();
      for (long i = 0; i < n; i++) {
        if (cut && i == edgeItems) {
          data.add(" ...");
          i = n - edgeItems;
        }
        data.add(element(offset + i * strides[dim]));
      }
      int perLine = Math.max(1, (lineWidth - indent) / (maxWidth + 2));
      StringBuilder sb = new StringBuilder("[");
      for (int i = 0; i < data.size(); i++) {
        if (i > 0) {
          sb.append(i % perLine == 0 ? ",\n" + " ".repeat(indent + 1) : ", ");
        }
        sb.append(data.get(i));
      }
      return sb.append(']').toString();
    }
    String separator = "," + "\n".repeat(remaining - 1) + " ".repeat(indent + 1);
    StringBuilder sb = new StringBuilder("[");
    boolean first = true;
    for (long i = 0; i < n; i++) {
      if (!first) {
        sb.append(separator);
      }
      first = false;
      if (cut && i == edgeItems) {
        sb.append("...").append(separator);
        i = n - edgeItems;
      }
      sb.append(render(dim + 1, offset + i * strides[dim], indent + 1));
    }
    return sb.append(']').toString();
  }
}
