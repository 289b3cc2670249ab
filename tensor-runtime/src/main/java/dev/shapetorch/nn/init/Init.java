package dev.shapetorch.nn.init;

import dev.shapetorch.internal.Arguments;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;

/**
 * Initialisation functions, as PyTorch's {@code torch.nn.init}. Each fills {@code tensor} in
 * place without recording gradients and returns it.
 *
 * <p>Shape: every function keeps the tensor's shape; the fan-based ones need at least 2
 * dimensions ({@code [Out, In, *kernel]}: fan-in is {@code In * prod(kernel)}, fan-out {@code
 * Out * prod(kernel)}).
 */
public final class Init {
  private Init() {}

  /**
   * The fans of a weight, as PyTorch's {@code _calculate_fan_in_and_fan_out}.
   *
   * @param fanIn {@code size(1) * prod(size(2..))}
   * @param fanOut {@code size(0) * prod(size(2..))}
   */
  public record Fans(long fanIn, long fanOut) {
    /** The fan {@code mode} selects. */
    public long of(FanMode mode) {
      return Arguments.requireNonNull(mode, "mode") == FanMode.FAN_IN ? fanIn : fanOut;
    }
  }

  /**
   * The fans of {@code tensor}.
   *
   * @throws IllegalArgumentException if the tensor has fewer than 2 dimensions
   */
  public static Fans calculateFanInAndFanOut(Tensor tensor) {
    long[] s = Arguments.requireNonNull(tensor, "tensor").shape();
    if (s.length < 2) {
      throw Arguments.invalid(null, "fan in and fan out can not be computed for a tensor with"
          + " fewer than 2 dimensions (got shape " + tensor.shapeOf() + ")");
    }
    long receptive = 1;
    for (int i = 2; i < s.length; i++) {
      receptive *= s[i];
    }
    return new Fans(s[1] * receptive, s[0] * receptive);
  }

  /** The recommended gain for {@code nonlinearity} (leaky ReLU with slope 0.01). */
  public static double calculateGain(Nonlinearity nonlinearity) {
    return calculateGain(nonlinearity, 0.01);
  }

  /**
   * The recommended gain for {@code nonlinearity}.
   *
   * @param param the negative slope, for {@link Nonlinearity#LEAKY_RELU} (ignored otherwise)
   */
  public static double calculateGain(Nonlinearity nonlinearity, double param) {
    Arguments.requireNonNull(nonlinearity, "nonlinearity");
    return switch (nonlinearity) {
      case LINEAR, CONV1D, CONV2D, CONV3D, CONV_TRANSPOSE1D, CONV_TRANSPOSE2D, CONV_TRANSPOSE3D,
          SIGMOID -> 1.0;
      case TANH -> 5.0 / 3.0;
      case RELU -> Math.sqrt(2.0);
      case LEAKY_RELU -> Math.sqrt(2.0 / (1 + param * param));
      case SELU -> 3.0 / 4.0;
    };
  }

  /** Fills with U(0, 1). */
  public static Tensor uniform_(Tensor tensor) {
    return uniform_(tensor, 0.0, 1.0);
  }

  /** Fills with U(a, b). */
  public static Tensor uniform_(Tensor tensor, double a, double b) {
    Arguments.requireNonNull(tensor, "tensor");
    try (var ng = Torch.noGrad()) {
      tensor.uniform_(a, b);
    }
    return tensor;
  }

  /** Fills with N(0, 1). */
  public static Tensor normal_(Tensor tensor) {
    return normal_(tensor, 0.0, 1.0);
  }

  /** Fills with N(mean, std^2). */
  public static Tensor normal_(Tensor tensor, double mean, double std) {
    Arguments.requireNonNull(tensor, "tensor");
    try (var ng = Torch.noGrad()) {
      tensor.normal_(mean, std);
    }
    return tensor;
  }

  /** Fills with {@code value}. */
  public static Tensor constant_(Tensor tensor, double value) {
    Arguments.requireNonNull(tensor, "tensor");
    try (var ng = Torch.noGrad()) {
      tensor.fill_(value);
    }
    return tensor;
  }

  /** Fills with 0. */
  public static Tensor zeros_(Tensor tensor) {
    return constant_(tensor, 0.0);
  }

  /** Fills with 1. */
  public static Tensor ones_(Tensor tensor) {
    return constant_(tensor, 1.0);
  }

  /** Glorot/Xavier uniform with gain 1. */
  public static Tensor xavierUniform_(Tensor tensor) {
    return xavierUniform_(tensor, 1.0);
  }

  /** Glorot/Xavier uniform: U(-a, a), {@code a = gain * sqrt(6 / (fanIn + fanOut))}. */
  public static Tensor xavierUniform_(Tensor tensor, double gain) {
    Fans f = calculateFanInAndFanOut(tensor);
    double std = gain * Math.sqrt(2.0 / (f.fanIn() + f.fanOut()));
    double a = Math.sqrt(3.0) * std;
    return uniform_(tensor, -a, a);
  }

  /** Glorot/Xavier normal with gain 1. */
  public static Tensor xavierNormal_(Tensor tensor) {
    return xavierNormal_(tensor, 1.0);
  }

  /** Glorot/Xavier normal: N(0, std^2), {@code std = gain * sqrt(2 / (fanIn + fanOut))}. */
  public static Tensor xavierNormal_(Tensor tensor, double gain) {
    Fans f = calculateFanInAndFanOut(tensor);
    double std = gain * Math.sqrt(2.0 / (f.fanIn() + f.fanOut()));
    return normal_(tensor, 0.0, std);
  }

  /** He/Kaiming uniform with PyTorch's defaults: {@code a = 0}, fan-in, leaky ReLU. */
  public static Tensor kaimingUniform_(Tensor tensor) {
    return kaimingUniform_(tensor, 0.0, FanMode.FAN_IN, Nonlinearity.LEAKY_RELU);
  }

  /** He/Kaiming uniform for a leaky ReLU of slope {@code a}, fan-in. */
  public static Tensor kaimingUniform_(Tensor tensor, double a) {
    return kaimingUniform_(tensor, a, FanMode.FAN_IN, Nonlinearity.LEAKY_RELU);
  }

  /**
   * He/Kaiming uniform: U(-bound, bound), {@code bound = gain * sqrt(3 / fan)}, the gain of
   * {@code nonlinearity} with parameter {@code a}. A tensor without elements is left as it is.
   */
  public static Tensor kaimingUniform_(
      Tensor tensor, double a, FanMode mode, Nonlinearity nonlinearity) {
    Arguments.requireNonNull(tensor, "tensor");
    Arguments.requireNonNull(mode, "mode");
    Arguments.requireNonNull(nonlinearity, "nonlinearity");
    if (tensor.numel() == 0) {
      return tensor;
    }
    double std = calculateGain(nonlinearity, a) / Math.sqrt(calculateFanInAndFanOut(tensor).of(mode));
    double bound = Math.sqrt(3.0) * std;
    return uniform_(tensor, -bound, bound);
  }

  /** He/Kaiming normal with PyTorch's defaults: {@code a = 0}, fan-in, leaky ReLU. */
  public static Tensor kaimingNormal_(Tensor tensor) {
    return kaimingNormal_(tensor, 0.0, FanMode.FAN_IN, Nonlinearity.LEAKY_RELU);
  }

  /**
   * He/Kaiming normal: N(0, std^2), {@code std = gain / sqrt(fan)}. A tensor without elements
   * is left as it is.
   */
  public static Tensor kaimingNormal_(
      Tensor tensor, double a, FanMode mode, Nonlinearity nonlinearity) {
    Arguments.requireNonNull(tensor, "tensor");
    Arguments.requireNonNull(mode, "mode");
    Arguments.requireNonNull(nonlinearity, "nonlinearity");
    if (tensor.numel() == 0) {
      return tensor;
    }
    double std = calculateGain(nonlinearity, a) / Math.sqrt(calculateFanInAndFanOut(tensor).of(mode));
    return normal_(tensor, 0.0, std);
  }

  /** A (semi-)orthogonal matrix with gain 1. */
  public static Tensor orthogonal_(Tensor tensor) {
    return orthogonal_(tensor, 1.0);
  }

  /**
   * A (semi-)orthogonal matrix times {@code gain}, as PyTorch's {@code orthogonal_}: the Q of
   * the QR decomposition of a standard-normal {@code [rows, cols]} matrix ({@code rows =
   * size(0)}, {@code cols} the product of the other sizes), with signs fixed so that R's
   * diagonal is positive. Rows are orthonormal if {@code rows <= cols}, columns otherwise.
   *
   * @throws IllegalArgumentException if the tensor has fewer than 2 dimensions
   */
  public static Tensor orthogonal_(Tensor tensor, double gain) {
    long[] s = Arguments.requireNonNull(tensor, "tensor").shape();
    if (s.length < 2) {
      throw Arguments.invalid(null, "only tensors with 2 or more dimensions are supported (got"
          + " shape " + tensor.shapeOf() + ")");
    }
    if (tensor.numel() == 0) {
      return tensor;
    }
    if (tensor.numel() > Integer.MAX_VALUE / 2) {
      throw Arguments.invalid(null, "a tensor of shape " + tensor.shapeOf() + " has "
          + tensor.numel() + " elements, more than this Java QR handles (" + Integer.MAX_VALUE / 2
          + ")");
    }
    int rows = Math.toIntExact(s[0]);
    int cols = Math.toIntExact(tensor.numel() / rows);
    boolean wide = rows < cols;
    int m = wide ? cols : rows;
    int n = wide ? rows : cols;
    double[] sample = Torch.randn(rows, cols).toDoubleArray();
    double[][] a = new double[m][n];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        if (wide) {
          a[j][i] = sample[i * cols + j];
        } else {
          a[i][j] = sample[i * cols + j];
        }
      }
    }
    double[][] q = GramSchmidt.orthonormalColumns(a);
    double[] out = new double[rows * cols];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        out[i * cols + j] = gain * (wide ? q[j][i] : q[i][j]);
      }
    }
    try (var ng = Torch.noGrad()) {
      tensor.copy_(Torch.fromArray(out, s));
    }
    return tensor;
  }
}
