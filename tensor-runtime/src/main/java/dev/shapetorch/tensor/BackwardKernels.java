package dev.shapetorch.tensor;

import static dev.shapetorch.tensor.ShapeChecks.bool;
import static dev.shapetorch.tensor.ShapeChecks.integer;
import static dev.shapetorch.tensor.ShapeChecks.ints;
import static dev.shapetorch.tensor.ShapeChecks.tensorArg;

import dev.shapetorch.shapes.ShapeRule;
import dev.shapetorch.shapes.rules.Rule;
import dev.shapetorch.shapes.rules.TensorShape;
import java.util.Arrays;
import org.bytedeco.javacpp.BoolPointer;
import org.bytedeco.pytorch.T_TensorTensorTensor_T;
import org.bytedeco.pytorch.T_TensorTensor_T;
import org.bytedeco.pytorch.global.torch;

/**
 * ATen's own backward kernels for the ops whose gradients are not a few pointwise ops: the
 * convolution and 2-D max pooling (with the indices its backward needs). The backprop module's
 * {@code conv2d} and {@code maxPool2d} differentiate through them, exactly as libtorch autograd
 * does.
 *
 * <p>Shape: {@code conv2dBackward} takes the gradient of a {@code Torch.conv2d} result and
 * returns gradients shaped like its input, weight and bias; {@code maxPool2dWithIndices} maps
 * {@code [N, C, H, W]} to values and indices {@code [N, C, H', W']} ({@link Rule#POOL2D}), and
 * {@code maxPool2dBackward} returns a gradient shaped like the pooled input.
 */
public final class BackwardKernels {
  private BackwardKernels() {}

  /**
   * The gradients of {@code Torch.conv2d(input, weight, bias, stride, padding, dilation,
   * groups)} given the gradient of its result ({@code aten::convolution_backward}).
   *
   * @param gradOutput the gradient of the convolution's result
   * @param inputGradient whether to compute the input's gradient (not for data)
   * @param withBias whether the convolution had a bias (its gradient is then computed)
   * @return {@code [dInput, dWeight, dBias]}; {@code dInput} is null unless asked for, {@code
   *     dBias} null without a bias
   * @throws ShapeException if {@code gradOutput} does not have the convolution's result shape
   */
  public static Tensor[] conv2dBackward(Tensor gradOutput, Tensor input, Tensor weight,
      boolean inputGradient, boolean withBias, long[] stride, long[] padding, long[] dilation,
      long groups) {
    String op = "BackwardKernels.conv2dBackward";
    TensorShape out = ShapeChecks.check(Rule.CONV2D, op, tensorArg(input), tensorArg(weight),
        ints(stride), ints(padding), ints(dilation), integer(groups));
    requireShape(op, "gradOutput", gradOutput, out);
    long[] biasSizes = withBias ? new long[] {weight.size(0)} : null;
    try (BoolPointer mask = new BoolPointer(3)) {
      mask.put(0, inputGradient).put(1, true).put(2, withBias);
      try (T_TensorTensorTensor_T r = torch.convolution_backward(gradOutput.h(), input.h(),
          weight.h(), biasSizes, stride, padding, dilation, false, new long[] {0, 0}, groups,
          mask)) {
        return new Tensor[] {inputGradient ? owned(r.get0()) : null, owned(r.get1()),
            withBias ? owned(r.get2()) : null};
      }
    } catch (RuntimeException e) {
      throw Natives.fail(op, e, gradOutput, input, weight);
    }
  }

  /**
   * 2-D max pooling that also returns where each maximum was, as {@code F.max_pool2d(...,
   * return_indices=True)}.
   *
   * <p>Shape: {@code [N, C, H, W] -> [N, C, H', W']} for both values and indices ({@link
   * Rule#POOL2D}).
   */
  @ShapeRule(value = Rule.POOL2D,
      args = {"input", "kernelSize", "stride", "padding", "dilation", "ceilMode"})
  public static ValuesAndIndices maxPool2dWithIndices(Tensor input, long[] kernelSize,
      long[] stride, long[] padding, long[] dilation, boolean ceilMode) {
    String op = "BackwardKernels.maxPool2dWithIndices";
    ShapeChecks.check(Rule.POOL2D, op, tensorArg(input), ints(kernelSize), ints(stride),
        ints(padding), ints(dilation), bool(ceilMode));
    try (T_TensorTensor_T r = torch.max_pool2d_with_indices(input.h(), kernelSize, stride,
        padding, dilation, ceilMode)) {
      return new ValuesAndIndices(owned(r.get0()), owned(r.get1()));
    } catch (RuntimeException e) {
      throw Natives.fail(op, e, input);
    }
  }

  /**
   * The gradient of {@link #maxPool2dWithIndices} with respect to its input: each element of
   * {@code gradOutput} goes to where its maximum was ({@code
   * aten::max_pool2d_with_indices_backward}).
   *
   * @param indices the indices {@link #maxPool2dWithIndices} returned for {@code input}
   * @throws ShapeException if {@code gradOutput} or {@code indices} do not have the pooled shape
   */
  public static Tensor maxPool2dBackward(Tensor gradOutput, Tensor input, long[] kernelSize,
      long[] stride, long[] padding, long[] dilation, boolean ceilMode, Tensor indices) {
    String op = "BackwardKernels.maxPool2dBackward";
    TensorShape out = ShapeChecks.check(Rule.POOL2D, op, tensorArg(input), ints(kernelSize),
        ints(stride), ints(padding), ints(dilation), bool(ceilMode));
    requireShape(op, "gradOutput", gradOutput, out);
    requireShape(op, "indices", indices, out);
    try {
      return Tensor.wrap(torch.max_pool2d_with_indices_backward(gradOutput.h(), input.h(),
          kernelSize, stride, padding, dilation, ceilMode, indices.h()));
    } catch (RuntimeException e) {
      throw Natives.fail(op, e, gradOutput, input, indices);
    }
  }

  /**
   * A tensor of a libtorch tuple as a tensor of its own: the tuple's getters return references
   * into the tuple, which dangle once it is freed, so each element is copied (a new reference to
   * the same storage) before the tuple closes.
   */
  private static Tensor owned(org.bytedeco.pytorch.Tensor element) {
    return Tensor.wrap(new org.bytedeco.pytorch.Tensor(element));
  }

  private static void requireShape(String op, String name, Tensor t, TensorShape expected) {
    if (!expected.equals(t.shapeOf())) {
      throw new IllegalArgumentException(op + ": " + name + " has shape "
          + Arrays.toString(t.shape()) + " but the forward result has shape " + expected);
    }
  }
}
