package dev.shapetorch.vision.transforms;

import dev.shapetorch.internal.NativeTensors;
import dev.shapetorch.nn.functional.InterpolationMode;
import dev.shapetorch.tensor.DType;
import dev.shapetorch.tensor.Tensor;
import dev.shapetorch.tensor.Torch;
import java.util.Arrays;

/**
 * The geometric transforms that resample through a sampling grid (rotate, affine, perspective),
 * as torchvision's tensor path: a grid in normalised coordinates, libtorch's {@code
 * grid_sampler} with zero padding and {@code align_corners=False}, then the fill outside.
 */
final class Grids {

  private Grids() {}

  /**
   * The inverse affine matrix (output pixel to input pixel, 2x3 row-major) of a rotation by
   * {@code angle} degrees, a translation, a scale and a shear (degrees) about {@code center}
   * (relative to the image centre), as torchvision's {@code _get_inverse_affine_matrix}.
   */
  static double[] inverseAffineMatrix(
      double[] center, double angle, double[] translate, double scale, double[] shear) {
    double rot = Math.toRadians(angle);
    double sx = Math.toRadians(shear[0]);
    double sy = Math.toRadians(shear[1]);
    double cx = center[0];
    double cy = center[1];
    double tx = translate[0];
    double ty = translate[1];
    double a = Math.cos(rot - sy) / Math.cos(sy);
    double b = -Math.cos(rot - sy) * Math.tan(sx) / Math.cos(sy) - Math.sin(rot);
    double c = Math.sin(rot - sy) / Math.cos(sy);
    double d = -Math.sin(rot - sy) * Math.tan(sx) / Math.cos(sy) + Math.cos(rot);
    double[] m = {d, -b, 0.0, -c, a, 0.0};
    for (int i = 0; i < 6; i++) {
      m[i] = m[i] / scale;
    }
    m[2] += m[0] * (-cx - tx) + m[1] * (-cy - ty);
    m[5] += m[3] * (-cx - tx) + m[4] * (-cy - ty);
    m[2] += cx;
    m[5] += cy;
    return m;
  }

  /** The output {@code [width, height]} that holds the whole transformed image (expand=True). */
  static long[] expandedSize(double[] matrix, long w, long h) {
    float[][] pts = {
      {-0.5f * w, -0.5f * h}, {-0.5f * w, 0.5f * h}, {0.5f * w, 0.5f * h}, {0.5f * w, -0.5f * h}
    };
    float[] theta = new float[6];
    for (int i = 0; i < 6; i++) {
      theta[i] = (float) matrix[i];
    }
    float[] min = {Float.POSITIVE_INFINITY, Float.POSITIVE_INFINITY};
    float[] max = {Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY};
    for (float[] p : pts) {
      for (int k = 0; k < 2; k++) {
        float v = p[0] * theta[3 * k] + p[1] * theta[3 * k + 1] + theta[3 * k + 2];
        min[k] = Math.min(min[k], v);
        max[k] = Math.max(max[k], v);
      }
    }
    float[] half = {w * 0.5f, h * 0.5f};
    long[] size = new long[2];
    float tol = 1e-4f;
    for (int k = 0; k < 2; k++) {
      float hi = max[k] + half[k];
      float lo = min[k] + half[k];
      float cmax = (float) Math.ceil((float) (long) (hi / tol) * tol);
      float cmin = (float) Math.floor((float) (long) (lo / tol) * tol);
      size[k] = (long) (cmax - cmin);
    }
    return size;
  }

  /** torchvision's {@code _gen_affine_grid}: {@code [1, oh, ow, 2]}. */
  static Tensor affineGrid(double[] matrix, DType dtype, long w, long h, long ow, long oh) {
    Tensor theta = Torch.fromArray(matrix, 1, 2, 3).to(dtype);
    Tensor base = baseGrid(dtype, ow, oh, -ow * 0.5 + 0.5, -oh * 0.5 + 0.5);
    Tensor scale = Torch.fromArray(new double[] {0.5 * w, 0.5 * h}, 2).to(dtype);
    Tensor rescaled = theta.transpose(1, 2).div(scale);
    return base.view(1, oh * ow, 3).bmm(rescaled).view(1, oh, ow, 2);
  }

  /** torchvision's {@code _perspective_grid}: {@code [1, oh, ow, 2]}. */
  static Tensor perspectiveGrid(double[] c, DType dtype, long ow, long oh) {
    Tensor theta1 = Torch.fromArray(new double[] {c[0], c[1], c[2], c[3], c[4], c[5]}, 1, 2, 3)
        .to(dtype);
    Tensor theta2 = Torch.fromArray(new double[] {c[6], c[7], 1.0, c[6], c[7], 1.0}, 1, 2, 3)
        .to(dtype);
    Tensor base = baseGrid(dtype, ow, oh, 0.5, 0.5).view(1, oh * ow, 3);
    Tensor scale = Torch.fromArray(new double[] {0.5 * ow, 0.5 * oh}, 2).to(dtype);
    Tensor g1 = base.bmm(theta1.transpose(1, 2).div(scale));
    Tensor g2 = base.bmm(theta2.transpose(1, 2));
    return g1.div(g2).sub(1.0).view(1, oh, ow, 2);
  }

  /** {@code [1, oh, ow, 3]}: x from {@code x0} step 1, y from {@code y0} step 1, then ones. */
  private static Tensor baseGrid(DType dtype, long ow, long oh, double x0, double y0) {
    Tensor x = Torch.linspace(x0, x0 + ow - 1, ow).to(dtype).view(1, ow).expand(oh, ow);
    Tensor y = Torch.linspace(y0, y0 + oh - 1, oh).to(dtype).view(oh, 1).expand(oh, ow);
    Tensor one = Torch.ones(new long[] {oh, ow}, dtype);
    return Torch.stack(java.util.List.of(x, y, one), 2).unsqueeze(0);
  }

  /**
   * Samples {@code image} ({@code [*, C, H, W]} with at most one batch dimension) at {@code
   * grid}, filling outside with {@code fill} (null: zeros without the mask, as torchvision).
   */
  static Tensor sample(
      String op, Tensor image, Tensor grid, InterpolationMode mode, double[] fill) {
    if (image.dim() != 3 && image.dim() != 4) {
      throw new IllegalArgumentException(
          op + ": expects an image [C, H, W] or a batch [B, C, H, W], got shape "
              + Arrays.toString(image.shape()));
    }
    long channels = image.size(-3);
    if (fill != null && fill.length > 1 && fill.length != channels) {
      throw new IllegalArgumentException(
          op + ": give one fill value or one per channel (" + channels + "), got "
              + fill.length + " values " + Arrays.toString(fill));
    }
    boolean single = image.dim() == 3;
    Tensor x = single ? image.unsqueeze(0) : image;
    DType out = x.dtype();
    x = x.to(grid.dtype());
    long n = x.size(0);
    if (n > 1) {
      grid = grid.expand(n, grid.size(1), grid.size(2), grid.size(3));
    }
    if (fill != null) {
      Tensor ones = Torch.ones(new long[] {n, 1, x.size(2), x.size(3)}, x.dtype());
      x = Torch.cat(java.util.List.of(x, ones), 1);
    }
    long interpolation = mode == InterpolationMode.NEAREST ? 1 : 0;
    Tensor y;
    try {
      y = NativeTensors.wrap(org.bytedeco.pytorch.global.torch.grid_sampler(
          NativeTensors.handle(x, op, "image"), NativeTensors.handle(grid, op, "grid"),
          interpolation, 0, false));
    } catch (RuntimeException e) {
      throw NativeTensors.fail(op, e, x, grid);
    }
    if (fill != null) {
      Tensor mask = y.narrow(1, channels, 1).expandAs(y.narrow(1, 0, channels));
      y = y.narrow(1, 0, channels);
      Tensor fillImage = Torch.fromArray(fill, 1, fill.length, 1, 1).to(y.dtype()).expandAs(y);
      if (mode == InterpolationMode.NEAREST) {
        y = Torch.where(mask.lt(0.5), fillImage, y);
      } else {
        y = y.mul(mask).add(Torch.sub(Torch.onesLike(mask), mask).mul(fillImage));
      }
    }
    if (single) {
      y = y.squeeze(0);
    }
    return Images.castBack(y.contiguous(), out);
  }

  /**
   * The 8 coefficients mapping output pixels to input pixels for the quadrilateral {@code
   * startpoints} moved to {@code endpoints} (each 4 {@code [x, y]} points), as torchvision's
   * {@code _get_perspective_coeffs}.
   */
  static double[] perspectiveCoefficients(int[][] startpoints, int[][] endpoints) {
    double[][] a = new double[8][9];
    for (int i = 0; i < 4; i++) {
      int[] p1 = endpoints[i];
      int[] p2 = startpoints[i];
      a[2 * i] = new double[] {p1[0], p1[1], 1, 0, 0, 0, -p2[0] * p1[0], -p2[0] * p1[1], p2[0]};
      a[2 * i + 1] =
          new double[] {0, 0, 0, p1[0], p1[1], 1, -p2[1] * p1[0], -p2[1] * p1[1], p2[1]};
    }
    // Gaussian elimination with partial pivoting on the 8x8 system (exact: 8 equations)
    for (int col = 0; col < 8; col++) {
      int pivot = col;
      for (int r = col + 1; r < 8; r++) {
        if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
          pivot = r;
        }
      }
      double[] tmp = a[col];
      a[col] = a[pivot];
      a[pivot] = tmp;
      if (a[col][col] == 0) {
        throw new IllegalArgumentException(
            "TF.perspective: the points " + Arrays.deepToString(startpoints) + " -> "
                + Arrays.deepToString(endpoints)
                + " do not define a perspective transform; give 4 points, no 3 on a line");
      }
      for (int r = 0; r < 8; r++) {
        if (r != col) {
          double f = a[r][col] / a[col][col];
          for (int k = col; k < 9; k++) {
            a[r][k] -= f * a[col][k];
          }
        }
      }
    }
    double[] out = new double[8];
    for (int i = 0; i < 8; i++) {
      out[i] = (float) (a[i][8] / a[i][i]);
    }
    return out;
  }
}
