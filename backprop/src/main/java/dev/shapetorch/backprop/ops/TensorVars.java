package dev.shapetorch.backprop.ops;

import dev.shapetorch.backprop.BVar;
import dev.shapetorch.backprop.BVars;
import dev.shapetorch.shapes.Shape;
import dev.shapetorch.shapes.ShapeRule;
import dev.shapetorch.shapes.rules.Rule;
import dev.shapetorch.tensor.Tensor;
import java.util.List;

/**
 * The tensor ops of {@link TensorOps} on {@code BVar<Tensor>}s: each function is one {@code
 * BVars.liftOp} of the op of the same name, with its shape in its signature.
 *
 * <pre>{@code
 * // gradient of mean((x w^T + b) relu) with respect to w and b
 * T2<Tensor, Tensor> g = BVars.gradBP2(
 *     (w, b) -> TensorVars.mean(TensorVars.relu(TensorVars.linear(TensorVars.constant(x), w, b))),
 *     w0, b0, TensorBackprop.INSTANCE, TensorBackprop.INSTANCE);
 * }</pre>
 *
 * <p>Shapes. The shape of the tensor inside a {@code BVar} is written on the {@code BVar}
 * itself, the way a module's type carries its hyperparameters: {@code @Shape({"B", "784"})
 * BVar<Tensor> x} is a variable holding a {@code [B, 784]} tensor. (Not on the type argument:
 * generic type arguments are invariant, so {@code BVar<@Shape({"B", "784"}) Tensor>} would match
 * no op's {@code BVar<Tensor>} parameter.) Ops whose shape a signature can say declare it there
 * ({@code relu} keeps {@code "*s"}; {@code sum()} returns {@code {}}); the others name their rule
 * with {@code @ShapeRule}, whose tensor inputs are the {@code BVar} arguments. At run time every
 * op checks its inputs with the same rule (the {@code Torch} op its forward pass calls) and
 * throws {@code ShapeException} on a mismatch.
 */
public final class TensorVars {
  private TensorVars() {}

  /**
   * A constant tensor: data the function depends on but is not differentiated for.
   *
   * <p>Shape: the tensor's.
   */
  public static @Shape({"*s"}) BVar<Tensor> constant(@Shape({"*s"}) Tensor value) {
    return BVar.constant(value, TensorBackprop.INSTANCE);
  }

  /**
   * {@code a + b} with broadcasting; see {@link TensorOps#add()}.
   *
   * <p>Shape: {@link Rule#BROADCAST}.
   */
  @ShapeRule(Rule.BROADCAST)
  public static BVar<Tensor> add(BVar<Tensor> a, BVar<Tensor> b) {
    return BVars.liftOp2(TensorOps.add(), a, b, TensorBackprop.INSTANCE);
  }

  /**
   * {@code a - b} with broadcasting; see {@link TensorOps#sub()}.
   *
   * <p>Shape: {@link Rule#BROADCAST}.
   */
  @ShapeRule(Rule.BROADCAST)
  public static BVar<Tensor> sub(BVar<Tensor> a, BVar<Tensor> b) {
    return BVars.liftOp2(TensorOps.sub(), a, b, TensorBackprop.INSTANCE);
  }

  /**
   * {@code a * b} with broadcasting; see {@link TensorOps#mul()}.
   *
   * <p>Shape: {@link Rule#BROADCAST}.
   */
  @ShapeRule(Rule.BROADCAST)
  public static BVar<Tensor> mul(BVar<Tensor> a, BVar<Tensor> b) {
    return BVars.liftOp2(TensorOps.mul(), a, b, TensorBackprop.INSTANCE);
  }

  /**
   * {@code a / b} with broadcasting; see {@link TensorOps#div()}.
   *
   * <p>Shape: {@link Rule#BROADCAST}.
   */
  @ShapeRule(Rule.BROADCAST)
  public static BVar<Tensor> div(BVar<Tensor> a, BVar<Tensor> b) {
    return BVars.liftOp2(TensorOps.div(), a, b, TensorBackprop.INSTANCE);
  }

  /**
   * {@code -x}, elementwise; see {@link TensorOps#neg()}.
   *
   * <p>Shape: unchanged.
   */
  public static @Shape({"*s"}) BVar<Tensor> neg(@Shape({"*s"}) BVar<Tensor> x) {
    return BVars.liftOp1(TensorOps.neg(), x, TensorBackprop.INSTANCE);
  }

  /**
   * {@code e^x}, elementwise; see {@link TensorOps#exp()}.
   *
   * <p>Shape: unchanged.
   */
  public static @Shape({"*s"}) BVar<Tensor> exp(@Shape({"*s"}) BVar<Tensor> x) {
    return BVars.liftOp1(TensorOps.exp(), x, TensorBackprop.INSTANCE);
  }

  /**
   * Natural logarithm, elementwise; see {@link TensorOps#log()}.
   *
   * <p>Shape: unchanged.
   */
  public static @Shape({"*s"}) BVar<Tensor> log(@Shape({"*s"}) BVar<Tensor> x) {
    return BVars.liftOp1(TensorOps.log(), x, TensorBackprop.INSTANCE);
  }

  /**
   * Hyperbolic tangent, elementwise; see {@link TensorOps#tanh()}.
   *
   * <p>Shape: unchanged.
   */
  public static @Shape({"*s"}) BVar<Tensor> tanh(@Shape({"*s"}) BVar<Tensor> x) {
    return BVars.liftOp1(TensorOps.tanh(), x, TensorBackprop.INSTANCE);
  }

  /**
   * Logistic sigmoid, elementwise; see {@link TensorOps#sigmoid()}.
   *
   * <p>Shape: unchanged.
   */
  public static @Shape({"*s"}) BVar<Tensor> sigmoid(@Shape({"*s"}) BVar<Tensor> x) {
    return BVars.liftOp1(TensorOps.sigmoid(), x, TensorBackprop.INSTANCE);
  }

  /**
   * {@code max(x, 0)}, elementwise; see {@link TensorOps#relu()}.
   *
   * <p>Shape: unchanged.
   */
  public static @Shape({"*s"}) BVar<Tensor> relu(@Shape({"*s"}) BVar<Tensor> x) {
    return BVars.liftOp1(TensorOps.relu(), x, TensorBackprop.INSTANCE);
  }

  /**
   * The matrix product, as {@code Torch.matmul}; see {@link TensorOps#matmul()}.
   *
   * <p>Shape: {@link Rule#MATMUL} ({@code [M, K] x [K, N] -> [M, N]}, with 1-D and batched cases).
   */
  @ShapeRule(Rule.MATMUL)
  public static BVar<Tensor> matmul(BVar<Tensor> a, BVar<Tensor> b) {
    return BVars.liftOp2(TensorOps.matmul(), a, b, TensorBackprop.INSTANCE);
  }

  /**
   * {@code x w^T + b}, as {@code F.linear}; see {@link TensorOps#linear()}. When {@code x} is a
   * constant (data), its gradient is not computed ({@link TensorOps#linearOfConstant}).
   *
   * <p>Shape: {@code x [*batch, In]}, {@code w [Out, In]}, {@code b [Out]} give {@code [*batch,
   * Out]}.
   */
  public static @Shape({"*batch", "Out"}) BVar<Tensor> linear(
      @Shape({"*batch", "In"}) BVar<Tensor> x, @Shape({"Out", "In"}) BVar<Tensor> w,
      @Shape({"Out"}) BVar<Tensor> b) {
    if (x.isConstant()) {
      return BVars.liftOp2(TensorOps.linearOfConstant(x.value()), w, b, TensorBackprop.INSTANCE);
    }
    return BVars.liftOp3(TensorOps.linear(), x, w, b, TensorBackprop.INSTANCE);
  }

  /**
   * {@code x w^T}, as {@code F.linear} without bias; see {@link TensorOps#linearNoBias()}. When
   * {@code x} is a constant, its gradient is not computed.
   *
   * <p>Shape: {@code x [*batch, In]}, {@code w [Out, In]} give {@code [*batch, Out]}.
   */
  public static @Shape({"*batch", "Out"}) BVar<Tensor> linear(
      @Shape({"*batch", "In"}) BVar<Tensor> x, @Shape({"Out", "In"}) BVar<Tensor> w) {
    if (x.isConstant()) {
      return BVars.liftOp1(TensorOps.linearNoBiasOfConstant(x.value()), w,
          TensorBackprop.INSTANCE);
    }
    return BVars.liftOp2(TensorOps.linearNoBias(), x, w, TensorBackprop.INSTANCE);
  }

  /**
   * The sum of all elements; see {@link TensorOps#sum()}.
   *
   * <p>Shape: a 0-d tensor.
   */
  public static @Shape({}) BVar<Tensor> sum(BVar<Tensor> x) {
    return BVars.liftOp1(TensorOps.sum(), x, TensorBackprop.INSTANCE);
  }

  /**
   * The sum along {@code dim}; see {@link TensorOps#sum(int, boolean)}.
   *
   * <p>Shape: {@link Rule#REDUCE_DIM}.
   */
  @ShapeRule(Rule.REDUCE_DIM)
  public static BVar<Tensor> sum(BVar<Tensor> x, int dim, boolean keepdim) {
    return BVars.liftOp1(TensorOps.sum(dim, keepdim), x, TensorBackprop.INSTANCE);
  }

  /**
   * The mean of all elements; see {@link TensorOps#mean()}.
   *
   * <p>Shape: a 0-d tensor.
   */
  public static @Shape({}) BVar<Tensor> mean(BVar<Tensor> x) {
    return BVars.liftOp1(TensorOps.mean(), x, TensorBackprop.INSTANCE);
  }

  /**
   * The mean along {@code dim}; see {@link TensorOps#mean(int, boolean)}.
   *
   * <p>Shape: {@link Rule#REDUCE_DIM}.
   */
  @ShapeRule(Rule.REDUCE_DIM)
  public static BVar<Tensor> mean(BVar<Tensor> x, int dim, boolean keepdim) {
    return BVars.liftOp1(TensorOps.mean(dim, keepdim), x, TensorBackprop.INSTANCE);
  }

  /**
   * The sum over several dimensions; see {@link TensorOps#sum(int[], boolean)}.
   *
   * <p>Shape: {@link Rule#REDUCE_DIMS}.
   */
  @ShapeRule(Rule.REDUCE_DIMS)
  public static BVar<Tensor> sum(BVar<Tensor> x, int[] dims, boolean keepdim) {
    return BVars.liftOp1(TensorOps.sum(dims, keepdim), x, TensorBackprop.INSTANCE);
  }

  /**
   * The mean over several dimensions; see {@link TensorOps#mean(int[], boolean)}.
   *
   * <p>Shape: {@link Rule#REDUCE_DIMS}.
   */
  @ShapeRule(Rule.REDUCE_DIMS)
  public static BVar<Tensor> mean(BVar<Tensor> x, int[] dims, boolean keepdim) {
    return BVars.liftOp1(TensorOps.mean(dims, keepdim), x, TensorBackprop.INSTANCE);
  }

  /**
   * Softmax along {@code dim}; see {@link TensorOps#softmax(int)}.
   *
   * <p>Shape: unchanged ({@link Rule#ALONG_DIM}).
   */
  @ShapeRule(Rule.ALONG_DIM)
  public static BVar<Tensor> softmax(BVar<Tensor> x, int dim) {
    return BVars.liftOp1(TensorOps.softmax(dim), x, TensorBackprop.INSTANCE);
  }

  /**
   * Log-softmax along {@code dim}; see {@link TensorOps#logSoftmax(int)}.
   *
   * <p>Shape: unchanged ({@link Rule#ALONG_DIM}).
   */
  @ShapeRule(Rule.ALONG_DIM)
  public static BVar<Tensor> logSoftmax(BVar<Tensor> x, int dim) {
    return BVars.liftOp1(TensorOps.logSoftmax(dim), x, TensorBackprop.INSTANCE);
  }

  /**
   * The elements in a new shape; see {@link TensorOps#reshape(long...)}.
   *
   * <p>Shape: {@link Rule#RESHAPE} (at most one {@code -1}).
   */
  @ShapeRule(Rule.RESHAPE)
  public static BVar<Tensor> reshape(BVar<Tensor> x, long... shape) {
    return BVars.liftOp1(TensorOps.reshape(shape), x, TensorBackprop.INSTANCE);
  }

  /**
   * Two dimensions swapped; see {@link TensorOps#transpose(int, int)}.
   *
   * <p>Shape: {@link Rule#TRANSPOSE}.
   */
  @ShapeRule(Rule.TRANSPOSE)
  public static BVar<Tensor> transpose(BVar<Tensor> x, int dim0, int dim1) {
    return BVars.liftOp1(TensorOps.transpose(dim0, dim1), x, TensorBackprop.INSTANCE);
  }

  /**
   * The variables joined along {@code dim}; see {@link TensorOps#cat(int)}.
   *
   * <p>Shape: {@link Rule#CAT}.
   */
  @ShapeRule(Rule.CAT)
  public static BVar<Tensor> cat(List<BVar<Tensor>> tensors, int dim) {
    return BVars.liftOpN(TensorOps.cat(dim), tensors, TensorBackprop.INSTANCE);
  }

  /**
   * The slice {@code [start, start + length)} along {@code dim}; see {@link
   * TensorOps#narrow(int, long, long)}.
   *
   * <p>Shape: {@link Rule#NARROW}.
   */
  @ShapeRule(Rule.NARROW)
  public static BVar<Tensor> narrow(BVar<Tensor> x, int dim, long start, long length) {
    return BVars.liftOp1(TensorOps.narrow(dim, start, length), x, TensorBackprop.INSTANCE);
  }

  /**
   * The rows of {@code weight} picked by {@code indices}; see {@link
   * TensorOps#embedding(Tensor)}.
   *
   * <p>Shape: {@code [*batch]} indices and a {@code [Num, Dim]} weight give {@code [*batch,
   * Dim]} ({@link Rule#EMBEDDING}).
   */
  public static @Shape({"*batch", "Dim"}) BVar<Tensor> embedding(
      @Shape({"*batch"}) Tensor indices, @Shape({"Num", "Dim"}) BVar<Tensor> weight) {
    return BVars.liftOp1(TensorOps.embedding(indices), weight, TensorBackprop.INSTANCE);
  }

  /**
   * The mean cross-entropy of logits against int64 class indices; see {@link
   * TensorOps#crossEntropy(Tensor)}.
   *
   * <p>Shape: {@code [N, C]} logits and {@code [N]} targets give a 0-d tensor ({@link
   * Rule#CLASS_INDEX_LOSS}).
   */
  public static @Shape({}) BVar<Tensor> crossEntropy(@Shape({"N", "C"}) BVar<Tensor> logits,
      @Shape({"N"}) Tensor target) {
    return BVars.liftOp1(TensorOps.crossEntropy(target), logits, TensorBackprop.INSTANCE);
  }

  /**
   * The mean cross-entropy with class weights, an ignored index and label smoothing, against
   * class indices or probabilities; see {@link TensorOps#crossEntropy(Tensor, Tensor, long,
   * double)}.
   *
   * <p>Shape: {@code [N, C]} logits with {@code [N]} indices or {@code [N, C]} probabilities
   * and a {@code [C]} weight give a 0-d tensor.
   */
  public static @Shape({}) BVar<Tensor> crossEntropy(@Shape({"N", "C"}) BVar<Tensor> logits,
      Tensor target, Tensor weight, long ignoreIndex, double labelSmoothing) {
    return BVars.liftOp1(TensorOps.crossEntropy(target, weight, ignoreIndex, labelSmoothing),
        logits, TensorBackprop.INSTANCE);
  }

  /**
   * 2-D average pooling; see {@link TensorOps#avgPool2d(long[], long[], long[], boolean)}.
   *
   * <p>Shape: {@code [N, C, H, W] -> [N, C, H', W']} ({@link Rule#POOL2D} with dilation 1).
   */
  @ShapeRule(value = Rule.POOL2D,
      args = {"input", "kernelSize", "stride", "padding", "1", "false"})
  public static BVar<Tensor> avgPool2d(BVar<Tensor> input, long[] kernelSize, long[] stride,
      long[] padding, boolean countIncludePad) {
    return BVars.liftOp1(TensorOps.avgPool2d(kernelSize, stride, padding, countIncludePad),
        input, TensorBackprop.INSTANCE);
  }

  /**
   * 2-D average pooling with PyTorch's every option: output sizes rounded up with {@code
   * ceilMode}, padded zeros counted or not, a divisor override (0 for none); see {@link
   * TensorOps#avgPool2d(long[], long[], long[], boolean, boolean, long)}.
   *
   * <p>Shape: {@code [N, C, H, W] -> [N, C, H', W']} ({@link Rule#POOL2D} with dilation 1 and
   * this {@code ceilMode}).
   */
  @ShapeRule(value = Rule.POOL2D,
      args = {"input", "kernelSize", "stride", "padding", "1", "ceilMode"})
  public static BVar<Tensor> avgPool2d(BVar<Tensor> input, long[] kernelSize, long[] stride,
      long[] padding, boolean ceilMode, boolean countIncludePad, long divisorOverride) {
    return BVars.liftOp1(TensorOps.avgPool2d(kernelSize, stride, padding, ceilMode,
        countIncludePad, divisorOverride), input, TensorBackprop.INSTANCE);
  }

  /**
   * Adaptive 2-D average pooling; see {@link TensorOps#adaptiveAvgPool2d(long...)}.
   *
   * <p>Shape: {@code [N, C, H, W] -> [N, C, OH, OW]} ({@link Rule#ADAPTIVE_POOL2D}).
   */
  @ShapeRule(Rule.ADAPTIVE_POOL2D)
  public static BVar<Tensor> adaptiveAvgPool2d(BVar<Tensor> input, long... outputSize) {
    return BVars.liftOp1(TensorOps.adaptiveAvgPool2d(outputSize), input,
        TensorBackprop.INSTANCE);
  }

  /**
   * The mean squared error; see {@link TensorOps#mseLoss()}.
   *
   * <p>Shape: both of one shape ({@link Rule#SAME_SHAPE}); a 0-d result.
   */
  public static @Shape({}) BVar<Tensor> mseLoss(@Shape({"*s"}) BVar<Tensor> input,
      @Shape({"*s"}) BVar<Tensor> target) {
    return BVars.liftOp2(TensorOps.mseLoss(), input, target, TensorBackprop.INSTANCE);
  }

  /**
   * A 2-D convolution with bias; see {@link TensorOps#conv2d(long[], long[], long[], long)}.
   * When the input is a constant (data), its gradient is not computed.
   *
   * <p>Shape: {@code [N, Cin, H, W] x [Cout, Cin/groups, KH, KW] -> [N, Cout, (H + 2*PH -
   * DH*(KH-1) - 1)/SH + 1, (W + 2*PW - DW*(KW-1) - 1)/SW + 1]} ({@link Rule#CONV2D}); the bias
   * is {@code [Cout]}.
   */
  @ShapeRule(value = Rule.CONV2D,
      args = {"input", "weight", "stride", "padding", "dilation", "groups", "bias"})
  public static BVar<Tensor> conv2d(BVar<Tensor> input, BVar<Tensor> weight, BVar<Tensor> bias,
      long[] stride, long[] padding, long[] dilation, long groups) {
    if (input.isConstant()) {
      return BVars.liftOp2(TensorOps.conv2dOfConstant(input.value(), stride, padding, dilation,
          groups), weight, bias, TensorBackprop.INSTANCE);
    }
    return BVars.liftOp3(TensorOps.conv2d(stride, padding, dilation, groups), input, weight,
        bias, TensorBackprop.INSTANCE);
  }

  /**
   * A 2-D convolution without bias; see {@link TensorOps#conv2dNoBias}.
   *
   * <p>Shape: as the form with bias ({@link Rule#CONV2D}).
   */
  @ShapeRule(value = Rule.CONV2D,
      args = {"input", "weight", "stride", "padding", "dilation", "groups", "null"})
  public static BVar<Tensor> conv2d(BVar<Tensor> input, BVar<Tensor> weight, long[] stride,
      long[] padding, long[] dilation, long groups) {
    if (input.isConstant()) {
      return BVars.liftOp1(TensorOps.conv2dNoBiasOfConstant(input.value(), stride, padding,
          dilation, groups), weight, TensorBackprop.INSTANCE);
    }
    return BVars.liftOp2(TensorOps.conv2dNoBias(stride, padding, dilation, groups), input,
        weight, TensorBackprop.INSTANCE);
  }

  /**
   * A 1-D convolution with bias; see {@link TensorOps#conv1d(long, long, long, long)}.
   *
   * <p>Shape: {@code [N, Cin, L] x [Cout, Cin/groups, K] -> [N, Cout, (L + 2*P - D*(K-1) - 1)/S
   * + 1]} ({@link Rule#CONV1D}); the bias is {@code [Cout]}.
   */
  @ShapeRule(value = Rule.CONV1D,
      args = {"input", "weight", "stride", "padding", "dilation", "groups", "bias"})
  public static BVar<Tensor> conv1d(BVar<Tensor> input, BVar<Tensor> weight, BVar<Tensor> bias,
      long stride, long padding, long dilation, long groups) {
    return BVars.liftOp3(TensorOps.conv1d(stride, padding, dilation, groups), input, weight,
        bias, TensorBackprop.INSTANCE);
  }

  /**
   * Layer normalisation over the trailing {@code normalizedShape} dimensions; see {@link
   * TensorOps#layerNorm(long[], double)}.
   *
   * <p>Shape: {@code [*batch, *normalizedShape] -> same} ({@link Rule#LAYER_NORM}); weight and
   * bias have the normalized shape.
   */
  @ShapeRule(value = Rule.LAYER_NORM, args = {"input", "normalizedShape"})
  public static BVar<Tensor> layerNorm(BVar<Tensor> input, long[] normalizedShape,
      BVar<Tensor> weight, BVar<Tensor> bias, double eps) {
    return BVars.liftOp3(TensorOps.layerNorm(normalizedShape, eps), input, weight, bias,
        TensorBackprop.INSTANCE);
  }

  /**
   * Batch normalisation in training mode, updating the running statistics if given; see {@link
   * TensorOps#batchNorm(Tensor, Tensor, double, double)}.
   *
   * <p>Shape: {@code [N, C, *] -> [N, C, *]} ({@link Rule#BATCH_NORM}); weight, bias and the
   * running statistics are {@code [C]}.
   */
  @ShapeRule(value = Rule.BATCH_NORM,
      args = {"input", "weight", "bias", "runningMean", "runningVar"})
  public static BVar<Tensor> batchNorm(BVar<Tensor> input, BVar<Tensor> weight,
      BVar<Tensor> bias, Tensor runningMean, Tensor runningVar, double momentum, double eps) {
    return BVars.liftOp3(TensorOps.batchNorm(runningMean, runningVar, momentum, eps), input,
        weight, bias, TensorBackprop.INSTANCE);
  }

  /**
   * Batch normalisation in training mode (the batch's statistics; the running ones updated if
   * given) or in evaluation mode (the running statistics, left unchanged); see {@link
   * TensorOps#batchNorm(Tensor, Tensor, boolean, double, double)}.
   *
   * <p>Shape: {@code [N, C, *] -> [N, C, *]} ({@link Rule#BATCH_NORM}); weight, bias and the
   * running statistics are {@code [C]}.
   */
  @ShapeRule(value = Rule.BATCH_NORM,
      args = {"input", "weight", "bias", "runningMean", "runningVar"})
  public static BVar<Tensor> batchNorm(BVar<Tensor> input, BVar<Tensor> weight,
      BVar<Tensor> bias, Tensor runningMean, Tensor runningVar, boolean training,
      double momentum, double eps) {
    return BVars.liftOp3(TensorOps.batchNorm(runningMean, runningVar, training, momentum, eps),
        input, weight, bias, TensorBackprop.INSTANCE);
  }

  /**
   * Dropout while training; see {@link TensorOps#dropout(double)}.
   *
   * <p>Shape: unchanged.
   */
  public static @Shape({"*s"}) BVar<Tensor> dropout(@Shape({"*s"}) BVar<Tensor> x, double p) {
    return BVars.liftOp1(TensorOps.dropout(p), x, TensorBackprop.INSTANCE);
  }

  /**
   * 2-D max pooling; see {@link TensorOps#maxPool2d}.
   *
   * <p>Shape: {@code [N, C, H, W] -> [N, C, H', W']} ({@link Rule#POOL2D}).
   */
  @ShapeRule(value = Rule.POOL2D,
      args = {"input", "kernelSize", "stride", "padding", "dilation", "ceilMode"})
  public static BVar<Tensor> maxPool2d(BVar<Tensor> input, long[] kernelSize, long[] stride,
      long[] padding, long[] dilation, boolean ceilMode) {
    return BVars.liftOp1(TensorOps.maxPool2d(kernelSize, stride, padding, dilation, ceilMode),
        input, TensorBackprop.INSTANCE);
  }
}
